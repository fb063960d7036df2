import { z } from 'zod';
import { LOCALES } from '../../platform/i18n/locales';
import { GRANTED_ROLES } from './accounts.policy';
import { stakeholderGroup } from './accounts.tables';
import { isCountryCode } from './countries';

/** HTTP input of the accounts pages. E-mails are trimmed, NFC-normalised and lower-cased here. */

export const emailSchema = z
  .string({ error: 'forms.error.required' })
  .trim()
  .min(1, { error: 'forms.error.required' })
  .max(254, { error: 'forms.error.tooLong' })
  .transform((s) => s.normalize('NFC').toLowerCase())
  .pipe(z.email({ error: 'forms.error.email' }));

/**
 * Where to go after signing in: a path on this site only (no open redirect). Anything else, a
 * scheme, `//host`, a backslash or a control character, falls back to the account page.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '';
  if (!value.startsWith('/') || value.startsWith('//')) return '';
  // A backslash or a control character (code points below 0x20, and DEL) has no place in a path.
  if ([...value].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '';
  try {
    const url = new URL(value, 'http://colloquy.invalid');
    if (url.origin !== 'http://colloquy.invalid') return '';
  } catch {
    return '';
  }
  return value;
}

export const requestSignInLinkSchema = z.object({
  email: emailSchema,
  next: z.unknown().optional().transform(safeNextPath),
});

export const nextQuerySchema = z.object({
  next: z.unknown().optional().transform(safeNextPath),
  email: z.string().max(254).optional(),
});

export const signInLinkQuerySchema = z.object({
  token: z.string().max(200).optional(),
});

export const signInLinkFormSchema = z.object({
  token: z.string().min(1).max(200),
});

export const checkMailQuerySchema = z.object({
  request: z.uuid().optional(),
});

export const signInCodeSchema = z.object({
  request: z.uuid({ error: 'accounts.error.requestMissing' }),
  code: z
    .string({ error: 'forms.error.required' })
    .transform((s) => s.replace(/[\s-]/g, '').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)))
    .pipe(
      z
        .string()
        .min(1, { error: 'forms.error.required' })
        .regex(/^\d{6}$/, { error: 'accounts.error.codeFormat' }),
    ),
});

export const passwordSignInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: 'forms.error.required' })
    .min(1, { error: 'forms.error.required' })
    .max(200, { error: 'forms.error.tooLong' }),
  next: z.unknown().optional().transform(safeNextPath),
});

export const PASSWORD_MIN = 10;

export const setPasswordSchema = z
  .object({
    password: z
      .string({ error: 'forms.error.required' })
      .min(1, { error: 'forms.error.required' })
      .min(PASSWORD_MIN, { error: 'accounts.error.passwordShort' })
      .max(200, { error: 'forms.error.tooLong' }),
    confirm: z.string({ error: 'forms.error.required' }).min(1, { error: 'forms.error.required' }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'accounts.error.passwordMismatch' });

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .default('')
    .transform((s) => s.trim().normalize('NFC'))
    .pipe(z.string().max(max, { error: 'forms.error.tooLong' }));

export const profileSchema = z.object({
  name: optionalText(200),
  organisation: optionalText(200),
  country: z
    .string()
    .optional()
    .default('')
    .refine((c) => c === '' || isCountryCode(c), { error: 'accounts.error.country' })
    .transform((c) => (c === '' ? null : c)),
  stakeholderGroup: z
    .union([z.literal(''), z.enum(stakeholderGroup.enumValues)], { error: 'accounts.error.stakeholderGroup' })
    .optional()
    .default('')
    .transform((g) => (g === '' ? null : g)),
  preferredLocale: z.enum(LOCALES, { error: 'accounts.error.language' }),
});
export type ProfileFormInput = z.infer<typeof profileSchema>;

export const peopleQuerySchema = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .default('')
    .transform((s) => s.trim()),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

export const personParamsSchema = z.object({
  locale: z.string(),
  userId: z.uuid(),
});

export const roleFormSchema = z.object({
  role: z.enum(GRANTED_ROLES as readonly ['delegate', 'speaker', 'moderator', 'secretariat'], {
    error: 'accounts.error.role',
  }),
});
