// The first start's demo seed: the series, its registrations and the opinion map, whose results are
// computed as it is seeded (no start of the server waits for the schedule's first round).
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { dbTest as test } from '../test/test-deps';
import { stopRecomputeWorker } from './modules/opinions/worker';
import { seedDemoOnFirstStart } from './seed';

test('seeds the demo once, with the opinion map already computed', async ({ deps }) => {
  expect(await seedDemoOnFirstStart(deps)).toBe(true);
  const { rows } = await deps.db.execute<{ participants: number; computed: boolean }>(
    sql`SELECT (SELECT count(*)::int FROM opinions_participants p WHERE p.map_id = m.id) AS participants,
               EXISTS (SELECT 1 FROM opinions_results r WHERE r.map_id = m.id) AS computed
          FROM opinions_maps m WHERE m.is_demo`,
  );
  expect(rows).toEqual([{ participants: expect.any(Number) as number, computed: true }]);
  expect(rows[0]!.participants).toBeGreaterThan(100);

  expect(await seedDemoOnFirstStart(deps)).toBe(false);
  await stopRecomputeWorker();
});
