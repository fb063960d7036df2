import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { authSessions, userRoles, users } from '../accounts.tables';

export interface SessionRow {
  idHash: string;
  userId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  email: string;
  name: string;
  preferredLocale: string;
  roles: string[];
}

export async function insertSession(
  db: Db,
  row: { idHash: string; userId: string; csrfToken: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(authSessions).values({ ...row, lastSeenAt: row.createdAt });
}

/** The live session with this hash, its person and their granted roles, in one query. */
export async function findLiveSession(db: Db, idHash: string, now: Date): Promise<SessionRow | undefined> {
  const [row] = await db
    .select({
      idHash: authSessions.idHash,
      userId: authSessions.userId,
      csrfToken: authSessions.csrfToken,
      lastSeenAt: authSessions.lastSeenAt,
      expiresAt: authSessions.expiresAt,
      email: users.email,
      name: users.name,
      preferredLocale: users.preferredLocale,
      roles: sql<string[]>`coalesce((
        SELECT array_agg(${userRoles.role}::text ORDER BY ${userRoles.role})
        FROM ${userRoles} WHERE ${userRoles.userId} = ${users.id}
      ), '{}')`,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.idHash, idHash), gt(authSessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function touchSession(db: Db, idHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(authSessions).set({ lastSeenAt: now, expiresAt }).where(eq(authSessions.idHash, idHash));
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.idHash, idHash));
}

/** Signs a person out everywhere. Returns how many sessions ended. */
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  const ended = await db
    .delete(authSessions)
    .where(eq(authSessions.userId, userId))
    .returning({ idHash: authSessions.idHash });
  return ended.length;
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(authSessions).where(lt(authSessions.expiresAt, now));
}
