import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables';
import { sessions } from '../conversations/conversations.tables';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
/** Demo content carries this flag so `npm run demo:remove` can take it all out. */
const isDemo = () => boolean().notNull().default(false);

/** How a person takes part: in the room, or online (livestream / session room). */
export const registrationMode = pgEnum('registration_mode', ['onsite', 'online']);

/**
 * - `pending_approval`: the session asks the secretariat to approve this mode/category first; holds no place;
 * - `confirmed`: holds a place of its mode;
 * - `waitlisted`: the mode was full; promoted (oldest first) when a place frees;
 * - `cancelled`: by the person or the secretariat; the row stays (one row per person and session).
 * See docs/adr/0022-registration-capacity-and-waitlist.md.
 */
export const registrationStatus = pgEnum('registration_status', [
  'pending_approval',
  'confirmed',
  'waitlisted',
  'cancelled',
]);

/** The diplomatic category of a participant (WIPO practice). */
export const participantCategory = pgEnum('registration_participant_category', [
  'member_state',
  'igo_observer',
  'ngo_observer',
  'other',
]);

export const registrationStakeholderGroup = pgEnum('registration_stakeholder_group', [
  'government',
  'ip_office',
  'academia',
  'ip_professional',
  'enterprise',
  'creator',
  'civil_society',
  'media',
  'individual',
  'other',
]);

/** An organisation people register on behalf of (an IGO, an NGO, a company, a university…). */
export const organisations = pgTable(
  'registration_organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** lower(btrim(name)), for matching what people type. */
    nameKey: text().notNull(),
    /** ISO 3166-1 alpha-2 of its seat, when known. */
    country: text(),
    isDemo: isDemo(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('registration_organisations_name_key').on(t.nameKey),
    check('registration_organisations_country_alpha2', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/**
 * A Member State's delegation (one per country, across sessions): it groups the delegates of that
 * State on the public list of participants.
 */
export const delegations = pgTable(
  'registration_delegations',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** ISO 3166-1 alpha-2 of the Member State. */
    country: text().notNull(),
    isDemo: isDemo(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('registration_delegations_country_key').on(t.country),
    check('registration_delegations_country_alpha2', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/**
 * Registration settings of one session. Registering locks this row (SELECT … FOR UPDATE) so the
 * places of a mode are counted and taken by one transaction at a time (ADR 0022).
 */
export const registrationSettings = pgTable(
  'registration_settings',
  {
    sessionId: uuid()
      .primaryKey()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** Registration is offered at all. */
    isEnabled: boolean().notNull().default(false),
    /** Null: open as soon as enabled. */
    opensAt: timestamp({ withTimezone: true }),
    /** Null: closes when the session starts. */
    closesAt: timestamp({ withTimezone: true }),
    /** Places in the room; 0 = no onsite registration. */
    onsiteCapacity: integer().notNull().default(0),
    /** Places online; 0 = no online registration. */
    onlineCapacity: integer().notNull().default(0),
    allowedCategories: participantCategory()
      .array()
      .notNull()
      .default(sql`'{member_state,igo_observer,ngo_observer,other}'::registration_participant_category[]`),
    /** Categories whose onsite registrations wait for the secretariat's approval. */
    onsiteApprovalCategories: participantCategory()
      .array()
      .notNull()
      .default(sql`'{}'::registration_participant_category[]`),
    /** Categories whose online registrations wait for the secretariat's approval. */
    onlineApprovalCategories: participantCategory()
      .array()
      .notNull()
      .default(sql`'{}'::registration_participant_category[]`),
    isDemo: isDemo(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('registration_settings_onsite_capacity', sql`${t.onsiteCapacity} >= 0`),
    check('registration_settings_online_capacity', sql`${t.onlineCapacity} >= 0`),
  ],
);

/**
 * One person's registration for one session (one row per person and session, whatever its
 * status: cancelling and registering again reuse it).
 *
 * `personKey` identifies the person across sessions for counting people: the account's id while
 * there is an account; a fresh random id when the account is deleted (the rows stay for the public
 * figures, unlinked from the person); a deterministic id for demo people (who have no account).
 */
export const registrations = pgTable(
  'registration_registrations',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    personKey: uuid().notNull(),
    mode: registrationMode().notNull(),
    status: registrationStatus().notNull(),
    participantCategory: participantCategory().notNull(),
    stakeholderGroup: registrationStakeholderGroup().notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text().notNull(),
    /** Name as it appears on the public list and badge; '' once anonymised. */
    displayName: text().notNull().default(''),
    /** As typed; '' once anonymised. */
    organisationName: text().notNull().default(''),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    /** Member State delegates (participantCategory = member_state) belong to their State's delegation. */
    delegationId: uuid().references(() => delegations.id, { onDelete: 'set null' }),
    /** One of the six UN languages, or null for none needed. */
    interpretationLanguage: text(),
    accessibilityNeeds: text().notNull().default(''),
    consentPublicList: boolean().notNull().default(false),
    consentRecording: boolean().notNull().default(false),
    /** Optional, self-described, free text (trimmed); null when not given. */
    gender: text(),
    /** The language of every e-mail about this registration. */
    locale: text().notNull(),
    /** Short code shown (and as a QR code) on the confirmation, for onsite check-in. */
    checkInCode: text().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When it entered its current place in the waitlist (promotion goes oldest first). */
    waitlistedAt: timestamp({ withTimezone: true }),
    confirmedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    /** Approval (or refusal) by the secretariat. */
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Attendance: checked in at the door (onsite). */
    checkedInAt: timestamp({ withTimezone: true }),
    checkedInBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Attendance: first joined the session room (online). */
    joinedOnlineAt: timestamp({ withTimezone: true }),
    reminderSentAt: timestamp({ withTimezone: true }),
    /** Set when the person's account was deleted and the row was stripped of who they were. */
    anonymisedAt: timestamp({ withTimezone: true }),
    isDemo: isDemo(),
  },
  (t) => [
    // Registering twice is impossible: one row per person and session.
    uniqueIndex('registration_registrations_session_person_key').on(t.sessionId, t.personKey),
    uniqueIndex('registration_registrations_check_in_code_key').on(t.checkInCode),
    index('registration_registrations_session_mode_status_idx').on(t.sessionId, t.mode, t.status),
    index('registration_registrations_user_idx').on(t.userId),
    index('registration_registrations_person_idx').on(t.personKey),
    check('registration_registrations_country_alpha2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('registration_registrations_locale', sql`${t.locale} IN ('ar','zh','en','fr','ru','es')`),
    check(
      'registration_registrations_interpretation',
      sql`${t.interpretationLanguage} IN ('ar','zh','en','fr','ru','es')`,
    ),
  ],
);
