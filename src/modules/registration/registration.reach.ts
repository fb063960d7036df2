// Figures over a series' registrations for the reach analytics (docs/adr/0021): the query belongs
// here, with the tables it reads; the analytics module stores, suppresses and shows the result.
import { sql } from 'drizzle-orm';
import type { DbOrTransaction } from './registration.repo';

/** People in one cell: registered (a confirmed registration) and, of them, those who attended. */
export interface PeopleCount {
  registered: number;
  attended: number;
}

/** One row of a breakdown: a key (country code, group, category, description) and its people. */
export interface PeopleCell extends PeopleCount {
  key: string;
}

/** One session of the scope, for the trend across sessions. */
export interface SessionPeopleRow extends PeopleCount {
  number: number;
  title: Record<string, string | undefined>;
  /** Countries of the people registered for this session. */
  countries: number;
  /** Registrations that hold no place. */
  pendingApproval: number;
  waitlisted: number;
  cancelled: number;
}

/** A series' (or one session's) registrations counted as people: exact, nothing suppressed. */
export interface RegistrationFigures {
  /** People, each counted once however many sessions of the scope they registered for. */
  people: PeopleCount;
  countries: PeopleCell[];
  stakeholderGroups: PeopleCell[];
  categories: PeopleCell[];
  /** Self-described, lower-cased and trimmed; key '' = not given. */
  genders: PeopleCell[];
  sessions: SessionPeopleRow[];
}

// A person's country, group and category are those of their registration for the latest session
// of the scope they registered for; they attended if they attended any session of the scope.
// Registered means confirmed; the other statuses only count in the per-session rows.
const figuresSql = (seriesId: string, sessionId: string | null, unpublished: boolean) => sql`
WITH scope AS (
  SELECT id, number, starts_at, title FROM conversations_sessions
   WHERE series_id = ${seriesId} AND (is_published OR ${unpublished}::boolean)
     AND (${sessionId}::uuid IS NULL OR id = ${sessionId}::uuid)
),
regs AS (
  SELECT r.person_key, r.status, r.country, r.stakeholder_group, r.participant_category AS category,
         COALESCE(lower(btrim(r.gender)), '') AS gender,
         (r.checked_in_at IS NOT NULL OR r.joined_online_at IS NOT NULL) AS attended,
         s.number, s.starts_at
    FROM registration_registrations r JOIN scope s ON s.id = r.session_id
),
people AS (
  SELECT DISTINCT ON (person_key) person_key, country, stakeholder_group, category, gender,
         bool_or(attended) OVER (PARTITION BY person_key) AS attended
    FROM regs WHERE status = 'confirmed'
   ORDER BY person_key, starts_at DESC, number DESC
),
cells AS (
  SELECT GROUPING(country, stakeholder_group, category, gender) AS g,
         country, stakeholder_group, category, gender,
         count(*)::int AS registered, (count(*) FILTER (WHERE attended))::int AS attended
    FROM people
   GROUP BY GROUPING SETS ((), (country), (stakeholder_group), (category), (gender))
),
session_counts AS (
  SELECT number,
         (count(*) FILTER (WHERE status = 'confirmed'))::int AS registered,
         (count(*) FILTER (WHERE status = 'confirmed' AND attended))::int AS attended,
         (count(*) FILTER (WHERE status = 'pending_approval'))::int AS pending_approval,
         (count(*) FILTER (WHERE status = 'waitlisted'))::int AS waitlisted,
         (count(*) FILTER (WHERE status = 'cancelled'))::int AS cancelled
    FROM regs GROUP BY number
),
session_countries AS (
  SELECT number, count(*)::int AS countries
    FROM (SELECT DISTINCT number, country FROM regs WHERE status = 'confirmed') d GROUP BY number
),
per_session AS (
  SELECT s.number, s.title, COALESCE(c.registered, 0) AS registered, COALESCE(c.attended, 0) AS attended,
         COALESCE(k.countries, 0) AS countries, COALESCE(c.pending_approval, 0) AS pending_approval,
         COALESCE(c.waitlisted, 0) AS waitlisted, COALESCE(c.cancelled, 0) AS cancelled
    FROM scope s LEFT JOIN session_counts c ON c.number = s.number LEFT JOIN session_countries k ON k.number = s.number
)
SELECT json_build_object(
  'people', COALESCE((SELECT json_build_object('registered', registered, 'attended', attended) FROM cells WHERE g = 15),
                     json_build_object('registered', 0, 'attended', 0)),
  'countries', COALESCE((SELECT json_agg(json_build_object('key', country, 'registered', registered, 'attended', attended)
                           ORDER BY registered DESC, country) FROM cells WHERE g = 7), '[]'),
  'stakeholderGroups', COALESCE((SELECT json_agg(json_build_object('key', stakeholder_group, 'registered', registered, 'attended', attended)
                           ORDER BY registered DESC, stakeholder_group) FROM cells WHERE g = 11), '[]'),
  'categories', COALESCE((SELECT json_agg(json_build_object('key', category, 'registered', registered, 'attended', attended)
                           ORDER BY registered DESC, category) FROM cells WHERE g = 13), '[]'),
  'genders', COALESCE((SELECT json_agg(json_build_object('key', gender, 'registered', registered, 'attended', attended)
                           ORDER BY registered DESC, gender) FROM cells WHERE g = 14), '[]'),
  'sessions', COALESCE((SELECT json_agg(json_build_object('number', number, 'title', title, 'registered', registered,
                           'attended', attended, 'countries', countries, 'pendingApproval', pending_approval,
                           'waitlisted', waitlisted, 'cancelled', cancelled) ORDER BY number) FROM per_session), '[]')
) AS figures`;

/**
 * Counts the people of a series' registrations, or of one session's, in one statement (a sort by
 * person, then GROUPING SETS). Only published sessions unless `unpublished`. For a large series
 * call it in a transaction with enough `work_mem` for the sorts (the analytics module does).
 */
export async function countRegistrationFigures(
  db: DbOrTransaction,
  scope: { seriesId: string; sessionId?: string | null; unpublished?: boolean },
): Promise<RegistrationFigures> {
  const { rows } = await db.execute<{ figures: RegistrationFigures }>(
    figuresSql(scope.seriesId, scope.sessionId ?? null, scope.unpublished ?? false),
  );
  return rows[0]!.figures;
}
