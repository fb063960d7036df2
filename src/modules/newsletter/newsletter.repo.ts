import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { platformSettings } from '../../db/settings.tables';
import { AppError } from '../../platform/errors';
import { listThemesOfPublishedSeries } from '../conversations';
import type { DbOrTransaction } from '../../platform/mail/outbox.repo';
import { newsletterEditions, newsletterSubscribers, newsletterSubscriberThemes } from './newsletter.tables';
import type { Edition, NewsletterTheme, Recipient, Segment, Subscriber } from './newsletter.types';

export type { DbOrTransaction };

// ── Subscribers ──────────────────────────────────────────────────────────────────────────────────

export async function findSubscriberByEmail(
  db: DbOrTransaction,
  email: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Subscriber | undefined> {
  const query = db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email));
  const [row] = await (opts.forUpdate ? query.for('update') : query);
  return row;
}

export async function findSubscriberById(db: DbOrTransaction, id: string): Promise<Subscriber | undefined> {
  const [row] = await db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.id, id));
  return row;
}

export async function findSubscriberByConfirmTokenHash(
  db: DbOrTransaction,
  hash: string,
): Promise<Subscriber | undefined> {
  const [row] = await db
    .select()
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.confirmTokenHash, hash));
  return row;
}

/**
 * Inserts a subscriber unless the address is already there.
 * @returns the new row, or undefined when the address exists.
 */
export async function insertSubscriber(
  db: DbOrTransaction,
  values: typeof newsletterSubscribers.$inferInsert,
): Promise<Subscriber | undefined> {
  const [row] = await db
    .insert(newsletterSubscribers)
    .values(values)
    .onConflictDoNothing({ target: newsletterSubscribers.email })
    .returning();
  return row;
}

export async function updateSubscriber(
  db: DbOrTransaction,
  id: string,
  set: Partial<typeof newsletterSubscribers.$inferInsert>,
): Promise<Subscriber> {
  const [row] = await db
    .update(newsletterSubscribers)
    .set(set)
    .where(eq(newsletterSubscribers.id, id))
    .returning();
  if (!row) throw new AppError('NOT_FOUND', { subscriber: id });
  return row;
}

export async function deleteSubscribersByEmail(db: DbOrTransaction, email: string): Promise<number> {
  const rows = await db
    .delete(newsletterSubscribers)
    .where(eq(newsletterSubscribers.email, email))
    .returning({ id: newsletterSubscribers.id });
  return rows.length;
}

export async function listSubscriberThemeIds(db: DbOrTransaction, subscriberId: string): Promise<string[]> {
  const rows = await db
    .select({ themeId: newsletterSubscriberThemes.themeId })
    .from(newsletterSubscriberThemes)
    .where(eq(newsletterSubscriberThemes.subscriberId, subscriberId));
  return rows.map((r) => r.themeId);
}

export async function replaceSubscriberThemes(
  db: DbOrTransaction,
  subscriberId: string,
  themeIds: readonly string[],
): Promise<void> {
  await db
    .delete(newsletterSubscriberThemes)
    .where(eq(newsletterSubscriberThemes.subscriberId, subscriberId));
  if (themeIds.length > 0) {
    await db
      .insert(newsletterSubscriberThemes)
      .values(themeIds.map((themeId) => ({ subscriberId, themeId })))
      .onConflictDoNothing();
  }
}

/** The named filter "confirmed subscribers in this segment". */
function inSegment(segment: Segment): SQL {
  const conditions: SQL[] = [eq(newsletterSubscribers.status, 'confirmed')];
  if (segment.locales.length > 0) {
    conditions.push(inArray(newsletterSubscribers.locale, [...segment.locales]));
  }
  if (segment.themeIds.length > 0) {
    conditions.push(sql`(
      NOT EXISTS (SELECT 1 FROM ${newsletterSubscriberThemes} st WHERE st.subscriber_id = ${newsletterSubscribers.id})
      OR EXISTS (SELECT 1 FROM ${newsletterSubscriberThemes} st WHERE st.subscriber_id = ${newsletterSubscribers.id}
                 AND st.theme_id = ANY(${sql.param([...segment.themeIds])}::uuid[])))`);
  }
  return and(...conditions)!;
}

export async function countSegment(db: DbOrTransaction, segment: Segment): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(newsletterSubscribers)
    .where(inSegment(segment));
  return row?.n ?? 0;
}

/** Every confirmed subscriber of the segment, by language: for a send. */
export async function listSegmentRecipients(db: DbOrTransaction, segment: Segment): Promise<Recipient[]> {
  const rows = await db
    .select({
      id: newsletterSubscribers.id,
      email: newsletterSubscribers.email,
      locale: newsletterSubscribers.locale,
      tokenNonce: newsletterSubscribers.tokenNonce,
    })
    .from(newsletterSubscribers)
    .where(inSegment(segment));
  return rows as Recipient[];
}

/** Confirmed subscribers by language (every language present, zero when none). */
export async function countConfirmedByLocale(db: DbOrTransaction): Promise<Record<string, number>> {
  const rows = await db
    .select({ locale: newsletterSubscribers.locale, n: sql<number>`count(*)::int` })
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.status, 'confirmed'))
    .groupBy(newsletterSubscribers.locale);
  return Object.fromEntries(rows.map((r) => [r.locale, r.n]));
}

/** The themes of published series, in series and theme order (the conversations module's list). */
export function listNewsletterThemes(db: Db): Promise<NewsletterTheme[]> {
  return listThemesOfPublishedSeries(db);
}

// ── Editions ─────────────────────────────────────────────────────────────────────────────────────

export async function insertEdition(
  db: DbOrTransaction,
  values: typeof newsletterEditions.$inferInsert,
): Promise<Edition> {
  const [row] = await db.insert(newsletterEditions).values(values).returning();
  return row!;
}

/** @throws AppError NOT_FOUND */
export async function getEdition(
  db: DbOrTransaction,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Edition> {
  const query = db.select().from(newsletterEditions).where(eq(newsletterEditions.id, id));
  const [row] = await (opts.forUpdate ? query.for('update') : query);
  if (!row) throw new AppError('NOT_FOUND', { edition: id });
  return row;
}

export async function updateEdition(
  db: DbOrTransaction,
  id: string,
  set: Partial<typeof newsletterEditions.$inferInsert>,
): Promise<Edition> {
  const [row] = await db.update(newsletterEditions).set(set).where(eq(newsletterEditions.id, id)).returning();
  if (!row) throw new AppError('NOT_FOUND', { edition: id });
  return row;
}

export function listEditions(db: DbOrTransaction, limit = 100): Promise<Edition[]> {
  return db.select().from(newsletterEditions).orderBy(desc(newsletterEditions.createdAt)).limit(limit);
}

// ── The key of the manage tokens ─────────────────────────────────────────────────────────────────

const TOKEN_KEY_SETTING = 'newsletter.tokenKey';

/**
 * The installation's key for manage tokens: created on first use (the first writer wins, so two
 * processes starting together agree), kept in platform_settings.
 */
export async function findOrCreateTokenKey(
  db: DbOrTransaction,
  candidate: string,
  at: Date,
): Promise<string> {
  await db
    .insert(platformSettings)
    .values({ key: TOKEN_KEY_SETTING, value: candidate, updatedAt: at })
    .onConflictDoNothing({ target: platformSettings.key });
  const [row] = await db
    .select({ value: platformSettings.value })
    .from(platformSettings)
    .where(eq(platformSettings.key, TOKEN_KEY_SETTING));
  return String(row!.value);
}
