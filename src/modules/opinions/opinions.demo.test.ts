// The demo opinion map: on the ninth session, published, several hundred generated participants
// whose votes form two to four opinion groups when the math engine maps them, each with a demo
// account registered for the session (so the results' breakdown has known cells); the same rows
// every time; gone with demo:remove.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { dbTest as test } from '../../../test/test-deps';
import { createApp } from '../../app';
import en from '../../platform/i18n/messages/en.json' with { type: 'json' };
import { removeDemo, seedDemo } from '../conversations';
import { removeDemoRegistrations, seedDemoRegistrations } from '../registration';
import { DEMO_MAP_SLUG, removeDemoOpinions, seedDemoOpinions } from './demo/seed-opinions';
import { computeOpinionMap, statementTable, voteTable } from './math';
import { BREAKDOWN_DIMENSIONS, NOT_KNOWN } from './service/breakdown';
import { recomputeMap } from './service/recompute';
import { getResultsPage } from './service/results';

const EN = en as unknown as Record<string, string>;

test('the demo map: ninth session, hundreds of registered participants, 2–4 groups, deterministic, removable', async ({
  deps,
}) => {
  // As on the first start (src/seed.ts): the series, its registrations, then the map.
  await seedDemo(deps.db, deps.clock);
  await seedDemoRegistrations(deps.db, deps.clock);
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
  const [people] = await q<{ n: number; demo: number; registered: number }>(
    sql`SELECT count(*)::int AS n,
          count(*) FILTER (WHERE p.external_id LIKE 'demo-%' AND u.email LIKE '%@demo.invalid' AND u.password_hash IS NULL)::int AS demo,
          count(r.id) FILTER (WHERE r.is_demo AND r.status = 'confirmed')::int AS registered
        FROM opinions_participants p JOIN accounts_users u ON u.id = p.user_id
        LEFT JOIN registration_registrations r ON r.user_id = u.id AND r.session_id = (SELECT session_id FROM opinions_maps WHERE id = ${map!.id})
        WHERE p.map_id = ${map!.id}`,
  );
  expect(people!.n).toBeGreaterThanOrEqual(300);
  expect(people!.demo).toBe(people!.n);
  expect(people!.registered).toBe(people!.n);
  // Still within the session's capacity, with the registrations seeded before.
  const over = await q(
    sql`SELECT r.mode FROM registration_registrations r JOIN registration_settings s USING (session_id)
        WHERE r.status = 'confirmed' GROUP BY r.session_id, r.mode, s.onsite_capacity, s.online_capacity
        HAVING count(*) > CASE r.mode WHEN 'onsite' THEN s.onsite_capacity ELSE s.online_capacity END`,
  );
  expect(over).toEqual([]);
  // A WIPO-like mix: about a third Member State delegates, observers, many regions.
  const mix = await q<{ category: string; n: number }>(
    sql`SELECT participant_category::text AS category, count(*)::int AS n FROM registration_registrations r
        JOIN accounts_users u ON u.id = r.user_id WHERE u.email LIKE '%@demo.invalid' GROUP BY 1`,
  );
  const share = (category: string) => (mix.find((m) => m.category === category)?.n ?? 0) / people!.n;
  expect(share('member_state')).toBeGreaterThan(0.25);
  expect(share('member_state')).toBeLessThan(0.45);
  expect(share('igo_observer')).toBeGreaterThan(0.01);
  expect(share('ngo_observer')).toBeGreaterThan(0.08);

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

  // The results page's breakdown (suppressed as in public) has known cells in every table.
  expect(await recomputeMap(deps, map!.id)).toMatchObject({ status: 'stored' });
  const page = await getResultsPage(deps, null, DEMO_MAP_SLUG);
  const breakdown = page.results!.breakdown;
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const rows = breakdown.tables[dimension];
    expect(rows.map((r) => r.key)).not.toContain(NOT_KNOWN);
    const shown = rows.flatMap((r) => r.counts).filter((c): c is number => c !== null);
    expect(shown.every((c) => c === 0 || c >= 5)).toBe(true);
    // Most rows show a real count in at least one group.
    expect(rows.filter((r) => r.counts.some((c) => c !== null)).length).toBeGreaterThanOrEqual(
      dimension === 'categories' ? 3 : 5,
    );
  }

  // As the page shows it: rows named by group, category and region, none "Not known".
  const { app } = await createApp(deps);
  try {
    const html = (await app.inject({ url: `/en/opinions/${DEMO_MAP_SLUG}/results` })).body;
    const breakdownHtml = html.slice(html.indexOf('id="results-breakdown"'));
    for (const key of ['analytics.group.academia', 'analytics.region.150', 'analytics.category.member_state'])
      expect(breakdownHtml).toContain(EN[key]);
    expect(breakdownHtml).not.toContain(EN['opinions.results.breakdown.unknown']);
  } finally {
    await app.close();
  }

  // demo:remove (src/cli.ts): sessions, registrations, then maps and the demo accounts.
  await removeDemo(deps.db);
  await removeDemoRegistrations(deps.db);
  expect(await removeDemoOpinions(deps.db)).toBe(1 + people!.n);
  const [left] = await q<{ m: number; p: number; s: number; v: number; u: number; r: number; d: number }>(
    sql`SELECT (SELECT count(*)::int FROM opinions_maps) AS m, (SELECT count(*)::int FROM opinions_participants) AS p,
        (SELECT count(*)::int FROM opinions_statements) AS s, (SELECT count(*)::int FROM opinions_votes) AS v,
        (SELECT count(*)::int FROM accounts_users) AS u, (SELECT count(*)::int FROM registration_registrations) AS r,
        (SELECT count(*)::int FROM registration_delegations) AS d`,
  );
  expect(left).toEqual({ m: 0, p: 0, s: 0, v: 0, u: 0, r: 0, d: 0 });
}, 120_000);
