// The demo registrations: deterministic, spread across countries and every stakeholder group,
// within each session's capacity, and gone with `demo:remove`.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { dbTest as test } from '../../../test/test-deps';
import { removeDemo, seedDemo } from '../conversations';
import { removeDemoRegistrations, seedDemoRegistrations } from './demo/seed-registrations';

test('demo registrations for sessions 1–12: many countries, every group, within capacity, removable', async ({
  deps,
}) => {
  await seedDemo(deps.db, deps.clock);
  const added = await seedDemoRegistrations(deps.db, deps.clock);
  expect(added).toBeGreaterThan(3000);
  expect(await seedDemoRegistrations(deps.db, deps.clock)).toBe(0);

  const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
    (await deps.db.execute<T>(query)).rows;
  const [totals] = await q<{
    rows: number;
    demo: number;
    countries: number;
    groups: number;
    sessions: number;
    people: number;
  }>(
    sql`SELECT count(*)::int AS rows, count(*) FILTER (WHERE is_demo)::int AS demo, count(DISTINCT country)::int AS countries,
        count(DISTINCT stakeholder_group)::int AS groups, count(DISTINCT session_id)::int AS sessions,
        count(DISTINCT person_key)::int AS people FROM registration_registrations`,
  );
  expect(totals).toMatchObject({ rows: added, demo: added, groups: 10, sessions: 12 });
  expect(totals!.countries).toBeGreaterThan(150);
  expect(totals!.people).toBeLessThan(added); // people come back across sessions
  const over = await q(
    sql`SELECT r.session_id, r.mode FROM registration_registrations r JOIN registration_settings s USING (session_id)
        WHERE r.status = 'confirmed' GROUP BY r.session_id, r.mode, s.onsite_capacity, s.online_capacity
        HAVING count(*) > CASE r.mode WHEN 'onsite' THEN s.onsite_capacity ELSE s.online_capacity END`,
  );
  expect(over).toEqual([]);
  // The same seed gives the same rows (a fingerprint of what the pages show).
  const [fingerprint] = await q<{ md5: string }>(
    sql`SELECT md5(string_agg(person_key::text || status::text || mode::text || r.country || extract(epoch FROM r.created_at)::bigint::text, ',' ORDER BY person_key)) AS md5
        FROM registration_registrations r JOIN conversations_sessions s ON s.id = r.session_id WHERE s.number = 9`,
  );
  expect(fingerprint!.md5).toBe('1ed668f0ad645dbce9f138c1458c9e0c');

  await removeDemo(deps.db);
  await removeDemoRegistrations(deps.db);
  const [left] = await q<{ r: number; o: number; d: number; s: number }>(
    sql`SELECT (SELECT count(*)::int FROM registration_registrations) AS r, (SELECT count(*)::int FROM registration_organisations) AS o,
        (SELECT count(*)::int FROM registration_delegations) AS d, (SELECT count(*)::int FROM registration_settings) AS s`,
  );
  expect(left).toEqual({ r: 0, o: 0, d: 0, s: 0 });
}, 120_000);
