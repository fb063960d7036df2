import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

/** Organiser content in up to six languages: `{ en: 'Opening', fr: 'Ouverture' }`. */
export type LocalizedText = Partial<Record<Locale, string>>;

export const localizedTextSchema = z
  .object(
    Object.fromEntries(LOCALES.map((l) => [l, z.string().optional()])) as Record<
      Locale,
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict();

export interface PickedText {
  text: string;
  /** The language the text is actually in; differs from the one asked for when it was missing. */
  locale: Locale;
  isFallback: boolean;
}

/**
 * The text in the asked language, or else in English, or else in the first language that has it.
 * Returns undefined only when the text is empty in every language.
 */
export function pickText(text: LocalizedText | null | undefined, locale: Locale): PickedText | undefined {
  if (!text) return undefined;
  const order: Locale[] = [locale, DEFAULT_LOCALE, ...LOCALES];
  for (const candidate of order) {
    const value = text[candidate]?.trim();
    if (value) return { text: value, locale: candidate, isFallback: candidate !== locale };
  }
  return undefined;
}

/** Which of the six languages a text is still missing in (for the back office). */
export function missingLocales(text: LocalizedText | null | undefined): Locale[] {
  return LOCALES.filter((l) => !text?.[l]?.trim());
}
