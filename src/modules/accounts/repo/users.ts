import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors';
import { authSessions, userRoles, users, type grantedRole } from '../accounts.tables';

import type { DbOrTransaction } from '../../../db/client';
export type { DbOrTransaction };

export type UserRow = typeof users.$inferSelect;
export type GrantedRoleValue = (typeof grantedRole.enumValues)[number];

export async function findUserByEmail(db: DbOrTransaction, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function findUser(db: DbOrTransaction, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** @throws AppError NOT_FOUND */
export async function getUser(db: DbOrTransaction, id: string): Promise<UserRow> {
  const row = await findUser(db, id);
  if (!row) throw new AppError('NOT_FOUND', { user: id });
  return row;
}

/**
 * The person with this e-mail, created if there is none yet. Two first sign-ins at once for the
 * same address end with one account (ON CONFLICT).
 */
export async function upsertUserByEmail(
  db: DbOrTransaction,
  values: { email: string; preferredLocale: string; now: Date },
): Promise<{ user: UserRow; created: boolean }> {
  const [inserted] = await db
    .insert(users)
    .values({
      email: values.email,
      preferredLocale: values.preferredLocale,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (inserted) return { user: inserted, created: true };
  const existing = await findUserByEmail(db, values.email);
  if (!existing) throw new Error('user vanished between insert and select');
  return { user: existing, created: false };
}

export async function updateUser(
  db: DbOrTransaction,
  id: string,
  values: Partial<Omit<UserRow, 'id' | 'email' | 'createdAt'>>,
): Promise<UserRow> {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  if (!row) throw new AppError('NOT_FOUND', { user: id });
  return row;
}

export async function deleteUser(db: DbOrTransaction, id: string): Promise<void> {
  await db.delete(users).where(eq(users.id, id));
}

export async function listRolesOfUser(db: DbOrTransaction, userId: string): Promise<GrantedRoleValue[]> {
  const rows = await db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.role));
  return rows.map((r) => r.role);
}

export async function listRoleGrantsOfUser(
  db: DbOrTransaction,
  userId: string,
): Promise<{ role: GrantedRoleValue; grantedAt: Date }[]> {
  return db
    .select({ role: userRoles.role, grantedAt: userRoles.grantedAt })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.role));
}

/** Grants a role; granting one the person holds already changes nothing. Returns whether it was new. */
export async function insertRole(
  db: DbOrTransaction,
  values: { userId: string; role: GrantedRoleValue; grantedBy: string | null; now: Date },
): Promise<boolean> {
  const rows = await db
    .insert(userRoles)
    .values({ userId: values.userId, role: values.role, grantedBy: values.grantedBy, grantedAt: values.now })
    .onConflictDoNothing()
    .returning({ role: userRoles.role });
  return rows.length > 0;
}

/** Returns whether the person held the role. */
export async function deleteRole(
  db: DbOrTransaction,
  userId: string,
  role: GrantedRoleValue,
): Promise<boolean> {
  const rows = await db
    .delete(userRoles)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)))
    .returning({ role: userRoles.role });
  return rows.length > 0;
}

/**
 * The holders of the secretariat role, locked until the transaction ends: two secretariats
 * removing themselves at once cannot both see "there is another one".
 */
export async function lockSecretariatHolders(db: DbOrTransaction): Promise<string[]> {
  const rows = await db
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(eq(userRoles.role, 'secretariat'))
    .for('update');
  return rows.map((r) => r.userId);
}

export interface PersonListItem {
  id: string;
  email: string;
  name: string;
  organisation: string;
  country: string | null;
  createdAt: Date;
  roles: GrantedRoleValue[];
}

function searchCondition(query: string) {
  if (!query) return undefined;
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(users.email, pattern), ilike(users.name, pattern), ilike(users.organisation, pattern));
}

/** People whose e-mail, name or organisation contains `query`, by e-mail, one page. */
export async function listPeople(
  db: DbOrTransaction,
  opts: { query: string; limit: number; offset: number },
): Promise<PersonListItem[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      organisation: users.organisation,
      country: users.country,
      createdAt: users.createdAt,
      roles: sql<GrantedRoleValue[]>`coalesce((
        SELECT array_agg(${userRoles.role}::text ORDER BY ${userRoles.role})
        FROM ${userRoles} WHERE ${userRoles.userId} = ${users.id}
      ), '{}')`,
    })
    .from(users)
    .where(searchCondition(opts.query))
    .orderBy(asc(users.email))
    .limit(opts.limit)
    .offset(opts.offset);
}

export async function countPeople(db: DbOrTransaction, query: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(searchCondition(query));
  return row?.n ?? 0;
}

export async function listSessionsOfUser(
  db: DbOrTransaction,
  userId: string,
): Promise<{ createdAt: Date; lastSeenAt: Date; expiresAt: Date }[]> {
  return db
    .select({
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      expiresAt: authSessions.expiresAt,
    })
    .from(authSessions)
    .where(eq(authSessions.userId, userId))
    .orderBy(asc(authSessions.createdAt));
}
