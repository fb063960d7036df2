// The demo opinion map: on the ninth session, published, several hundred generated participants
// whose votes form two to four opinion groups when the math engine maps them; the same rows every
// time; gone with demo:remove.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { dbTest as test } from '../../../test/test-deps';
import { removeDemo, seedDemo } from '../conversations';
import { removeDemoOpinions, seedDemoOpinions } from './demo/seed-opinions';
import { computeOpinionMap, statementTable, voteTable } from './math';

test('the demo map: ninth session, hundreds of participants, 2–4 groups, deterministic, removable', async ({
  deps,
}) => {
  await seedDemo(deps.db, deps.clock);
  const added = await seedDemoOpinions(deps.db, deps.clock);
  expect(added).toBeGreaterThan(5000);
  expect(await seedDemoOpinions(deps.db, deps.clock)).toBe(0);

  const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
    (await deps.db.execute<T>(query)).rows;
  const [map] = await q<{ id: string; number: number; is_published: boolean; is_demo: boolean }>(
    sql`SELECT m.id, s.number, m.is_published, m.is_demo FROM opinions_maps m JOIN conversations_sessions s ON s.id = m.session_id`,
  );
  expect(map).toMatchObject({ number: 9, is_published: true, is_demo: true });
  const statements = await q<{ id: number; status: string; is_meta: boolean; language: string }>(
    sql`SELECT id, status, is_meta, language FROM opinions_statements WHERE map_id = ${map!.id} ORDER BY id`,
  );
  expect(statements.length).toBeGreaterThanOrEqual(20);
  expect(new Set(statements.map((s) => s.language))).toEqual(new Set(['en', 'fr', 'es']));
  const votes = await q<{ participant_id: number; statement_id: number; vote: number }>(
    sql`SELECT participant_id, statement_id, vote FROM opinions_votes WHERE map_id = ${map!.id} ORDER BY participant_id, statement_id`,
  );
  const [people] = await q<{ n: number; external: number }>(
    sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE external_id LIKE 'demo-%' AND user_id IS NULL)::int AS external
        FROM opinions_participants WHERE map_id = ${map!.id}`,
  );
  expect(people!.n).toBeGreaterThanOrEqual(300);
  expect(people!.external).toBe(people!.n);

  // The math engine finds two to four groups in these votes.
  const result = computeOpinionMap({
    statements: statementTable(
      statements.map((s) => ({ id: s.id, moderated: s.status === 'accepted' ? 1 : 0, isMeta: s.is_meta })),
    ),
    votes: voteTable(
      votes.map((v) => ({ participant: v.participant_id, statement: v.statement_id, vote: v.vote })),
    ),
  });
  expect(result.groups.length).toBeGreaterThanOrEqual(2);
  expect(result.groups.length).toBeLessThanOrEqual(4);

  // The same seed gives the same votes (ids aside: by the order they were written).
  const [fingerprint] = await q<{ md5: string }>(
    sql`SELECT md5(string_agg(p.external_id || ':' || s.body || ':' || v.vote, ',' ORDER BY p.id, s.id)) AS md5
        FROM opinions_votes v JOIN opinions_participants p ON p.id = v.participant_id JOIN opinions_statements s ON s.id = v.statement_id`,
  );
  expect(fingerprint!.md5).toBe('8af56abf56f56a539dbd3ffd567511e0');

  await removeDemo(deps.db);
  expect(await removeDemoOpinions(deps.db)).toBe(1);
  const [left] = await q<{ m: number; p: number; s: number; v: number }>(
    sql`SELECT (SELECT count(*)::int FROM opinions_maps) AS m, (SELECT count(*)::int FROM opinions_participants) AS p,
        (SELECT count(*)::int FROM opinions_statements) AS s, (SELECT count(*)::int FROM opinions_votes) AS v`,
  );
  expect(left).toEqual({ m: 0, p: 0, s: 0, v: 0 });
}, 120_000);
