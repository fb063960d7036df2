// The reach summaries (docs/adr/0021): the scope and its stored summary in one round trip, the
// figures computed by the registration module's query, stored with the version they are at.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { countRegistrationFigures } from '../registration';
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

/**
 * Computes a scope's figures from the registrations (the registration module's query), with the
 * version they are at. One read-only REPEATABLE READ transaction: its snapshot is taken by the
 * first statement, which reads the version, so the figures are of the data the version describes
 * (as when both were one statement); the sorts of a large series fit in memory (the default
 * work_mem, 4 MB, sends 100,000 registrations to disk), for this transaction only.
 */
export async function computeReachFigures(
  db: Db,
  scope: ReachScope,
  opts: { unpublished?: boolean } = {},
): Promise<{ figures: ReachFigures; version: number }> {
  return db.transaction(
    async (tx) => {
      const { rows } = await tx.execute<{ version: string }>(
        sql.raw(`SELECT ${CURRENT_VERSION_SQL} AS version`),
      );
      await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
      const figures = await countRegistrationFigures(tx, {
        seriesId: scope.series.id,
        sessionId: scope.session?.id ?? null,
        unpublished: opts.unpublished ?? false,
      });
      return { figures, version: Number(rows[0]!.version) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
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
