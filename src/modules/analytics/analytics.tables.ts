import { bigint, jsonb, pgSequence, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Bumped (nextval) by a statement-level trigger on every write to registration_registrations and
 * conversations_sessions: a summary computed at an older value is out of date
 * (docs/adr/0021-reach-analytics.md). A sequence, not a counter row, so concurrent registrations
 * never wait on each other for it.
 */
export const reachVersion = pgSequence('analytics_reach_version');

/**
 * The reach figures of one series or one session, computed from the registrations and kept as
 * JSON (the exact counts: public pages suppress small cells when they render them). One row per
 * scope: `series:<uuid>` or `session:<uuid>`.
 */
export const reachSummaries = pgTable('analytics_reach_summaries', {
  scope: text().primaryKey(),
  /** analytics_reach_version's value read before the figures were computed. */
  sourceVersion: bigint({ mode: 'number' }).notNull(),
  computedAt: timestamp({ withTimezone: true }).notNull(),
  figures: jsonb().notNull(),
});
