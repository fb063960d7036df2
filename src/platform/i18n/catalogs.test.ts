import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { LOCALES, type Locale } from './locales';

/**
 * The message catalogs against en.json, and en.json against the source. Each test collects every
 * problem it finds as one line naming the locale and the key, and expects that list to be empty, so
 * a failure shows all of them at once.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MESSAGES_DIR = path.join(HERE, 'messages');
const SRC_DIR = path.resolve(HERE, '../..');

const CLDR_CATEGORIES: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
/** The shape of a key (STYLE: dotted, lower camel case namespace). */
const KEY_SHAPE = /^[a-z][a-zA-Z]*(\.[a-zA-Z_]+)+$/;
/** As t.ts substitutes them. */
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Values that may read exactly as in English, with the reason. Anything else identical to en.json
 * in another catalog is taken for an untranslated copy. An entry that no longer applies fails too,
 * so the list cannot rot.
 */
const SAME_AS_ENGLISH: { key: string; locales: readonly Locale[]; why: string }[] = [
  {
    key: 'site.name',
    locales: ['ar', 'zh', 'fr', 'ru', 'es'],
    why: 'the product name, a brand: never translated',
  },
  // French shares these words with English: "Document(s)", "Session(s)", "Date", "Format", "Programme".
  { key: 'layout.nav.documents', locales: ['fr'], why: '"Documents" is French too' },
  { key: 'session.documents', locales: ['fr'], why: '"Documents" is French too' },
  { key: 'documents.kind.other', locales: ['fr'], why: '"Document" is French too' },
  { key: 'documents.count', locales: ['fr'], why: '"{count} document(s)" is French too' },
  { key: 'feed.title', locales: ['fr'], why: '"Sessions" is French too (WIPO: "session")' },
  { key: 'speaker.appearances', locales: ['fr'], why: '"Sessions" is French too' },
  { key: 'documents.session', locales: ['fr'], why: '"Session" is French too' },
  { key: 'documents.filter.session', locales: ['fr'], why: '"Session" is French too' },
  { key: 'session.number', locales: ['fr'], why: '"Session {number}" is French too' },
  { key: 'home.reach.sessions', locales: ['fr'], why: '"session(s)" is French too' },
  { key: 'theme.sessions', locales: ['fr'], why: '"{count} session(s)" is French too' },
  { key: 'documents.date', locales: ['fr'], why: '"Date" is French too' },
  { key: 'session.formatLabel', locales: ['fr'], why: '"Format" is French too' },
  { key: 'documents.kind.programme', locales: ['fr'], why: '"Programme" is French too' },
  { key: 'session.format.virtual', locales: ['es'], why: '"Virtual" is Spanish too' },
  { key: 'errors.title', locales: ['es'], why: '"Error {status}" is Spanish too' },
  { key: 'analytics.admin.series', locales: ['es'], why: '"Series" is Spanish too' },
  { key: 'analytics.region.142', locales: ['es'], why: '"Asia" is Spanish too (UN M49)' },
  { key: 'analytics.region.150', locales: ['fr'], why: '"Europe" is French too (UN M49)' },
  { key: 'analytics.subregion.054', locales: ['es'], why: '"Melanesia" is Spanish too (UN M49)' },
  { key: 'analytics.subregion.057', locales: ['es'], why: '"Micronesia" is Spanish too (UN M49)' },
  {
    key: 'analytics.map.countryValue',
    locales: ['es', 'ru', 'ar'],
    why: 'two placeholders and a colon, written the same way in these languages',
  },
];

type Plural = Record<string, string>;
type Entry = string | Plural;

interface LoadedCatalog {
  locale: Locale;
  file: string;
  /** Top-level keys in file order, duplicates included. */
  keys: string[];
  entries: Record<string, unknown>;
}

function loadCatalog(locale: Locale): LoadedCatalog {
  const file = `messages/${locale}.json`;
  const text = readFileSync(path.join(MESSAGES_DIR, `${locale}.json`), 'utf8');
  const entries = JSON.parse(text) as Record<string, unknown>;
  return { locale, file, keys: topLevelKeys(text), entries };
}

/** The keys of the top-level object in source order; JSON.parse would silently keep the last duplicate. */
function topLevelKeys(json: string): string[] {
  const keys: string[] = [];
  const colon = /\s*:/y;
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      colon.lastIndex = end + 1;
      if (depth === 1 && colon.test(json)) keys.push(JSON.parse(json.slice(i, end + 1)) as string);
      i = end;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return keys;
}

const CATALOGS = Object.fromEntries(LOCALES.map((l) => [l, loadCatalog(l)])) as Record<Locale, LoadedCatalog>;
const EN = CATALOGS.en;
const EN_KEYS = Object.keys(EN.entries);
const OTHER_LOCALES = LOCALES.filter((l) => l !== 'en');

const isPlural = (value: unknown): value is Plural =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();
}

const show = (names: string[]) => (names.length ? names.map((n) => `{${n}}`).join(' ') : '(none)');

function categoriesOf(locale: Locale): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

/** Sample counts: every integer up to 1000, and some large ones (French and Spanish "many"). */
const SAMPLE_COUNTS = [...Array.from({ length: 1001 }, (_, n) => n), 10_000, 100_000, 1_000_000, 10_000_000];

/**
 * Whether a plural category stands for one number only (Arabic "zero", "one" and "two", English
 * "one"), so its wording may say the number in words and leave {count} out: "دورتان", "one session".
 * French "one" (0 and 1) and Russian "one" (1, 21, 31…) must keep {count}. An explicit "zero" always
 * means 0.
 */
function pinsOneNumber(locale: Locale, category: string): boolean {
  if (category === 'zero') return true;
  const rules = new Intl.PluralRules(locale);
  return SAMPLE_COUNTS.filter((n) => rules.select(n) === category).length === 1;
}

describe('message catalogs', () => {
  test.each(LOCALES)('%s.json holds only strings and plural objects, each key once', (locale) => {
    const { file, keys, entries } = CATALOGS[locale];
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) problems.push(`${file}: "${key}" appears more than once; only the last one counts`);
      seen.add(key);
    }
    for (const [key, value] of Object.entries(entries)) {
      if (typeof value === 'string') {
        if (!value.trim()) problems.push(`${file}: "${key}" is empty`);
      } else if (isPlural(value)) {
        for (const [category, text] of Object.entries(value)) {
          if (!CLDR_CATEGORIES.includes(category)) {
            problems.push(`${file}: "${key}" has "${category}", which is not a CLDR plural category`);
          }
          if (typeof text !== 'string' || !text.trim()) {
            problems.push(`${file}: "${key}".${category} must be a non-empty string`);
          }
        }
      } else {
        problems.push(`${file}: "${key}" must be a string or a plural object, not ${JSON.stringify(value)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test.each(OTHER_LOCALES)('%s.json has exactly the keys of en.json, in the same order', (locale) => {
    const { file, entries } = CATALOGS[locale];
    const problems: string[] = [];
    for (const key of EN_KEYS) {
      if (!(key in entries))
        problems.push(`${file}: missing "${key}" (en.json: ${JSON.stringify(EN.entries[key])})`);
    }
    for (const key of Object.keys(entries)) {
      if (!(key in EN.entries))
        problems.push(`${file}: "${key}" is not in en.json; remove it or add it there first`);
    }
    if (problems.length === 0) {
      const keys = Object.keys(entries);
      const at = keys.findIndex((key, i) => key !== EN_KEYS[i]);
      if (at >= 0) {
        problems.push(`${file}: keys out of order from "${keys[at]}"; en.json has "${EN_KEYS[at]}" there`);
      }
    }
    expect(problems).toEqual([]);
  });

  test.each(LOCALES)(
    '%s.json: plural entries have every category Intl.PluralRules needs, and no others',
    (locale) => {
      const { file, entries } = CATALOGS[locale];
      const needed = categoriesOf(locale);
      const problems: string[] = [];
      for (const key of EN_KEYS) {
        const value = entries[key];
        const en = EN.entries[key];
        if (value === undefined) continue; // reported by the key test
        if (isPlural(en) !== isPlural(value)) {
          problems.push(
            isPlural(en)
              ? `${file}: "${key}" is a plural object in en.json but a string here`
              : `${file}: "${key}" is a string in en.json but a plural object here`,
          );
          continue;
        }
        if (!isPlural(value) || !isPlural(en)) continue;
        for (const category of needed) {
          if (!(category in value)) {
            problems.push(
              `${file}: "${key}" lacks "${category}" (Intl.PluralRules('${locale}') uses ${needed.join(', ')})`,
            );
          }
        }
        for (const category of Object.keys(value)) {
          // en.json's explicit "zero" may be mirrored anywhere; any other unused category is a mistake.
          if (!needed.includes(category) && !(category in en)) {
            problems.push(
              `${file}: "${key}" has "${category}", which '${locale}' never selects (it uses ${needed.join(', ')})`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
    },
  );

  test.each(LOCALES)('%s.json: placeholders are those of en.json', (locale) => {
    const { file, entries } = CATALOGS[locale];
    const problems: string[] = [];
    for (const key of EN_KEYS) {
      const value = entries[key] as Entry | undefined;
      const en = EN.entries[key] as Entry;
      if (value === undefined || isPlural(en) !== isPlural(value)) continue; // reported elsewhere
      const expected = placeholders(isPlural(en) ? (en.other ?? '') : en);
      if (typeof value === 'string') {
        const found = placeholders(value);
        if (found.join() !== expected.join()) {
          problems.push(`${file}: "${key}" has ${show(found)}; en.json has ${show(expected)}`);
        }
        continue;
      }
      for (const [category, text] of Object.entries(value)) {
        const found = placeholders(text);
        // A category that means a single number may spell it out ("two sessions") instead of {count}.
        const mayOmitCount = pinsOneNumber(locale, category);
        const missing = expected.filter((p) => !found.includes(p) && !(p === 'count' && mayOmitCount));
        const unknown = found.filter((p) => !expected.includes(p));
        if (missing.length || unknown.length) {
          problems.push(
            `${file}: "${key}".${category} has ${show(found)}; en.json's "other" has ${show(expected)}` +
              (missing.length ? `; missing ${show(missing)}` : '') +
              (unknown.length ? `; unknown ${show(unknown)}` : ''),
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test.each(OTHER_LOCALES)(
    '%s.json: every value is translated (or allow-listed as the same as English)',
    (locale) => {
      const { file, entries } = CATALOGS[locale];
      const allowed = new Set(SAME_AS_ENGLISH.filter((a) => a.locales.includes(locale)).map((a) => a.key));
      const problems: string[] = [];
      for (const key of EN_KEYS) {
        const value = entries[key] as Entry | undefined;
        if (value === undefined) continue;
        const same = sameAsEnglish(value, EN.entries[key] as Entry);
        if (same && !allowed.has(key)) {
          problems.push(`${file}: "${key}" is still English: ${JSON.stringify(value)}`);
        } else if (!same && allowed.has(key)) {
          problems.push(
            `${file}: "${key}" is translated now; remove it from SAME_AS_ENGLISH in catalogs.test.ts`,
          );
        }
      }
      expect(problems).toEqual([]);
    },
  );

  test('the SAME_AS_ENGLISH allow-list names only keys of en.json, with a reason', () => {
    const problems = SAME_AS_ENGLISH.filter((a) => !(a.key in EN.entries) || !a.why.trim()).map(
      (a) => `SAME_AS_ENGLISH: "${a.key}" is not in en.json or has no reason`,
    );
    expect(problems).toEqual([]);
  });
});

/** A string equal to en's, or a plural object whose every form is one of en's forms. */
function sameAsEnglish(value: Entry, en: Entry): boolean {
  if (typeof value === 'string' || typeof en === 'string') return value === en;
  const english = new Set(Object.values(en));
  return Object.values(value).every((text) => english.has(text));
}

// ---------------------------------------------------------------------------------------------
// en.json against the source

interface SourceFile {
  file: string;
  text: string;
}

/** Every .ts/.tsx file under src/, except tests and this folder (which defines the catalogs). */
function sourceFiles(dir = SRC_DIR): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full === HERE || entry.name === 'node_modules') continue;
      files.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      files.push({
        file: path.relative(SRC_DIR, full).split(path.sep).join('/'),
        text: readFileSync(full, 'utf8'),
      });
    }
  }
  return files;
}

/** `session.format.` from t(`session.format.${format}`): the static start of a built key. */
const TEMPLATE_PREFIX = /`([a-z][a-zA-Z]*(?:\.[a-zA-Z_]+)*\.)\$\{/g;
/** t('key'), t("key"), t(`key`) and t(`prefix.${…}`), as ctx.t(…) and req.t(…) too. */
const T_CALL = /\bt\(\s*(?:'([^'\\\n]*)'|"([^"\\\n]*)"|`([^`\\]*)`)/g;
const QUOTED_KEY = /(['"`])([a-z][a-zA-Z]*(?:\.[a-zA-Z_]+)+)\1/g;

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

describe('en.json and the source', () => {
  const files = sourceFiles();

  test('the source was found', () => {
    expect(files.length, `no .ts/.tsx files under ${SRC_DIR}`).toBeGreaterThan(10);
  });

  test('every key of en.json is used in src/', () => {
    const source = files.map((f) => f.text).join('\n');
    const prefixes = new Set([...source.matchAll(TEMPLATE_PREFIX)].map((m) => m[1] ?? ''));
    const unused = EN_KEYS.filter(
      (key) =>
        !source.includes(`'${key}'`) &&
        !source.includes(`"${key}"`) &&
        !source.includes(`\`${key}\``) &&
        ![...prefixes].some((prefix) => key.startsWith(prefix)),
    );
    const problems = unused.map(
      (key) =>
        `en.json: "${key}" is used nowhere in src/ (neither as a quoted literal nor under a t(\`prefix.\${…}\`)); ` +
        'remove it from every catalog, or use it',
    );
    expect(problems).toEqual([]);
  });

  test('every key passed to t() exists in en.json', () => {
    const problems: string[] = [];
    for (const { file, text } of files) {
      for (const m of text.matchAll(T_CALL)) {
        const where = `${file}:${lineOf(text, m.index)}`;
        const literal = m[1] ?? m[2] ?? (m[3]?.includes('${') ? undefined : m[3]);
        if (literal !== undefined) {
          if (KEY_SHAPE.test(literal) && !(literal in EN.entries)) {
            problems.push(`${where}: t('${literal}') but en.json has no "${literal}"`);
          }
          continue;
        }
        const template = m[3] ?? '';
        const prefix = template.slice(0, template.indexOf('${'));
        if (prefix && !EN_KEYS.some((key) => key.startsWith(prefix))) {
          problems.push(`${where}: t(\`${template}\`) but no key of en.json starts with "${prefix}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('every key in a MessageKey-typed table exists in en.json', () => {
    // TypeScript checks these too; this names the file and line in the same run as the catalogs.
    const namespaces = new Set(EN_KEYS.map((key) => key.split('.')[0]));
    const problems: string[] = [];
    for (const { file, text } of files.filter((f) => /\bMessageKey\b/.test(f.text))) {
      for (const m of text.matchAll(QUOTED_KEY)) {
        const key = m[2] ?? '';
        if (namespaces.has(key.split('.')[0]) && !(key in EN.entries)) {
          problems.push(`${file}:${lineOf(text, m.index)}: "${key}" is not in en.json`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
