import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/**
 * The roles a person can hold beyond "participant", which every account is
 * (docs/adr/0018-accounts-sessions-and-roles.md). Who may do what is in accounts.policy.ts.
 */
export const grantedRole = pgEnum('accounts_role', ['delegate', 'speaker', 'moderator', 'secretariat']);

export const stakeholderGroup = pgEnum('accounts_stakeholder_group', [
  'member_state',
  'igo',
  'ngo',
  'academia',
  'ip_professional',
  'enterprise',
  'civil_society',
  'media',
  'other',
]);

export const users = pgTable(
  'accounts_users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased and trimmed; the sign-in identifier. */
    email: text().notNull(),
    name: text().notNull().default(''),
    organisation: text().notNull().default(''),
    /** ISO 3166-1 alpha-2. */
    country: text(),
    stakeholderGroup: stakeholderGroup(),
    /** The language of the site and of every e-mail sent to this person. */
    preferredLocale: text().notNull().default('en'),
    /** scrypt, `scrypt$N$r$p$salt$hash` (base64url); null until the person sets a password. */
    passwordHash: text(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('accounts_users_email_key').on(t.email),
    check('accounts_users_email_lower', sql`${t.email} = lower(btrim(${t.email}))`),
    check('accounts_users_country_alpha2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('accounts_users_locale', sql`${t.preferredLocale} IN ('ar','zh','en','fr','ru','es')`),
  ],
);

export const userRoles = pgTable(
  'accounts_user_roles',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: grantedRole().notNull(),
    grantedAt: createdAt(),
    /** Null for the first secretariat (created from the command line) or when the granter is gone. */
    grantedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/**
 * A pending sign-in: the link's token and the short code, both stored only as SHA-256 hashes.
 * One row serves both (the e-mail carries the link and the code); the first use spends it. Keyed
 * by e-mail, not user, because signing in the first time creates the account.
 */
export const signInTokens = pgTable(
  'accounts_sign_in_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    tokenHash: text().notNull(),
    codeHash: text().notNull(),
    /** Wrong codes tried against this row; at the limit it is spent. */
    codeAttempts: integer().notNull().default(0),
    locale: text().notNull(),
    /** Where to go after signing in (a path on this site). */
    nextPath: text().notNull().default(''),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('accounts_sign_in_tokens_token_hash_key').on(t.tokenHash),
    index('accounts_sign_in_tokens_email_idx').on(t.email, t.createdAt),
  ],
);

/**
 * A signed-in browser. The cookie holds a random token; the row holds its SHA-256 hash as the
 * key, so a copy of the table does not sign anyone in. `csrfToken` is the synchronizer token that
 * every form of this session carries.
 */
export const authSessions = pgTable(
  'accounts_sessions',
  {
    idHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('accounts_sessions_user_idx').on(t.userId)],
);
