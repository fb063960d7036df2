import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * - `queued`: waiting for the mail worker (a pg-boss job with the same id carries it);
 * - `sent`: the SMTP server accepted it;
 * - `failed`: refused on every attempt; `last_error` says why;
 * - `held`: no SMTP server is configured, so it was kept here and not sent. The secretariat
 *   reads held mail in the back office.
 */
export const mailStatus = pgEnum('mail_status', ['queued', 'sent', 'failed', 'held']);

/**
 * Every e-mail the platform sends, written before it is sent, in the caller's transaction when
 * there is one (docs/adr/0014-mail-outbox-and-durable-queue.md). The row's id is also the pg-boss
 * job id and the message's Message-ID.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey(),
    /** What the message is for, namespaced by module: `accounts.sign-in`, `newsletter.edition`. */
    kind: text().notNull(),
    toAddress: text().notNull(),
    /** The recipient's language, which the subject and body are written in. */
    locale: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** Extra headers, such as List-Unsubscribe. */
    headers: jsonb()
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    status: mailStatus().notNull(),
    /** SMTP attempts made so far, successful or not. */
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    sentAt: timestamp({ withTimezone: true }),
    /** After a failed attempt: the earliest time of the next one (the queue adds jitter). */
    nextAttemptAt: timestamp({ withTimezone: true }),
    /** A caller's key for "send this at most once", e.g. `newsletter.edition:<id>:<subscriber>`. */
    dedupeKey: text().unique('mail_outbox_dedupe_key_key'),
  },
  (t) => [
    index('mail_outbox_status_created_at_idx').on(t.status, t.createdAt),
    check('mail_outbox_locale', sql`${t.locale} IN ('ar','zh','en','fr','ru','es')`),
    check('mail_outbox_attempts_not_negative', sql`${t.attempts} >= 0`),
  ],
);
