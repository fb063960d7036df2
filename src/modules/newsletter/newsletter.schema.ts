import { z } from 'zod';
import { LOCALES, type Locale } from '../../platform/i18n/locales';

/** A checkbox group comes back as nothing, one string or an array of strings. */
const manyOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v): unknown[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(item).max(100),
  );

const themeIdsSchema = manyOf(z.uuid({ error: 'newsletter.error.unknownTheme' }));
const localeSchema = z.enum(LOCALES, { error: 'newsletter.error.language' });

/** Trimmed, NFC, lower-cased; one bare address. */
export const emailSchema = z
  .string({ error: 'forms.error.required' })
  .trim()
  .min(1, { error: 'forms.error.required' })
  .max(254, { error: 'forms.error.tooLong' })
  .transform((v) => v.normalize('NFC').toLowerCase())
  .pipe(z.email({ error: 'forms.error.email' }));

export const subscribeSchema = z.object({
  email: emailSchema,
  locale: localeSchema,
  themes: themeIdsSchema,
});
export type SubscribeInput = z.infer<typeof subscribeSchema>;

/** A token from a link: its shape only; the service says whether it is good. */
export const tokenSchema = z.string().trim().min(1).max(200);
export const tokenQuerySchema = z.object({ token: tokenSchema.optional() });

export const confirmSchema = z.object({ token: tokenSchema });

export const preferencesSchema = z.object({
  token: tokenSchema,
  locale: localeSchema,
  themes: themeIdsSchema,
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

/** RFC 8058: the one-click POST's body is `List-Unsubscribe=One-Click`; the page's button sends the token too. */
export const unsubscribeFormSchema = z.object({ token: tokenSchema.optional() });

/**
 * Text from the back office: line breaks as \n, NFC, and no control characters (the unit separator
 * marks template variables in bulk mail, so it must never come from input).
 */
const cleanText = (max: number) =>
  z
    .string()
    .max(max, { error: 'forms.error.tooLong' })
    .transform((v) =>
      v
        .replace(/\r\n?/g, '\n')
        // eslint-disable-next-line no-control-regex -- removing control characters is the point
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
        .normalize('NFC')
        .trim(),
    )
    .optional();

const editionShape: Record<string, z.ZodType> = {};
for (const l of LOCALES) {
  editionShape[`subject_${l}`] = cleanText(200);
  editionShape[`body_${l}`] = cleanText(50_000);
}

/** An edition as the form sends it: subject and body per language, and the segment. */
export const editionSchema = z
  .object({
    ...editionShape,
    locales: manyOf(localeSchema),
    themes: themeIdsSchema,
  })
  .superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    let complete = 0;
    for (const l of LOCALES) {
      const subject = v[`subject_${l}`];
      const body = v[`body_${l}`];
      if (subject && !body)
        ctx.addIssue({ code: 'custom', path: [`body_${l}`], message: 'newsletter.error.bodyMissing' });
      if (body && !subject)
        ctx.addIssue({ code: 'custom', path: [`subject_${l}`], message: 'newsletter.error.subjectMissing' });
      if (subject && body) complete++;
    }
    if (complete === 0) {
      ctx.addIssue({ code: 'custom', path: ['subject_en'], message: 'newsletter.error.noLanguage' });
    }
  })
  .transform((value) => {
    const v = value as Record<string, string | undefined> & { locales: Locale[]; themes: string[] };
    const subject: Partial<Record<Locale, string>> = {};
    const body: Partial<Record<Locale, string>> = {};
    for (const l of LOCALES) {
      if (v[`subject_${l}`] && v[`body_${l}`]) {
        subject[l] = v[`subject_${l}`];
        body[l] = v[`body_${l}`];
      }
    }
    return {
      subject,
      body,
      segmentLocales: [...new Set(v.locales)],
      segmentThemeIds: [...new Set(v.themes)],
    };
  });
export type EditionInput = z.infer<typeof editionSchema>;

export const editionParamsSchema = z.object({ editionId: z.uuid() });
export const previewQuerySchema = z.object({ as: localeSchema.optional() });
