import { z } from 'zod';
import { isCountryCode } from '../accounts';
import { LOCALES } from '../../platform/i18n/locales';
import { CATEGORIES, MODES, STAKEHOLDER_GROUPS } from './registration.types';

const trimmed = (max: number) => z.string().trim().max(max, { error: 'forms.error.tooLong' });
const checkbox = z
  .union([z.literal('on'), z.literal('1'), z.literal('true'), z.literal('')])
  .optional()
  .transform((v) => v === 'on' || v === '1' || v === 'true');

/**
 * The registration form. Whatever else it carries (a `userId`, a `status`…) is dropped: the person
 * is the signed-in account, the status is the service's to decide.
 */
export const registerSchema = z.object({
  mode: z.enum(MODES as [string, ...string[]], { error: 'registration.error.mode' }),
  participantCategory: z.enum(CATEGORIES as [string, ...string[]], { error: 'registration.error.category' }),
  stakeholderGroup: z.enum(STAKEHOLDER_GROUPS as [string, ...string[]], {
    error: 'registration.error.stakeholderGroup',
  }),
  country: z
    .string({ error: 'registration.error.country' })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, { error: 'registration.error.country' }),
  displayName: trimmed(200).min(1, { error: 'forms.error.required' }),
  organisationName: trimmed(300).default(''),
  interpretationLanguage: z
    .union([z.literal(''), z.enum(LOCALES as unknown as [string, ...string[]])], {
      error: 'forms.error.invalid',
    })
    .default('')
    .transform((v) => (v === '' ? null : v)),
  accessibilityNeeds: trimmed(2000).default(''),
  consentPublicList: checkbox,
  consentRecording: checkbox,
  gender: trimmed(100)
    .default('')
    .transform((v) => (v === '' ? null : v)),
});
export type RegisterInput = z.output<typeof registerSchema>;

export const sessionRefSchema = z.object({
  seriesSlug: z.string().regex(/^[a-z0-9-]{1,100}$/),
  number: z.coerce.number().int().min(1).max(100000),
});

export const registrationIdSchema = z.object({ registrationId: z.uuid() });
export const adminSessionParamsSchema = z.object({ sessionId: z.uuid() });
export const adminRegistrationParamsSchema = z.object({ sessionId: z.uuid(), registrationId: z.uuid() });
export const tokenQuerySchema = z.object({ token: z.string().max(200).optional() });
export const tokenFormSchema = z.object({ token: z.string().min(1).max(200) });

const optionalDateTime = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || !Number.isNaN(Date.parse(v)), { error: 'registration.error.dateTime' })
  .transform((v) => (v === '' ? null : v));
const categoryList = z
  .union([z.enum(CATEGORIES as [string, ...string[]]), z.array(z.enum(CATEGORIES as [string, ...string[]]))])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** The secretariat's settings form; date-times are read in the session's time zone. */
export const settingsSchema = z.object({
  isEnabled: checkbox,
  opensAt: optionalDateTime,
  closesAt: optionalDateTime,
  onsiteCapacity: z.coerce
    .number({ error: 'registration.error.capacity' })
    .int({ error: 'registration.error.capacity' })
    .min(0, { error: 'registration.error.capacity' })
    .max(1_000_000, { error: 'registration.error.capacity' }),
  onlineCapacity: z.coerce
    .number({ error: 'registration.error.capacity' })
    .int({ error: 'registration.error.capacity' })
    .min(0, { error: 'registration.error.capacity' })
    .max(1_000_000, { error: 'registration.error.capacity' }),
  allowedCategories: categoryList,
  onsiteApprovalCategories: categoryList,
  onlineApprovalCategories: categoryList,
});
export type SettingsInput = z.output<typeof settingsSchema>;

export const checkInSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/, { error: 'registration.error.checkInCode' })),
});

export const adminListQuerySchema = z.object({
  status: z.enum(['pending_approval', 'confirmed', 'waitlisted', 'cancelled']).optional(),
  mode: z.enum(['onsite', 'online']).optional(),
  checkedIn: z.string().max(40).optional(),
  saved: z.string().max(40).optional(),
});
