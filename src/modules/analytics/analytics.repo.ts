// Reach figures over the registration module's tables, read by name in SQL (docs/adr/0021): the
// figures are aggregates over many rows that no other module's function returns, and analytics
// only reads them.
import type { Db } from '../../db/client';
import type { LocalizedText } from '../../platform/i18n/localized-text';
import type { ReachFigures, ReachScope, ReachSummary } from './analytics.types';

/** The version every change to registrations or sessions moves on (0 before the first change). */
const CURRENT_VERSION_SQL = `(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM analytics_reach_version)`;

interface ScopeRow {
  series_id: string;
  series_slug: string;
  series_title: LocalizedText;
  session_id: string | null;
  session_number: number | null;
  session_title: LocalizedText | null;
  figures: ReachFigures | null;
  source_version: string | null;
  computed_at: Date | null;
  current_version: string;
}

/**
 * A series (and one of its sessions, when a number is given) with its stored summary, if any, and
 * the version the data is at now: one round trip. Only published ones unless `unpublished`.
 */
export async function findReachScope(
  db: Db,
  args: { seriesSlug: string; sessionNumber?: number; unpublished?: boolean },
): Promise<{ scope: ReachScope; summary: ReachSummary | undefined; currentVersion: number } | undefined> {
  const { rows } = await db.$client.query<ScopeRow>({
    name: 'analytics_reach_scope',
    text: `
      SELECT sr.id AS series_id, sr.slug AS series_slug, sr.title AS series_title,
             se.id AS session_id, se.number AS session_number, se.title AS session_title,
             su.figures, su.source_version, su.computed_at, ${CURRENT_VERSION_SQL} AS current_version
        FROM conversations_series sr
        LEFT JOIN conversations_sessions se
          ON se.series_id = sr.id AND se.number = $2::int AND (se.is_published OR $3::boolean)
        LEFT JOIN analytics_reach_summaries su
          ON su.scope = CASE WHEN $2::int IS NULL THEN 'series:' || sr.id ELSE 'session:' || se.id END
       WHERE sr.slug = $1 AND (sr.is_published OR $3::boolean)`,
    values: [args.seriesSlug, args.sessionNumber ?? null, args.unpublished ?? false],
  });
  const row = rows[0];
  if (!row) return undefined;
  if (args.sessionNumber !== undefined && row.session_id === null) return undefined;
  const scope: ReachScope = {
    series: { id: row.series_id, slug: row.series_slug, title: row.series_title },
    session:
      row.session_id === null
        ? undefined
        : { id: row.session_id, number: row.session_number!, title: row.session_title ?? {} },
  };
  const summary =
    row.figures === null
      ? undefined
      : { figures: row.figures, sourceVersion: Number(row.source_version), computedAt: row.computed_at! };
  return { scope, summary, currentVersion: Number(row.current_version) };
}

export function scopeKey(scope: ReachScope): string {
  return scope.session ? `session:${scope.session.id}` : `series:${scope.series.id}`;
}

// One statement: the version is read in the same statement as the registrations it describes.
// A person's country, group and category are those of their registration for the latest session
// of the scope they registered for; they attended if they attended any session of the scope.
const FIGURES_SQL = `
WITH scope AS (
  SELECT id, number, starts_at, title FROM conversations_sessions
   WHERE series_id = $1 AND (is_published OR $3::boolean) AND ($2::uuid IS NULL OR id = $2::uuid)
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
SELECT ${CURRENT_VERSION_SQL} AS version, json_build_object(
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

/** Computes a scope's figures from the registrations, with the version they are at. */
export async function computeReachFigures(
  db: Db,
  scope: ReachScope,
  opts: { unpublished?: boolean } = {},
): Promise<{ figures: ReachFigures; version: number }> {
  // One connection, one transaction: the sorts of a large series fit in memory (the default
  // work_mem, 4 MB, sends 100,000 registrations to disk), for this statement only.
  const client = await db.$client.connect();
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL work_mem = '64MB'`);
    const { rows } = await client.query<{ version: string; figures: ReachFigures }>({
      name: 'analytics_reach_figures',
      text: FIGURES_SQL,
      values: [scope.series.id, scope.session?.id ?? null, opts.unpublished ?? false],
    });
    await client.query('COMMIT');
    const row = rows[0]!;
    return { figures: row.figures, version: Number(row.version) };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Stores a scope's figures, unless a summary computed at a later version is there already. */
export async function upsertReachSummary(
  db: Db,
  key: string,
  summary: { figures: ReachFigures; sourceVersion: number; computedAt: Date },
): Promise<void> {
  await db.$client.query({
    name: 'analytics_reach_upsert',
    text: `INSERT INTO analytics_reach_summaries (scope, source_version, computed_at, figures)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (scope) DO UPDATE
             SET source_version = EXCLUDED.source_version, computed_at = EXCLUDED.computed_at,
                 figures = EXCLUDED.figures
           WHERE analytics_reach_summaries.source_version <= EXCLUDED.source_version`,
    values: [key, summary.sourceVersion, summary.computedAt, JSON.stringify(summary.figures)],
  });
}

/** Every series, published or not, for the secretariat's list. */
export async function listReachSeries(
  db: Db,
): Promise<{ slug: string; title: LocalizedText; isPublished: boolean; sessions: number[] }[]> {
  const { rows } = await db.$client.query<{
    slug: string;
    title: LocalizedText;
    is_published: boolean;
    sessions: number[] | null;
  }>(`
    SELECT sr.slug, sr.title, sr.is_published,
           (SELECT array_agg(se.number ORDER BY se.number) FROM conversations_sessions se WHERE se.series_id = sr.id) AS sessions
      FROM conversations_series sr ORDER BY sr.created_at, sr.slug`);
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    isPublished: r.is_published,
    sessions: r.sessions ?? [],
  }));
}
