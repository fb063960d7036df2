import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * - `queued`: waiting for the mail worker (a pg-boss job with the same id carries it);
 * - `sent`: the SMTP server accepted it;
 * - `failed`: refused on every attempt; `last_error` says why;
 * - `held`: no SMTP server is configured, so it was kept here and not sent. The secretariat
 *   reads held mail in the back office.
 */
/** One attached file as the outbox keeps it. */
export interface StoredMailAttachment {
  filename: string;
  /** The full media type with its parameters, e.g. `text/calendar; charset=utf-8; method=PUBLISH`. */
  contentType: string;
  /** The bytes, base64-encoded. */
  contentBase64: string;
  /** Set for an inline part that the HTML refers to as `cid:<cid>`. */
  cid?: string;
}

export const mailStatus = pgEnum('mail_status', ['queued', 'sent', 'failed', 'held']);

/**
 * The shared part of a bulk send (a newsletter edition in one language): subject, both bodies and
 * headers, written once instead of once per recipient. They may name per-recipient variables as
 * `\u001Fname\u001F` (the unit separator, which no form input keeps), filled in from the outbox
 * row's `vars` when the message is sent (docs/adr/0015-newsletter-double-opt-in-and-bulk-queue.md).
 */
export const mailTemplates = pgTable(
  'mail_templates',
  {
    id: uuid().primaryKey(),
    kind: text().notNull(),
    locale: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    headers: jsonb()
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /**
     * What the send belongs to, for its progress: `newsletter.edition:<id>`. One template per
     * batch and language: a second send of the same batch and language is not written at all
     * (the bulk send's dedupe key, checked once instead of once per recipient).
     */
    batchKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('mail_templates_batch_key_locale_key').on(t.batchKey, t.locale),
    check('mail_templates_locale', sql`${t.locale} IN ('ar','zh','en','fr','ru','es')`),
  ],
);

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
    /** Null when the message is made from a template (`templateId`). */
    subject: text(),
    text: text(),
    html: text(),
    /**
     * A bulk message: its subject, bodies and headers come from this template (`mail_templates`),
     * filled with `vars`. No foreign key: its per-row check cost about a tenth of a 100,000-message
     * send, and templates are never deleted (docs/adr/0015).
     */
    templateId: uuid(),
    /** Per-recipient values for the template's variables. */
    vars: jsonb().$type<Record<string, string>>(),
    /** Extra headers, such as List-Unsubscribe. */
    headers: jsonb()
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /**
     * Files sent with a single message (a registration's .ics, its check-in QR as a `cid:` image),
     * content in base64. Null for none, and always for bulk messages (docs/adr/0024).
     */
    attachments: jsonb().$type<StoredMailAttachment[]>(),
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
    index('mail_outbox_template_status_idx').on(t.templateId, t.status),
    check(
      'mail_outbox_content',
      sql`${t.templateId} IS NOT NULL OR (${t.subject} IS NOT NULL AND ${t.text} IS NOT NULL AND ${t.html} IS NOT NULL)`,
    ),
    check('mail_outbox_locale', sql`${t.locale} IN ('ar','zh','en','fr','ru','es')`),
    check('mail_outbox_attempts_not_negative', sql`${t.attempts} >= 0`),
  ],
);
