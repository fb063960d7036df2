import { z } from 'zod';
import { LOCALES } from '../../platform/i18n/locales';
import type { LocalizedText } from '../../platform/i18n/localized-text';
import { agendaItemKind, documentKind, sessionFormat, speakerRole } from './conversations.tables';
import { isTimeZone, zonedLocalToInstant } from './conversations.admin.time';

/**
 * Back office forms (HTTP input only). An organiser text is six fields, `title_ar` … `title_es`;
 * a required one needs at least one language. Field problems name their message key
 * (`admin.error.*`, `forms.error.*`), so the form comes back with the message beside the field.
 */

const text = (max: number) =>
  z
    .string()
    .max(max, { error: 'forms.error.tooLong' })
    .transform((v) => v.normalize('NFC').trim())
    .optional();

function localizedShape<N extends string>(name: N, max: number) {
  return Object.fromEntries(LOCALES.map((l) => [`${name}_${l}`, text(max)])) as Record<
    `${N}_${(typeof LOCALES)[number]}`,
    ReturnType<typeof text>
  >;
}

/** The six fields of a form's organiser text as one LocalizedText, without empty languages. */
export function localizedOf(data: Record<string, unknown>, name: string): LocalizedText {
  const out: LocalizedText = {};
  for (const l of LOCALES) {
    const value = data[`${name}_${l}`];
    if (typeof value === 'string' && value.trim()) out[l] = value.normalize('NFC').trim();
  }
  return out;
}

/** A LocalizedText as the six fields of a form, for editing. */
export function localizedValues(
  name: string,
  value: LocalizedText | null | undefined,
): Record<string, string> {
  return Object.fromEntries(LOCALES.map((l) => [`${name}_${l}`, value?.[l] ?? '']));
}

function requireLocalized(data: Record<string, unknown>, name: string, ctx: z.RefinementCtx) {
  if (Object.keys(localizedOf(data, name)).length === 0) {
    ctx.addIssue({ code: 'custom', path: [name], message: 'admin.error.textRequired' });
  }
}

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: 'forms.error.required' })
  .max(80, { error: 'forms.error.tooLong' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'admin.error.slug' });
const id = z.uuid({ error: 'forms.error.invalid' });
const optionalId = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .pipe(id.optional())
  .optional();
const optionalUrl = z
  .string()
  .trim()
  .max(2000, { error: 'forms.error.tooLong' })
  .transform((v) => v || undefined)
  .pipe(z.url({ protocol: /^https?$/, error: 'admin.error.url' }).optional())
  .optional();
const localTime = z.string().trim().max(20, { error: 'admin.error.dateTime' });

export const seriesFormSchema = z
  .object({
    slug,
    ...localizedShape('title', 300),
    ...localizedShape('shortTitle', 120),
    ...localizedShape('summary', 2000),
    ...localizedShape('about', 20000),
    ...localizedShape('organiser', 300),
  })
  .superRefine((data, ctx) => requireLocalized(data, 'title', ctx));
export type SeriesFormInput = z.infer<typeof seriesFormSchema>;

export const themeFormSchema = z
  .object({
    slug,
    position: z.coerce.number({ error: 'forms.error.invalid' }).int().min(0).max(1000).default(0),
    ...localizedShape('title', 300),
    ...localizedShape('description', 5000),
  })
  .superRefine((data, ctx) => requireLocalized(data, 'title', ctx));
export type ThemeFormInput = z.infer<typeof themeFormSchema>;

/** Start and end on the session's clock: both real times, the end not before the start. */
function checkTimes(
  data: { startsAt: string; endsAt: string },
  timeZone: string,
  ctx: z.RefinementCtx,
): { startsAt: Date; endsAt: Date } | undefined {
  const startsAt = zonedLocalToInstant(data.startsAt, timeZone);
  const endsAt = zonedLocalToInstant(data.endsAt, timeZone);
  if (!startsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'admin.error.dateTime' });
  if (!endsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'admin.error.dateTime' });
  if (startsAt && endsAt && endsAt < startsAt) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'admin.error.endBeforeStart' });
  }
  return startsAt && endsAt ? { startsAt, endsAt } : undefined;
}

export const sessionFormSchema = z
  .object({
    seriesId: id,
    themeId: optionalId,
    number: z.coerce
      .number({ error: 'admin.error.sessionNumber' })
      .int({ error: 'admin.error.sessionNumber' })
      .min(1, { error: 'admin.error.sessionNumber' })
      .max(100000, { error: 'admin.error.sessionNumber' }),
    ...localizedShape('title', 300),
    ...localizedShape('subject', 1000),
    ...localizedShape('description', 20000),
    ...localizedShape('venue', 300),
    startsAt: localTime,
    endsAt: localTime,
    timeZone: z.string().trim().refine(isTimeZone, { error: 'admin.error.timeZone' }),
    format: z.enum(sessionFormat.enumValues, { error: 'forms.error.invalid' }),
    livestreamUrl: optionalUrl,
    recordingUrl: optionalUrl,
  })
  .superRefine((data, ctx) => {
    requireLocalized(data, 'title', ctx);
    checkTimes(data, data.timeZone, ctx);
  })
  .transform((data) => ({
    ...data,
    startsAt: zonedLocalToInstant(data.startsAt, data.timeZone)!,
    endsAt: zonedLocalToInstant(data.endsAt, data.timeZone)!,
  }));
export type SessionFormInput = z.infer<typeof sessionFormSchema>;

/** How many speaker rows an agenda item's form has at most. */
export const MAX_ITEM_SPEAKERS = 12;

/** An agenda item's form; its times are on the clock of the session's time zone. */
export function agendaItemFormSchema(timeZone: string) {
  const speakerRows = Object.fromEntries(
    Array.from({ length: MAX_ITEM_SPEAKERS }, (_, i) => [
      [`speaker_${i}`, optionalId],
      [`role_${i}`, z.enum(speakerRole.enumValues, { error: 'forms.error.invalid' }).optional()],
    ]).flat(),
  ) as Record<string, typeof optionalId>;
  return z
    .object({
      kind: z.enum(agendaItemKind.enumValues, { error: 'forms.error.invalid' }),
      startsAt: localTime,
      endsAt: localTime,
      ...localizedShape('title', 300),
      ...localizedShape('description', 5000),
      ...speakerRows,
    })
    .superRefine((data, ctx) => {
      requireLocalized(data, 'title', ctx);
      checkTimes(data, timeZone, ctx);
      const seen = new Set<string>();
      for (let i = 0; i < MAX_ITEM_SPEAKERS; i++) {
        const speaker = (data as Record<string, unknown>)[`speaker_${i}`];
        if (typeof speaker !== 'string') continue;
        if (seen.has(speaker)) {
          ctx.addIssue({ code: 'custom', path: [`speaker_${i}`], message: 'admin.error.speakerTwice' });
        }
        seen.add(speaker);
      }
    })
    .transform((data) => {
      const raw = data as Record<string, unknown>;
      const speakers: { speakerId: string; role: (typeof speakerRole.enumValues)[number] }[] = [];
      for (let i = 0; i < MAX_ITEM_SPEAKERS; i++) {
        const speakerId = raw[`speaker_${i}`];
        const role = raw[`role_${i}`];
        if (typeof speakerId === 'string') {
          speakers.push({ speakerId, role: (role as (typeof speakerRole.enumValues)[number]) ?? 'speaker' });
        }
      }
      return {
        kind: data.kind,
        title: localizedOf(data, 'title'),
        description: localizedOf(data, 'description'),
        startsAt: zonedLocalToInstant(data.startsAt, timeZone)!,
        endsAt: zonedLocalToInstant(data.endsAt, timeZone)!,
        speakers,
      };
    });
}
export type AgendaItemFormInput = z.infer<ReturnType<typeof agendaItemFormSchema>>;

export const speakerFormSchema = z.object({
  slug,
  name: z
    .string()
    .transform((v) => v.normalize('NFC').trim())
    .pipe(z.string().min(1, { error: 'forms.error.required' }).max(200, { error: 'forms.error.tooLong' })),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .transform((v) => v || undefined)
    .pipe(
      z
        .string()
        .regex(/^[A-Z]{2}$/, { error: 'admin.error.country' })
        .optional(),
    )
    .optional(),
  ...localizedShape('honorific', 100),
  ...localizedShape('position', 300),
  ...localizedShape('organisation', 300),
  ...localizedShape('bio', 5000),
});
export type SpeakerFormInput = z.infer<typeof speakerFormSchema>;

export const documentFormSchema = z
  .object({
    seriesId: id,
    sessionId: optionalId,
    symbol: z
      .string()
      .trim()
      .min(1, { error: 'forms.error.required' })
      .max(100, { error: 'forms.error.tooLong' })
      .regex(/^[\p{L}\p{N}/._()-]+$/u, { error: 'admin.error.symbol' }),
    kind: z.enum(documentKind.enumValues, { error: 'forms.error.invalid' }),
    publishedOn: z.iso.date({ error: 'admin.error.date' }),
    ...localizedShape('title', 500),
  })
  .superRefine((data, ctx) => requireLocalized(data, 'title', ctx));
export type DocumentFormInput = z.infer<typeof documentFormSchema>;

export const documentFileFormSchema = z.object({
  locale: z.enum(LOCALES, { error: 'admin.error.fileLocale' }),
});

export const idParamsSchema = z.object({ id });
export const fileParamsSchema = z.object({ id, fileLocale: z.enum(LOCALES) });
export const moveSchema = z.object({ direction: z.enum(['up', 'down']) });
