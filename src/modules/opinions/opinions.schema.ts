import { z } from 'zod';
import { LOCALES } from '../../platform/i18n/locales';
import { localizedOf, zonedLocalToInstant } from '../conversations';
import { MAX_STATEMENT_LENGTH, VOTES } from './opinions.types';

/** HTTP input of the participation pages and the back office (zod; the services hold the rules). */

export const mapSlugParamsSchema = z.object({ mapSlug: z.string().regex(/^[a-z0-9-]{1,80}$/) });
export const mapIdParamsSchema = z.object({ mapId: z.uuid() });
export const statementParamsSchema = z.object({
  mapId: z.uuid(),
  statementId: z.coerce.number().int().min(1).max(2_147_483_647),
});
export const doneQuerySchema = z.object({ done: z.string().max(40).optional() });

/** A vote: the statement and agree / disagree / pass. Anything else is refused by name. */
export const castVoteSchema = z.object({
  statementId: z.coerce
    .number({ error: 'opinions.error.statementNotHere' })
    .int({ error: 'opinions.error.statementNotHere' })
    .min(1, { error: 'opinions.error.statementNotHere' })
    .max(2_147_483_647, { error: 'opinions.error.statementNotHere' }),
  vote: z.enum(VOTES, { error: 'opinions.error.voteValue' }),
});
export type CastVoteInput = z.output<typeof castVoteSchema>;

const statementBody = z
  .string({ error: 'opinions.error.statementEmpty' })
  .transform((v) => v.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, { error: 'opinions.error.statementEmpty' })
      .max(MAX_STATEMENT_LENGTH, { error: 'opinions.error.statementTooLong' }),
  );

/** A participant's own statement. */
export const addStatementSchema = z.object({ body: statementBody });
export type AddStatementInput = z.output<typeof addStatementSchema>;

const checkbox = z
  .union([z.literal('on'), z.literal('1'), z.literal('true'), z.literal('')])
  .optional()
  .transform((v) => v === 'on' || v === '1' || v === 'true');

/** A seed statement written by the secretariat, or its edit. */
export const seedStatementSchema = z.object({
  body: statementBody,
  language: z.enum(LOCALES, { error: 'forms.error.invalid' }),
  isMeta: checkbox,
});
export type SeedStatementInput = z.output<typeof seedStatementSchema>;

const optionalText = (max: number) => z.string().max(max, { error: 'forms.error.tooLong' }).optional();
const localizedShape = (name: string, max: number) =>
  Object.fromEntries(LOCALES.map((l) => [`${name}_${l}`, optionalText(max)]));
/**
 * `2026-11-25T10:00` (a datetime-local field; seconds, if a browser sends them, are dropped): a
 * time on the clock of the map's session, which only the service knows, so it stays a string
 * here; empty is null. Whether the date exists is the service's check, in that zone.
 */
const wallClockTime = z
  .string()
  .trim()
  .max(30, { error: 'admin.error.dateTime' })
  .default('')
  .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/.test(v), {
    error: 'admin.error.dateTime',
  })
  .transform((v) => (v === '' ? null : v.replace(' ', 'T').slice(0, 16)))
  // A day no calendar has (30 February) is wrong in every zone; an hour a zone skips is the service's.
  .refine((v) => v === null || zonedLocalToInstant(v, 'UTC') !== undefined, {
    error: 'opinions.error.noSuchTime',
  });

/** The map form: slug, topic and description in six languages, session, rules, dates. */
export const mapFormSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, { error: 'forms.error.required' })
      .max(80, { error: 'forms.error.tooLong' })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'admin.error.slug' }),
    ...localizedShape('topic', 500),
    ...localizedShape('description', 5000),
    sessionId: z
      .string()
      .trim()
      .default('')
      .pipe(z.union([z.literal(''), z.uuid()], { error: 'forms.error.invalid' }))
      .transform((v) => v || null),
    moderation: z.enum(['pre', 'post'], { error: 'opinions.error.moderation' }),
    allowStatements: checkbox,
    publishOpenData: checkbox,
    opensAt: wallClockTime,
    closesAt: wallClockTime,
  })
  .superRefine((data, ctx) => {
    if (Object.keys(localizedOf(data, 'topic')).length === 0)
      ctx.addIssue({ code: 'custom', path: ['topic'], message: 'admin.error.textRequired' });
    if (!data.opensAt) ctx.addIssue({ code: 'custom', path: ['opensAt'], message: 'admin.error.dateTime' });
    // Both on the same clock, so their text sorts as time does (bar the hour a clock repeats when it
    // goes back, which the service checks again as instants): said here with the form's other errors.
    if (data.opensAt && data.closesAt && data.closesAt <= data.opensAt)
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'opinions.error.closesBeforeOpens' });
  })
  .transform((data) => ({
    slug: data.slug,
    topic: localizedOf(data, 'topic'),
    description: localizedOf(data, 'description'),
    sessionId: data.sessionId,
    moderation: data.moderation,
    allowStatements: data.allowStatements,
    publishOpenData: data.publishOpenData,
    opensAt: data.opensAt!,
    closesAt: data.closesAt,
  }));
/** A map's settings; `opensAt` and `closesAt` are wall-clock times in the zone of its session (UTC without one). */
export type MapFormInput = z.output<typeof mapFormSchema>;
