import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  json,
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

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const localized = (name?: string) =>
  (name ? jsonb(name) : jsonb())
    .$type<LocalizedText>()
    .notNull()
    .default(sql`'{}'::jsonb`);
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
/** Demo content carries this flag so `npm run demo:remove` can take it all out. */
const isDemo = () => boolean().notNull().default(false);

export const sessionFormat = pgEnum('conversations_session_format', ['onsite', 'virtual', 'hybrid']);
export const agendaItemKind = pgEnum('conversations_agenda_item_kind', [
  'opening',
  'keynote',
  'panel',
  'sharing',
  'open_floor',
  'break',
  'closing',
  'other',
]);
export const speakerRole = pgEnum('conversations_speaker_role', [
  'chair',
  'moderator',
  'speaker',
  'panelist',
]);
export const documentKind = pgEnum('conversations_document_kind', [
  'agenda',
  'programme',
  'issues_paper',
  'information',
  'summary',
  'presentation',
  'other',
]);

export const series = pgTable(
  'conversations_series',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    title: localized(),
    shortTitle: localized(),
    summary: localized(),
    about: localized(),
    organiser: localized(),
    isPublished: boolean().notNull().default(false),
    isDemo: isDemo(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('conversations_series_slug_key').on(t.slug)],
);

export const themes = pgTable(
  'conversations_themes',
  {
    id: uuid().primaryKey().defaultRandom(),
    seriesId: uuid()
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    slug: text().notNull(),
    title: localized(),
    description: localized(),
    position: integer().notNull().default(0),
    isDemo: isDemo(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('conversations_themes_series_slug_key').on(t.seriesId, t.slug)],
);

export const sessions = pgTable(
  'conversations_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    seriesId: uuid()
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    themeId: uuid().references(() => themes.id, { onDelete: 'set null' }),
    /** The public number of the session in its series ("ninth session"); also its URL key. */
    number: integer().notNull(),
    title: localized(),
    subject: localized(),
    description: localized(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** IANA time zone the session is held in, e.g. Europe/Zurich. */
    timeZone: text().notNull().default('Europe/Zurich'),
    format: sessionFormat().notNull(),
    venue: localized(),
    livestreamUrl: text(),
    recordingUrl: text(),
    isPublished: boolean().notNull().default(false),
    isDemo: isDemo(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('conversations_sessions_series_number_key').on(t.seriesId, t.number),
    index('conversations_sessions_starts_at_idx').on(t.startsAt),
    check('conversations_sessions_number_positive', sql`${t.number} > 0`),
    check('conversations_sessions_ends_after_start', sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);

export const agendaItems = pgTable(
  'conversations_agenda_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    kind: agendaItemKind().notNull().default('other'),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    title: localized(),
    description: localized(),
    isDemo: isDemo(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('conversations_agenda_items_session_position_key').on(t.sessionId, t.position),
    check('conversations_agenda_items_ends_after_start', sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);

export const speakers = pgTable(
  'conversations_speakers',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    /** A person's name is written as they write it, in one script; not translated. */
    name: text().notNull(),
    honorific: localized(),
    position: localized(),
    organisation: localized(),
    bio: localized(),
    /** ISO 3166-1 alpha-2. */
    country: text(),
    isDemo: isDemo(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('conversations_speakers_slug_key').on(t.slug),
    check('conversations_speakers_country_alpha2', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

export const agendaItemSpeakers = pgTable(
  'conversations_agenda_item_speakers',
  {
    agendaItemId: uuid()
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    speakerId: uuid()
      .notNull()
      .references(() => speakers.id, { onDelete: 'cascade' }),
    role: speakerRole().notNull().default('speaker'),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.agendaItemId, t.speakerId] }),
    index('conversations_agenda_item_speakers_speaker_idx').on(t.speakerId),
  ],
);

export const documents = pgTable(
  'conversations_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    seriesId: uuid()
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    sessionId: uuid().references(() => sessions.id, { onDelete: 'set null' }),
    /** The official document symbol, e.g. WIPO/IP/CONV/GE/24/INF/1. */
    symbol: text().notNull(),
    kind: documentKind().notNull().default('other'),
    title: localized(),
    publishedOn: date({ mode: 'string' }).notNull(),
    isPublished: boolean().notNull().default(false),
    isDemo: isDemo(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('conversations_documents_symbol_key').on(t.symbol),
    index('conversations_documents_session_idx').on(t.sessionId),
  ],
);

/**
 * One language version of a document. The file is either in `content` (demo files, generated at
 * seed) or, for uploads, in the file store under the data directory, named by `storageKey` (the
 * SHA-256 of its bytes): exactly one of the two is set.
 */
export const documentFiles = pgTable(
  'conversations_document_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    locale: text().notNull(),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    byteSize: integer().notNull(),
    content: bytea(),
    storageKey: text(),
    isDemo: isDemo(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conversations_document_files_document_locale_key').on(t.documentId, t.locale),
    check(
      'conversations_document_files_one_source',
      sql`(${t.content} IS NULL) <> (${t.storageKey} IS NULL)`,
    ),
    check('conversations_document_files_storage_key', sql`${t.storageKey} ~ '^[0-9a-f]{64}$'`),
    check('conversations_document_files_locale', sql`${t.locale} IN ('ar','zh','en','fr','ru','es')`),
  ],
);

/**
 * The session page's read model: what the page shows of one published session, in one language,
 * as JSON (texts already picked for that language, with pickText's fallback). Written only by the
 * database: triggers on the tables above refresh the rows of every session a write touches, in the
 * writer's transaction (migration 0006, docs/adr/0015-session-page-read-model.md). A page request
 * is one primary-key lookup. Unpublished sessions, and sessions of unpublished series, have no rows.
 */
export const sessionPages = pgTable(
  'conversations_session_pages',
  {
    seriesSlug: text().notNull(),
    number: integer().notNull(),
    locale: text().notNull(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** `json`, not `jsonb`: kept as written, so reading it back is a copy, not a re-serialisation. */
    page: json().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.seriesSlug, t.number, t.locale] }),
    index('conversations_session_pages_session_idx').on(t.sessionId),
  ],
);

/**
 * What other modules add to a session's page, one JSON value per session and part (e.g.
 * `opinionMaps`, kept by the opinions module's triggers). The read model copies every part of a
 * session into its page's `parts` (migration 0021), so the page stays one primary-key lookup
 * whatever the modules show on it; this module never reads inside a part
 * (docs/adr/0033-session-page-parts.md).
 */
export const sessionPageParts = pgTable(
  'conversations_session_page_parts',
  {
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    part: text().notNull(),
    value: jsonb().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.part] }),
    check('conversations_session_page_parts_part', sql`${t.part} ~ '^[a-z][A-Za-z0-9]*$'`),
  ],
);
