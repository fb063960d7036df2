import { randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Deps } from '../../../deps';
import type { Locale } from '../../../platform/i18n/locales';
import { translator } from '../../../platform/i18n/t';
import { signInMail } from '../mail/sign-in-mail';
import {
  countWrongCode,
  findSignInToken,
  findSignInTokenByHash,
  insertSignInToken,
  spendSignInToken,
  type SignInTokenRow,
} from '../repo/sign-in-tokens';
import { findUserByEmail, updateUser, upsertUserByEmail, type DbOrTransaction } from '../repo/users';
import { signInLimitsOf } from './limits';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { hashToken } from './sessions';

/**
 * Sign-up and sign-in by e-mail in one flow (docs/adr/0018-accounts-sessions-and-roles.md): the
 * person asks with their address; the mail carries a one-time link and a six-digit code; the
 * first use of either signs them in, creating the account if the address has none. Tokens are
 * stored as hashes, expire after 15 minutes and are spent on first use.
 */
export const SIGN_IN_MINUTES = 15;
/** Wrong codes one pending sign-in takes before it is spent. */
export const CODE_ATTEMPTS = 5;

/** What a failed sign-in tells the person (each has its own message and offers a new link). */
export type SignInRefusal = 'expired' | 'used' | 'unknown' | 'wrongCode' | 'tooManyCodes' | 'wrongPassword';

export type SignInResult =
  | { ok: true; userId: string; nextPath: string; created: boolean; preferredLocale: string }
  | { ok: false; reason: SignInRefusal; attemptsLeft?: number; email?: string };

const hashCode = (id: string, code: string) => hashToken(`${id}:${code}`);

/**
 * Sends a sign-in e-mail to the address, in the page's language. The same happens, and the same
 * answer comes back, whether or not the address has an account: the first sign-in creates it.
 *
 * @returns the pending sign-in's id, which the "check your mail" page needs for code entry.
 * @throws AppError RATE_LIMITED after 5 requests for one address within an hour (this process).
 */
export async function requestSignInLink(
  deps: Deps,
  input: { email: string; locale: Locale; nextPath: string },
): Promise<{ requestId: string }> {
  const now = deps.clock.now();
  signInLimitsOf(deps).linkRequests.take(input.email, now.getTime());
  return deps.db.transaction(async (tx) => {
    const pending = await createPendingSignIn(deps, tx, input);
    await deps.mailer.send(
      signInMail({
        to: input.email,
        locale: input.locale,
        t: translator(input.locale),
        link: pending.link,
        code: pending.code,
        minutes: SIGN_IN_MINUTES,
      }),
      { db: tx },
    );
    return { requestId: pending.id };
  });
}

/**
 * A sign-in link printed by the command line (`create-secretariat`), for when no mail can reach
 * the person yet. The same kind of one-time link the e-mail carries.
 */
export async function createSignInLinkForCommandLine(
  deps: Deps,
  input: { email: string; locale: Locale },
): Promise<{ link: string; expiresAt: Date }> {
  const { link, expiresAt } = await createPendingSignIn(deps, deps.db, { ...input, nextPath: '' });
  return { link, expiresAt };
}

async function createPendingSignIn(
  deps: Deps,
  db: DbOrTransaction,
  input: { email: string; locale: Locale; nextPath: string },
): Promise<{ id: string; link: string; code: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const token = randomBytes(32).toString('base64url');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + SIGN_IN_MINUTES * 60_000);
  await insertSignInToken(db, {
    id,
    email: input.email,
    tokenHash: hashToken(token),
    codeHash: hashCode(id, code),
    locale: input.locale,
    nextPath: input.nextPath,
    createdAt: now,
    expiresAt,
  });
  const base = deps.config.PUBLIC_URL.replace(/\/$/, '');
  return { id, code, expiresAt, link: `${base}/${input.locale}/sign-in/link?token=${token}` };
}

function refusalOf(row: SignInTokenRow | undefined, now: Date): SignInRefusal | undefined {
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return undefined;
}

/**
 * Whether a sign-in link still works, without spending it: the link's page shows the address and
 * a button, so that mail scanners that open links do not spend them.
 */
export async function checkSignInLink(
  deps: Deps,
  token: string,
): Promise<{ ok: true; email: string } | { ok: false; reason: SignInRefusal; email?: string }> {
  const row = await findSignInTokenByHash(deps.db, hashToken(token));
  const refusal = refusalOf(row, deps.clock.now());
  if (refusal || !row) return { ok: false, reason: refusal ?? 'unknown', email: row?.email };
  return { ok: true, email: row.email };
}

/**
 * Signs in with the link's token: spends it and returns the person, created on first use.
 * Refusals (expired, used, unknown) are results, not errors: the page explains each.
 */
export async function signInWithLink(deps: Deps, token: string): Promise<SignInResult> {
  const now = deps.clock.now();
  const row = await findSignInTokenByHash(deps.db, hashToken(token));
  const refusal = refusalOf(row, now);
  if (refusal || !row) return { ok: false, reason: refusal ?? 'unknown', email: row?.email };
  return completeSignIn(deps, row, now);
}

/**
 * Signs in with the six-digit code typed on the "check your mail" page of the pending sign-in
 * `requestId`. Each wrong code counts; at the fifth the pending sign-in is spent, and after ten
 * wrong codes for one address within an hour no code is taken for it (this process).
 */
export async function signInWithCode(
  deps: Deps,
  input: { requestId: string; code: string },
): Promise<SignInResult> {
  const now = deps.clock.now();
  const row = await findSignInToken(deps.db, input.requestId);
  const refusal = refusalOf(row, now);
  if (refusal || !row) return { ok: false, reason: refusal ?? 'unknown', email: row?.email };
  const limits = signInLimitsOf(deps).wrongCodes;
  if (row.codeAttempts >= CODE_ATTEMPTS || limits.isExhausted(row.email, now.getTime())) {
    return { ok: false, reason: 'tooManyCodes', email: row.email };
  }
  const given = Buffer.from(hashCode(row.id, input.code));
  if (!timingSafeEqual(given, Buffer.from(row.codeHash))) {
    limits.add(row.email, now.getTime());
    const attempts = (await countWrongCode(deps.db, row.id)) ?? CODE_ATTEMPTS;
    const attemptsLeft = Math.max(0, CODE_ATTEMPTS - attempts);
    return attemptsLeft === 0
      ? { ok: false, reason: 'tooManyCodes', email: row.email }
      : { ok: false, reason: 'wrongCode', attemptsLeft, email: row.email };
  }
  return completeSignIn(deps, row, now);
}

async function completeSignIn(deps: Deps, row: SignInTokenRow, now: Date): Promise<SignInResult> {
  return deps.db.transaction(async (tx) => {
    const spent = await spendSignInToken(tx, row.id, now);
    // Someone else spent it between the read and this update (a double click, a scanner).
    if (!spent) return { ok: false, reason: 'used', email: row.email };
    const { user, created } = await upsertUserByEmail(tx, {
      email: row.email,
      preferredLocale: row.locale,
      now,
    });
    await updateUser(tx, user.id, { lastSignInAt: now });
    return {
      ok: true,
      userId: user.id,
      nextPath: row.nextPath,
      created,
      preferredLocale: user.preferredLocale,
    };
  });
}

/**
 * Signs in with e-mail and password. An unknown address, an account without a password and a
 * wrong password all take one scrypt verification and give the same answer.
 *
 * @throws AppError RATE_LIMITED after 10 wrong passwords for one address within an hour (this process).
 */
export async function signInWithPassword(
  deps: Deps,
  input: { email: string; password: string },
): Promise<SignInResult> {
  const now = deps.clock.now();
  const limits = signInLimitsOf(deps).wrongPasswords;
  if (limits.isExhausted(input.email, now.getTime())) {
    limits.take(input.email, now.getTime());
  }
  const user = await findUserByEmail(deps.db, input.email);
  const matches = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !matches) {
    limits.add(input.email, now.getTime());
    return { ok: false, reason: 'wrongPassword' };
  }
  // A hash made with an older cost is replaced now, while the password is at hand.
  const rehashed =
    user.passwordHash && needsRehash(user.passwordHash) ? await hashPassword(input.password) : undefined;
  await updateUser(deps.db, user.id, { lastSignInAt: now, ...(rehashed ? { passwordHash: rehashed } : {}) });
  return { ok: true, userId: user.id, nextPath: '', created: false, preferredLocale: user.preferredLocale };
}
