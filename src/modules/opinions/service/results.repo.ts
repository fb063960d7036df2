// Queries of the results pages: the statements' texts and the breakdown by stakeholder group. The
// recompute's queries (votes for the math, the stored result, which maps are due) are in
// recompute.repo.ts; the participation side has its own repo (opinions.repo.ts).
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { opinionStatements } from '../opinions.tables';

export interface StatementText {
  id: number;
  body: string;
  language: string;
  status: 'pending' | 'accepted' | 'rejected';
  isMeta: boolean;
  isSeed: boolean;
}

/** Every statement of a map with its text (the results pages pick the ones they show). */
export function listStatementTexts(db: Db, mapId: string): Promise<StatementText[]> {
  return db
    .select({
      id: opinionStatements.id,
      body: opinionStatements.body,
      language: opinionStatements.language,
      status: opinionStatements.status,
      isMeta: opinionStatements.isMeta,
      isSeed: opinionStatements.isSeed,
    })
    .from(opinionStatements)
    .where(eq(opinionStatements.mapId, mapId))
    .orderBy(opinionStatements.id);
}

/** One row per (opinion group, stakeholder group, category, country) with its count of people. */
export interface BreakdownCell {
  group: number;
  stakeholderGroup: string | null;
  category: string | null;
  country: string | null;
  people: number;
}

/**
 * Counts the grouped participants of a map by who they are: the stakeholder group, category and
 * country of their registration for the map's session (any status: it is what they said about
 * themselves), else their account profile's stakeholder group and country (no category there);
 * null where neither says. `participantIds` and `groups` are parallel (the result's assignment).
 */
export async function countPeopleByGroup(
  db: Db,
  args: { mapId: string; sessionId: string | null; participantIds: Int32Array; groups: Int32Array },
): Promise<BreakdownCell[]> {
  const { rows } = await db.$client.query<{
    group: number;
    stakeholder_group: string | null;
    category: string | null;
    country: string | null;
    people: number;
  }>({
    name: 'opinions_results_breakdown',
    text: `
      WITH assigned AS (
        SELECT * FROM unnest($2::int[], $3::int[]) AS a(participant_id, grp)
      )
      SELECT a.grp AS "group",
             COALESCE(r.stakeholder_group::text, u.stakeholder_group::text) AS stakeholder_group,
             r.participant_category::text AS category,
             COALESCE(r.country, u.country) AS country,
             count(*)::int AS people
        FROM assigned a
        JOIN opinions_participants p ON p.id = a.participant_id AND p.map_id = $1
        LEFT JOIN accounts_users u ON u.id = p.user_id
        LEFT JOIN registration_registrations r
          ON r.user_id = p.user_id AND r.session_id = $4::uuid
       GROUP BY 1, 2, 3, 4`,
    // node-postgres writes arrays, not typed arrays.
    values: [args.mapId, Array.from(args.participantIds), Array.from(args.groups), args.sessionId],
  });
  return rows.map((r) => ({
    group: r.group,
    stakeholderGroup: r.stakeholder_group,
    category: r.category,
    country: r.country,
    people: r.people,
  }));
}
