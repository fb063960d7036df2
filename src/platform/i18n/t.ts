import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import ru from './messages/ru.json' with { type: 'json' };
import zh from './messages/zh.json' with { type: 'json' };
import type { Locale } from './locales';

/**
 * A catalog entry is a string with `{name}` placeholders, or, for counted phrases, one string per
 * CLDR plural category (`{ "one": "{count} session", "other": "{count} sessions" }`), chosen by
 * Intl.PluralRules for the `count` parameter. Arabic uses all six categories.
 */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
export type Catalog = Record<string, Message>;
export type MessageKey = keyof typeof en;
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export const CATALOGS: Record<Locale, Catalog> = { ar, zh, en, fr, ru, es };

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** Builds the translate function for one locale. Numbers in parameters are formatted for it. */
export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  const plurals = cached(pluralRules, locale, () => new Intl.PluralRules(locale));
  const numbers = cached(numberFormats, locale, () => new Intl.NumberFormat(locale));
  return (key, params) => {
    const entry = catalog[key] ?? CATALOGS.en[key];
    if (entry === undefined) return key;
    let template: string;
    if (typeof entry === 'string') {
      template = entry;
    } else {
      const count = Number(params?.count ?? 0);
      template = entry[plurals.select(count)] ?? entry.other ?? '';
    }
    if (!params) return template;
    const parts = partsOf(template);
    if (parts.length === 1) return template;
    let text = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      const value = params[name];
      text +=
        (value === undefined ? `{${name}}` : typeof value === 'number' ? numbers.format(value) : value) +
        parts[i + 1]!;
    }
    return text;
  };
}

/**
 * A template split at its `{name}` placeholders: text, name, text, …, text (odd indexes are
 * names). Split once per template and kept (the catalogs hold a few thousand): a page calls `t`
 * hundreds of times, and a regular expression replace on each call was about 5 % of a render.
 */
const templateParts = new Map<string, string[]>();
function partsOf(template: string): string[] {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    templateParts.set(template, parts);
  }
  return parts;
}

function cached<V>(map: Map<Locale, V>, locale: Locale, make: () => V): V {
  let value = map.get(locale);
  if (!value) {
    value = make();
    map.set(locale, value);
  }
  return value;
}
