import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTransaction } from './users';
import { signInTokens } from '../accounts.tables';

export type SignInTokenRow = typeof signInTokens.$inferSelect;

export async function insertSignInToken(
  db: DbOrTransaction,
  values: {
    id: string;
    email: string;
    tokenHash: string;
    codeHash: string;
    locale: string;
    nextPath: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<SignInTokenRow> {
  const [row] = await db.insert(signInTokens).values(values).returning();
  if (!row) throw new Error('no sign-in token inserted');
  return row;
}

export async function findSignInTokenByHash(
  db: DbOrTransaction,
  tokenHash: string,
): Promise<SignInTokenRow | undefined> {
  const [row] = await db.select().from(signInTokens).where(eq(signInTokens.tokenHash, tokenHash)).limit(1);
  return row;
}

export async function findSignInToken(db: DbOrTransaction, id: string): Promise<SignInTokenRow | undefined> {
  const [row] = await db.select().from(signInTokens).where(eq(signInTokens.id, id)).limit(1);
  return row;
}

/**
 * Spends a token: only one caller wins, and only while it is unused and unexpired. Returns the row
 * if this call spent it.
 */
export async function spendSignInToken(
  db: DbOrTransaction,
  id: string,
  now: Date,
): Promise<SignInTokenRow | undefined> {
  const [row] = await db
    .update(signInTokens)
    .set({ usedAt: now })
    .where(and(eq(signInTokens.id, id), isNull(signInTokens.usedAt), gt(signInTokens.expiresAt, now)))
    .returning();
  return row;
}

/** Counts a wrong code; returns the attempts so far (undefined if the row is gone). */
export async function countWrongCode(db: DbOrTransaction, id: string): Promise<number | undefined> {
  const [row] = await db
    .update(signInTokens)
    .set({ codeAttempts: sql`${signInTokens.codeAttempts} + 1` })
    .where(eq(signInTokens.id, id))
    .returning({ attempts: signInTokens.codeAttempts });
  return row?.attempts;
}

export async function deleteSignInTokensOfEmail(db: DbOrTransaction, email: string): Promise<void> {
  await db.delete(signInTokens).where(eq(signInTokens.email, email));
}

export async function listSignInTokensOfEmail(
  db: DbOrTransaction,
  email: string,
): Promise<Pick<SignInTokenRow, 'createdAt' | 'expiresAt' | 'usedAt' | 'locale'>[]> {
  return db
    .select({
      createdAt: signInTokens.createdAt,
      expiresAt: signInTokens.expiresAt,
      usedAt: signInTokens.usedAt,
      locale: signInTokens.locale,
    })
    .from(signInTokens)
    .where(eq(signInTokens.email, email));
}

/** Tokens that expired more than a day ago: nothing to explain to anyone any more. */
export async function deleteStaleSignInTokens(db: DbOrTransaction, before: Date): Promise<void> {
  await db.delete(signInTokens).where(lt(signInTokens.expiresAt, before));
}
