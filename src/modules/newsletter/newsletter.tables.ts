import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../platform/i18n/localized-text';
import { users } from '../accounts/accounts.tables';
import { themes } from '../conversations/conversations.tables';

/**
 * - `pending`: signed up, not confirmed yet: receives nothing but the confirmation message;
 * - `confirmed`: receives editions of the segments it falls in;
 * - `unsubscribed`: receives nothing; kept so a later sign-up starts a fresh double opt-in.
 * See docs/adr/0015-newsletter-double-opt-in-and-bulk-queue.md.
 */
export const subscriberStatus = pgEnum('newsletter_subscriber_status', [
  'pending',
  'confirmed',
  'unsubscribed',
]);

export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Trimmed, NFC, lower-cased. */
    email: text().notNull(),
    /** The language every message to this subscriber is written in. */
    locale: text().notNull(),
    status: subscriberStatus().notNull(),
    /** SHA-256 (hex) of the confirmation token; the token itself is only in the e-mail. */
    confirmTokenHash: text(),
    confirmTokenExpiresAt: timestamp({ withTimezone: true }),
    /** When the last confirmation or "already subscribed" message was written (per-address throttle). */
    lastMailedAt: timestamp({ withTimezone: true }),
    /**
     * Random, renewed at each sign-up: the manage token (unsubscribe, preferences) is an HMAC of
     * the subscriber id and this nonce, so a renewed nonce revokes every link sent before.
     */
    tokenNonce: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
    unsubscribedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('newsletter_subscribers_email_key').on(t.email),
    uniqueIndex('newsletter_subscribers_confirm_token_hash_key').on(t.confirmTokenHash),
    index('newsletter_subscribers_status_locale_idx').on(t.status, t.locale),
    check('newsletter_subscribers_locale', sql`${t.locale} IN ('ar','zh','en','fr','ru','es')`),
  ],
);

/** Themes a subscriber asked for. None: every theme. */
export const newsletterSubscriberThemes = pgTable(
  'newsletter_subscriber_themes',
  {
    subscriberId: uuid()
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: 'cascade' }),
    themeId: uuid()
      .notNull()
      .references(() => themes.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.subscriberId, t.themeId] }),
    index('newsletter_subscriber_themes_theme_idx').on(t.themeId),
  ],
);

/** `draft`: being written; `queued`: handed to the outbox, once (delivery progress is read there). */
export const editionStatus = pgEnum('newsletter_edition_status', ['draft', 'queued']);

export const newsletterEditions = pgTable(
  'newsletter_editions',
  {
    id: uuid().primaryKey().defaultRandom(),
    subject: jsonb().$type<LocalizedText>().notNull(),
    body: jsonb().$type<LocalizedText>().notNull(),
    /** Subscribers' languages the edition goes to; empty: every language. */
    segmentLocales: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Themes: subscribers who chose one of these, or chose none; empty: every subscriber. */
    segmentThemeIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: editionStatus().notNull().default('draft'),
    /** How many messages were queued, fixed when it was sent. */
    recipientCount: integer(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    queuedAt: timestamp({ withTimezone: true }),
    queuedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('newsletter_editions_created_at_idx').on(t.createdAt)],
);
