import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../platform/mail/outbox.repo';
import { delegations, organisations, registrations, registrationSettings } from './registration.tables';
import type {
  ModeCounts,
  RegistrableSession,
  Registration,
  RegistrationMode,
  RegistrationSettings,
  RegistrationStatus,
} from './registration.types';

export type { DbOrTransaction };

// ── Sessions (read from the conversations module's tables by name: it exports no lookup) ─────────

type LocalizedRow = Record<string, string | undefined>;
interface SessionRow extends Record<string, unknown> {
  id: string;
  series_slug: string;
  series_title: LocalizedRow;
  number: number;
  title: LocalizedRow;
  starts_at: Date | string;
  ends_at: Date | string;
  time_zone: string;
  venue: LocalizedRow;
  livestream_url: string | null;
  is_published: boolean;
}

const SESSION_COLUMNS = sql`s.id, se.slug AS series_slug, se.title AS series_title, s.number, s.title,
  s.starts_at, s.ends_at, s.time_zone, s.venue, s.livestream_url, (s.is_published AND se.is_published) AS is_published`;

function sessionOf(row: SessionRow): RegistrableSession {
  return {
    id: row.id,
    seriesSlug: row.series_slug,
    seriesTitle: row.series_title,
    number: row.number,
    title: row.title,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    timeZone: row.time_zone,
    venue: row.venue,
    livestreamUrl: row.livestream_url,
    isPublished: row.is_published,
  };
}

export async function findSessionByRef(
  db: DbOrTransaction,
  seriesSlug: string,
  number: number,
): Promise<RegistrableSession | undefined> {
  const result = await db.execute<SessionRow>(sql`SELECT ${SESSION_COLUMNS}
    FROM conversations_sessions s JOIN conversations_series se ON se.id = s.series_id
    WHERE se.slug = ${seriesSlug} AND s.number = ${number}`);
  return result.rows[0] ? sessionOf(result.rows[0]) : undefined;
}

export async function findSessionById(
  db: DbOrTransaction,
  id: string,
): Promise<RegistrableSession | undefined> {
  const result = await db.execute<SessionRow>(sql`SELECT ${SESSION_COLUMNS}
    FROM conversations_sessions s JOIN conversations_series se ON se.id = s.series_id WHERE s.id = ${id}`);
  return result.rows[0] ? sessionOf(result.rows[0]) : undefined;
}

/** Every session with its registration settings (if any) and counts, newest series first. */
export async function listSessionsForAdmin(db: DbOrTransaction): Promise<
  (RegistrableSession & {
    isEnabled: boolean;
    confirmed: number;
    waitlisted: number;
    pending: number;
  })[]
> {
  const result = await db.execute<
    SessionRow & { is_enabled: boolean | null; confirmed: number; waitlisted: number; pending: number }
  >(sql`SELECT ${SESSION_COLUMNS}, rs.is_enabled,
      (SELECT count(*)::int FROM registration_registrations r WHERE r.session_id = s.id AND r.status = 'confirmed') AS confirmed,
      (SELECT count(*)::int FROM registration_registrations r WHERE r.session_id = s.id AND r.status = 'waitlisted') AS waitlisted,
      (SELECT count(*)::int FROM registration_registrations r WHERE r.session_id = s.id AND r.status = 'pending_approval') AS pending
    FROM conversations_sessions s JOIN conversations_series se ON se.id = s.series_id
    LEFT JOIN registration_settings rs ON rs.session_id = s.id
    ORDER BY se.created_at DESC, s.number`);
  return result.rows.map((row) => ({
    ...sessionOf(row),
    isEnabled: row.is_enabled ?? false,
    confirmed: row.confirmed,
    waitlisted: row.waitlisted,
    pending: row.pending,
  }));
}

export async function findUserProfile(
  db: DbOrTransaction,
  userId: string,
): Promise<
  { name: string; organisation: string; country: string | null; stakeholderGroup: string | null } | undefined
> {
  const result = await db.execute<{
    name: string;
    organisation: string;
    country: string | null;
    stakeholder_group: string | null;
  }>(
    sql`SELECT name, organisation, country, stakeholder_group::text FROM accounts_users WHERE id = ${userId}`,
  );
  const row = result.rows[0];
  return row
    ? {
        name: row.name,
        organisation: row.organisation,
        country: row.country,
        stakeholderGroup: row.stakeholder_group,
      }
    : undefined;
}

export async function findUserEmail(db: DbOrTransaction, userId: string): Promise<string | undefined> {
  const result = await db.execute<{ email: string }>(
    sql`SELECT email FROM accounts_users WHERE id = ${userId}`,
  );
  return result.rows[0]?.email;
}

// ── Settings ─────────────────────────────────────────────────────────────────────────────────────

export async function findSettings(
  db: DbOrTransaction,
  sessionId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<RegistrationSettings | undefined> {
  const query = db.select().from(registrationSettings).where(eq(registrationSettings.sessionId, sessionId));
  const [row] = await (opts.forUpdate ? query.for('update') : query);
  return row;
}

export async function upsertSettings(
  db: DbOrTransaction,
  values: typeof registrationSettings.$inferInsert,
): Promise<RegistrationSettings> {
  const { sessionId, createdAt: _createdAt, ...set } = values;
  const [row] = await db
    .insert(registrationSettings)
    .values(values)
    .onConflictDoUpdate({ target: registrationSettings.sessionId, set })
    .returning();
  void sessionId;
  return row!;
}

// ── Registrations ────────────────────────────────────────────────────────────────────────────────

export async function findRegistrationOfPerson(
  db: DbOrTransaction,
  sessionId: string,
  personKey: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Registration | undefined> {
  const query = db
    .select()
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), eq(registrations.personKey, personKey)));
  const [row] = await (opts.forUpdate ? query.for('update') : query);
  return row;
}

export async function findRegistrationById(
  db: DbOrTransaction,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Registration | undefined> {
  const query = db.select().from(registrations).where(eq(registrations.id, id));
  const [row] = await (opts.forUpdate ? query.for('update') : query);
  return row;
}

export async function findRegistrationByCode(
  db: DbOrTransaction,
  sessionId: string,
  code: string,
  opts: { forUpdate?: boolean } = { forUpdate: true },
): Promise<Registration | undefined> {
  const query = db
    .select()
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), eq(registrations.checkInCode, code)))
    .$dynamic();
  const [row] = await (opts.forUpdate ? query.for('update') : query);
  return row;
}

/** Inserts unless the person has a row for the session already. @returns the row, or undefined. */
export async function insertRegistration(
  db: DbOrTransaction,
  values: typeof registrations.$inferInsert,
): Promise<Registration | undefined> {
  const [row] = await db
    .insert(registrations)
    .values(values)
    .onConflictDoNothing({ target: [registrations.sessionId, registrations.personKey] })
    .returning();
  return row;
}

export async function updateRegistration(
  db: DbOrTransaction,
  id: string,
  set: Partial<typeof registrations.$inferInsert>,
): Promise<Registration> {
  const [row] = await db.update(registrations).set(set).where(eq(registrations.id, id)).returning();
  return row!;
}

export async function countConfirmed(
  db: DbOrTransaction,
  sessionId: string,
  mode: RegistrationMode,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      and(
        eq(registrations.sessionId, sessionId),
        eq(registrations.mode, mode),
        eq(registrations.status, 'confirmed'),
      ),
    );
  return row?.n ?? 0;
}

/** Confirmed, waitlisted and pending counts per mode. */
export async function countsOfSession(
  db: DbOrTransaction,
  sessionId: string,
): Promise<Record<RegistrationMode, Omit<ModeCounts, 'capacity'>>> {
  const rows = await db
    .select({ mode: registrations.mode, status: registrations.status, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(eq(registrations.sessionId, sessionId))
    .groupBy(registrations.mode, registrations.status);
  const counts = {
    onsite: { confirmed: 0, waitlisted: 0, pending: 0 },
    online: { confirmed: 0, waitlisted: 0, pending: 0 },
  };
  for (const r of rows) {
    if (r.status === 'confirmed') counts[r.mode].confirmed = r.n;
    if (r.status === 'waitlisted') counts[r.mode].waitlisted = r.n;
    if (r.status === 'pending_approval') counts[r.mode].pending = r.n;
  }
  return counts;
}

/** The longest-waiting registrations of a mode, locked (promotion order: waitlisted_at, then id). */
export async function oldestWaitlisted(
  db: DbOrTransaction,
  sessionId: string,
  mode: RegistrationMode,
  limit: number,
): Promise<Registration[]> {
  if (limit <= 0) return [];
  return db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.sessionId, sessionId),
        eq(registrations.mode, mode),
        eq(registrations.status, 'waitlisted'),
      ),
    )
    .orderBy(asc(registrations.waitlistedAt), asc(registrations.id))
    .limit(limit)
    .for('update');
}

export async function listRegistrationsOfSession(
  db: DbOrTransaction,
  sessionId: string,
  filter: { status?: RegistrationStatus; mode?: RegistrationMode } = {},
): Promise<(Registration & { email: string | null })[]> {
  const conditions = [eq(registrations.sessionId, sessionId)];
  if (filter.status) conditions.push(eq(registrations.status, filter.status));
  if (filter.mode) conditions.push(eq(registrations.mode, filter.mode));
  const rows = await db
    .select({
      registration: registrations,
      email: sql<string | null>`(SELECT email FROM accounts_users u WHERE u.id = ${registrations.userId})`,
    })
    .from(registrations)
    .where(and(...conditions))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
  return rows.map((r) => ({ ...r.registration, email: r.email }));
}

/** Confirmed people who agreed to be listed, with their delegation's country. */
export async function listConsentingParticipants(db: DbOrTransaction, sessionId: string) {
  return db
    .select({
      displayName: registrations.displayName,
      organisationName: registrations.organisationName,
      participantCategory: registrations.participantCategory,
      country: registrations.country,
      mode: registrations.mode,
      delegationCountry: delegations.country,
    })
    .from(registrations)
    .leftJoin(delegations, eq(delegations.id, registrations.delegationId))
    .where(
      and(
        eq(registrations.sessionId, sessionId),
        eq(registrations.status, 'confirmed'),
        eq(registrations.consentPublicList, true),
        isNull(registrations.anonymisedAt),
      ),
    )
    .orderBy(asc(registrations.displayName), asc(registrations.id));
}

export async function listRegistrationsOfUser(db: DbOrTransaction, userId: string) {
  return db
    .select()
    .from(registrations)
    .where(eq(registrations.userId, userId))
    .orderBy(asc(registrations.createdAt));
}

/**
 * Strips the person from their registrations (account deletion): the row keeps country, groups,
 * category, mode, status and attendance for the public figures; a fresh random person key keeps
 * "people" counts right without leading back to anyone.
 */
export async function anonymiseRegistrationsOfUser(
  db: DbOrTransaction,
  userId: string,
  at: Date,
): Promise<number> {
  const result = await db
    .update(registrations)
    .set({
      userId: null,
      // One fresh key for all their rows: still one person in the counts, leading to no one.
      personKey: randomUUID(),
      displayName: '',
      organisationName: '',
      organisationId: null,
      accessibilityNeeds: '',
      gender: null,
      consentPublicList: false,
      checkedInBy: null,
      decidedBy: null,
      anonymisedAt: at,
      updatedAt: at,
    })
    .where(eq(registrations.userId, userId))
    .returning({ id: registrations.id });
  return result.length;
}

/**
 * Marks confirmed registrations of sessions starting before `until` (and not yet started) as
 * reminded, and returns them: a claim, so two nodes never remind the same person.
 */
export async function claimDueReminders(db: DbOrTransaction, now: Date, until: Date, limit: number) {
  const result = await db.execute<{
    id: string;
  }>(sql`UPDATE registration_registrations r SET reminder_sent_at = ${now}
    WHERE r.id IN (
      SELECT r2.id FROM registration_registrations r2 JOIN conversations_sessions s ON s.id = r2.session_id
      WHERE r2.status = 'confirmed' AND r2.reminder_sent_at IS NULL AND r2.user_id IS NOT NULL AND NOT r2.is_demo
        AND s.starts_at > ${now} AND s.starts_at <= ${until}
      ORDER BY s.starts_at LIMIT ${limit} FOR UPDATE OF r2 SKIP LOCKED)
    RETURNING r.id`);
  if (result.rows.length === 0) return [];
  return db
    .select()
    .from(registrations)
    .where(
      inArray(
        registrations.id,
        result.rows.map((r) => r.id),
      ),
    );
}

// ── Delegations and organisations ────────────────────────────────────────────────────────────────

export async function ensureDelegation(
  db: DbOrTransaction,
  country: string,
  isDemo = false,
): Promise<string> {
  // A real delegate makes a demo delegation real: demo:remove then leaves it alone.
  await (isDemo
    ? db.insert(delegations).values({ country, isDemo }).onConflictDoNothing({ target: delegations.country })
    : db
        .insert(delegations)
        .values({ country, isDemo })
        .onConflictDoUpdate({
          target: delegations.country,
          set: { isDemo: false },
          where: eq(delegations.isDemo, true),
        }));
  const [row] = await db
    .select({ id: delegations.id })
    .from(delegations)
    .where(eq(delegations.country, country));
  return row!.id;
}

export async function ensureOrganisation(
  db: DbOrTransaction,
  name: string,
  country: string | null,
  isDemo = false,
): Promise<string> {
  const nameKey = name.trim().toLowerCase();
  const [found] = await db
    .select({ id: organisations.id, isDemo: organisations.isDemo })
    .from(organisations)
    .where(eq(organisations.nameKey, nameKey));
  if (found) {
    // A real registrant makes a demo organisation real: demo:remove then leaves it alone.
    if (found.isDemo && !isDemo)
      await db.update(organisations).set({ isDemo: false }).where(eq(organisations.id, found.id));
    return found.id;
  }
  await db
    .insert(organisations)
    .values({ name: name.trim(), nameKey, country, isDemo })
    .onConflictDoNothing({ target: organisations.nameKey });
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.nameKey, nameKey));
  return row!.id;
}
