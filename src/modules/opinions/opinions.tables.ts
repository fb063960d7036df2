import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../platform/i18n/localized-text';
import { users } from '../accounts/accounts.tables';
import { sessions } from '../conversations/conversations.tables';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const localized = () =>
  jsonb()
    .$type<LocalizedText>()
    .notNull()
    .default(sql`'{}'::jsonb`);
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
/** Demo content carries this flag so `npm run demo:remove` can take it all out. */
const isDemo = () => boolean().notNull().default(false);

/**
 * - `pre`: a participant's statement is shown to others only once the secretariat accepts it;
 * - `post`: it is shown at once, and the secretariat may reject it later.
 */
export const opinionModeration = pgEnum('opinions_moderation', ['pre', 'post']);

/** pol.is's `moderated`: pending 0, accepted 1, rejected −1 (the math engine's values). */
export const statementStatus = pgEnum('opinions_statement_status', ['pending', 'accepted', 'rejected']);

/**
 * An opinion map: a topic put to participants as statements to agree or disagree with, attached
 * to a session of a series. Its URL key is `slug`.
 */
export const opinionMaps = pgTable(
  'opinions_maps',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid().references(() => sessions.id, { onDelete: 'set null' }),
    slug: text().notNull(),
    topic: localized(),
    description: localized(),
    moderation: opinionModeration().notNull().default('post'),
    /** Participants may add statements (pol.is: "write" enabled). */
    allowStatements: boolean().notNull().default(true),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    /** Null: open until the secretariat closes it. */
    closesAt: timestamp({ withTimezone: true }),
    isPublished: boolean().notNull().default(false),
    /**
     * The public may download the map's votes and accepted statements in pol.is's open-data format
     * (CC BY 4.0, anonymous participant numbers), and its page says so before anyone votes (ADR 0030).
     */
    publishOpenData: boolean().notNull().default(false),
    /** Where an imported map came from ("pol.is open data: bg2050-volunteers"); null when made here. */
    importedFrom: text(),
    isDemo: isDemo(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('opinions_maps_slug_key').on(t.slug),
    check('opinions_maps_slug_shape', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('opinions_maps_closes_after_opens', sql`${t.closesAt} is null or ${t.closesAt} > ${t.opensAt}`),
  ],
);

/**
 * Who takes part in a map. `id` is the participant id the math engine sees (an int32). A
 * participant made here is an account; one imported from pol.is has its pol.is id in
 * `externalId` and no account. When an account is deleted its participant stays, without it, so
 * the map and its votes do not change (the votes were never public one by one).
 */
export const opinionParticipants = pgTable(
  'opinions_participants',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    mapId: uuid()
      .notNull()
      .references(() => opinionMaps.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    externalId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('opinions_participants_map_user_key').on(t.mapId, t.userId),
    uniqueIndex('opinions_participants_map_external_key').on(t.mapId, t.externalId),
    index('opinions_participants_user_idx').on(t.userId),
  ],
);

/**
 * A statement of a map. `id` is the statement id the math engine sees (an int32). Seed statements
 * come from the secretariat (`authorParticipantId` null); a participant's statement counts as an
 * agree vote of its author (the vote is a row in opinions_votes, written with it).
 */
export const opinionStatements = pgTable(
  'opinions_statements',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    mapId: uuid()
      .notNull()
      .references(() => opinionMaps.id, { onDelete: 'cascade' }),
    /** Statements are written in one language and shown as written (locale code). */
    language: text().notNull(),
    body: text().notNull(),
    authorParticipantId: integer().references(() => opinionParticipants.id, { onDelete: 'set null' }),
    isSeed: boolean().notNull().default(false),
    /** About the process itself ("this survey is biased"): shown, never part of the math. */
    isMeta: boolean().notNull().default(false),
    status: statementStatus().notNull().default('pending'),
    moderatedAt: timestamp({ withTimezone: true }),
    moderatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** The statement's pol.is comment id, for an imported map. */
    externalId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('opinions_statements_map_status_idx').on(t.mapId, t.status),
    uniqueIndex('opinions_statements_map_external_key').on(t.mapId, t.externalId),
    check('opinions_statements_body_length', sql`char_length(${t.body}) between 1 and 1000`),
  ],
);

/**
 * The current vote of a participant on a statement: agree 1, disagree −1, pass 0 (the pol.is open
 * data's signs). Changing a vote updates the row. `mapId` is repeated so that loading a map's
 * votes for the math is one index range scan.
 */
export const opinionVotes = pgTable(
  'opinions_votes',
  {
    mapId: uuid()
      .notNull()
      .references(() => opinionMaps.id, { onDelete: 'cascade' }),
    participantId: integer()
      .notNull()
      .references(() => opinionParticipants.id, { onDelete: 'cascade' }),
    statementId: integer()
      .notNull()
      .references(() => opinionStatements.id, { onDelete: 'cascade' }),
    vote: smallint().notNull(),
    votedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.statementId] }),
    index('opinions_votes_map_voted_at_idx').on(t.mapId, t.votedAt),
    index('opinions_votes_statement_idx').on(t.statementId),
    check('opinions_votes_value', sql`${t.vote} in (-1, 0, 1)`),
  ],
);

/**
 * Each statement's vote counts, kept by triggers on opinions_votes in the transaction of every
 * vote write, whoever writes it (migration 0017_opinion_statement_counts_triggers.sql): what the
 * participation page's priority rule reads instead of counting the map's votes on each view
 * (docs/adr/0027-which-statement-next.md). No row yet: no votes.
 */
export const opinionStatementCounts = pgTable('opinions_statement_counts', {
  statementId: integer()
    .primaryKey()
    .references(() => opinionStatements.id, { onDelete: 'cascade' }),
  agree: integer().notNull().default(0),
  disagree: integer().notNull().default(0),
  pass: integer().notNull().default(0),
});

/**
 * The latest computed opinion map of a map: `result` is `opinionMapToJson` of the math engine's
 * output (it is also the warm start of the next computation). `votesThrough` is the newest
 * `votedAt` the computation saw; votes after it make the map due for a recompute.
 */
export const opinionResults = pgTable('opinions_results', {
  mapId: uuid()
    .primaryKey()
    .references(() => opinionMaps.id, { onDelete: 'cascade' }),
  computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  votesThrough: timestamp({ withTimezone: true }),
  /** How long the computation took, for the secretariat's page and the logs. */
  durationMs: integer().notNull(),
  result: bytea().notNull(),
});
