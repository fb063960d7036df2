// Recomputing opinion maps against a real PostgreSQL and the real math engine (in its worker):
// a result is stored and picks up new votes; the same votes give the same bytes; the schedule's
// due rule; one recompute per map at a time.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../../test/test-deps';
import type { Clock } from '../../../platform/clock';
import { opinionMapFromJson } from '../math';
import { recomputeMapInWorker } from '../worker';
import { dueMaps, recomputeDueMaps, recomputeMap, SETTLE_MS } from './recompute';
import {
  insertMap,
  insertParticipants,
  insertStatements,
  insertVotes,
  twoCamps,
  type VoteRow,
} from './results.test-support';

/** A clock the test moves by hand. */
function movableClock(start: string): Clock & { set(at: string | number): void } {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    set: (at) => (now = typeof at === 'number' ? at : new Date(at).getTime()),
  };
}

const clock = movableClock('2026-11-25T10:00:00Z');
let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps({ clock });
});
afterAll(async () => deps?.close());

async function storedRow(mapId: string) {
  const { rows } = await deps.db.$client.query<{
    result: Buffer;
    votes_through: string | null;
    computed_at: Date;
  }>('SELECT result, votes_through::text, computed_at FROM opinions_results WHERE map_id = $1', [mapId]);
  return rows[0];
}

/** A published map with 20 participants in two camps on 8 statements, voted at `at`. */
async function campMap(at: string, d: TestDeps = deps) {
  const map = await insertMap(d);
  const participants = await insertParticipants(d, map.id, Array(20).fill(null));
  const statements = await insertStatements(
    d,
    map.id,
    Array.from({ length: 8 }, (_, i) => ({ body: `Statement ${i + 1}` })),
  );
  await insertVotes(d, map.id, twoCamps(participants, statements, at));
  return { map, participants, statements };
}

describe('recomputeMap', () => {
  test('stores the map of the votes, with the newest vote time to the microsecond', async () => {
    clock.set('2026-11-25T10:00:00Z');
    const { map, participants, statements } = await campMap('2026-11-25T09:00:00.123456Z');
    const outcome = await recomputeMap(deps, map.id);
    expect(outcome).toMatchObject({ status: 'stored', participants: 20, votes: 160, groups: 2 });
    const row = await storedRow(map.id);
    expect(row?.votes_through).toBe('2026-11-25 09:00:00.123456+00');
    expect(row?.computed_at.toISOString()).toBe('2026-11-25T10:00:00.000Z');
    const stored = opinionMapFromJson(row!.result.toString('utf8'));
    expect(Array.from(stored.participants.id)).toEqual(participants);
    expect(Array.from(stored.statements.id)).toEqual(statements);
    // The two camps are the two groups.
    const groupOf = (i: number) => stored.participants.group[i];
    expect(new Set(participants.slice(0, 10).map((_, i) => groupOf(i))).size).toBe(1);
    expect(new Set(participants.slice(10).map((_, i) => groupOf(10 + i))).size).toBe(1);
    expect(groupOf(0)).not.toBe(groupOf(10));
  });

  test('in the worker, a recompute that cannot reach its database fails with its error and stores nothing; the next one works', async () => {
    const { map } = await campMap('2026-11-25T09:00:00Z');
    const url = new URL(deps.db.$client.options.connectionString!);
    url.pathname = '/colloquy_no_such_database';

    await expect(
      recomputeMapInWorker(url.href, {
        mapId: map.id,
        onlyIfDue: false,
        nowMs: clock.now().getTime(),
        settleMs: 0,
      }),
    ).rejects.toThrow('colloquy_no_such_database');
    const nothing = await storedRow(map.id);
    const outcome = await recomputeMap(deps, map.id);

    expect(nothing).toBeUndefined();
    expect(outcome).toMatchObject({ status: 'stored', votes: 160 });
  });

  test('picks up new votes: the map is due, the next round recomputes it from the previous result', async () => {
    clock.set('2026-11-25T10:00:00Z');
    const { map, participants, statements } = await campMap('2026-11-25T09:00:00Z');
    expect(await dueMaps(deps)).toContain(map.id);
    await recomputeDueMaps(deps);
    expect(await dueMaps(deps)).not.toContain(map.id);
    const before = opinionMapFromJson((await storedRow(map.id))!.result.toString('utf8'));

    // A newcomer votes with the first camp, and a participant adds a statement (agreeing with it).
    const [newcomer] = await insertParticipants(deps, map.id, [null]);
    const [added] = await insertStatements(
      deps,
      map.id,
      [{ body: 'An added statement', status: 'pending' }],
      '2026-11-25T10:00:30Z',
    );
    const newVotes: VoteRow[] = statements.map((s, j) => ({
      participant: newcomer!,
      statement: s,
      vote: j < 4 ? 1 : -1,
      at: '2026-11-25T10:00:30Z',
    }));
    newVotes.push({ participant: participants[0]!, statement: added!, vote: 1, at: '2026-11-25T10:00:31Z' });
    await insertVotes(deps, map.id, newVotes);
    clock.set('2026-11-25T10:01:00Z');
    expect(await dueMaps(deps)).toContain(map.id);
    const round = await recomputeDueMaps(deps);
    expect(round.get(map.id)).toMatchObject({ status: 'stored', participants: 21, votes: 169 });
    const row = (await storedRow(map.id))!;
    expect(row.votes_through).toBe('2026-11-25 10:00:31+00');
    const after = opinionMapFromJson(row.result.toString('utf8'));
    expect(Array.from(after.statements.id)).toContain(added);
    // Warm start: the groups keep their labels, and the newcomer joins the first camp's group.
    const index = (m: typeof after, id: number) => Array.from(m.participants.id).indexOf(id);
    expect(after.participants.group[index(after, participants[0]!)]).toBe(
      before.participants.group[index(before, participants[0]!)],
    );
    expect(after.participants.group[index(after, newcomer!)]).toBe(
      after.participants.group[index(after, participants[0]!)],
    );
    expect(await dueMaps(deps)).not.toContain(map.id);
  });

  test('statement status is the engine’s moderated value; meta statements take no part', async () => {
    clock.set('2026-11-25T10:00:00Z');
    const map = await insertMap(deps);
    const participants = await insertParticipants(deps, map.id, Array(6).fill(null));
    const statements = await insertStatements(deps, map.id, [
      { body: 'accepted', status: 'accepted' },
      { body: 'pending', status: 'pending' },
      { body: 'rejected', status: 'rejected' },
      { body: 'meta', status: 'accepted', isMeta: true },
    ]);
    await insertVotes(
      deps,
      map.id,
      participants.flatMap((p, i) =>
        statements.map((s) => ({
          participant: p,
          statement: s,
          vote: i % 2 ? 1 : -1,
          at: '2026-11-25T09:00:00Z',
        })),
      ),
    );
    await recomputeMap(deps, map.id, { inThread: true });
    const stored = opinionMapFromJson((await storedRow(map.id))!.result.toString('utf8'));
    expect(Array.from(stored.statements.active)).toEqual([1, 1, 0, 0]);
  });

  test('a moderation after the result makes the map due', async () => {
    clock.set('2026-11-25T10:00:00Z');
    const { map, statements } = await campMap('2026-11-25T09:00:00Z');
    await recomputeMap(deps, map.id);
    expect(await dueMaps(deps)).not.toContain(map.id);
    await deps.db.$client.query(
      `UPDATE opinions_statements SET status = 'rejected', moderated_at = '2026-11-25T10:00:05Z' WHERE id = $1`,
      [statements[0]],
    );
    clock.set('2026-11-25T10:00:10Z');
    expect(await dueMaps(deps)).toContain(map.id);
    await recomputeDueMaps(deps);
    const stored = opinionMapFromJson((await storedRow(map.id))!.result.toString('utf8'));
    expect(stored.statements.active[0]).toBe(0);
  });

  test('a result computed within the settle margin of its newest vote is looked at once more, after it', async () => {
    clock.set('2026-11-25T10:00:00Z');
    const { map } = await campMap('2026-11-25T09:59:58Z');
    await recomputeMap(deps, map.id);
    expect(await dueMaps(deps)).not.toContain(map.id);
    clock.set(new Date('2026-11-25T09:59:58Z').getTime() + SETTLE_MS);
    expect(await dueMaps(deps)).toContain(map.id);
    await recomputeDueMaps(deps);
    expect(await dueMaps(deps)).not.toContain(map.id);
  });

  test('unpublished maps and maps without votes are never due', async () => {
    clock.set('2026-11-25T10:00:00Z');
    const draft = await insertMap(deps, { isPublished: false });
    const [p] = await insertParticipants(deps, draft.id, [null]);
    const [s] = await insertStatements(deps, draft.id, [{ body: 'x' }]);
    await insertVotes(deps, draft.id, [
      { participant: p!, statement: s!, vote: 1, at: '2026-11-25T09:00:00Z' },
    ]);
    const empty = await insertMap(deps);
    await insertStatements(deps, empty.id, [{ body: 'nobody voted' }]);
    const due = await dueMaps(deps);
    expect(due).not.toContain(draft.id);
    expect(due).not.toContain(empty.id);
  });

  test('one recompute per map at a time: a second one while the lock is held answers busy', async () => {
    clock.set('2026-11-25T10:00:00Z');
    const { map } = await campMap('2026-11-25T09:00:00Z');
    const other = await deps.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [0x0931_5005, map.id]);
      // Another node is recomputing this map: neither a forced recompute nor the schedule waits.
      expect(await recomputeMap(deps, map.id)).toEqual({ status: 'busy' });
      expect((await recomputeDueMaps(deps)).get(map.id)).toEqual({ status: 'busy' });
      await other.query('COMMIT');
    } finally {
      other.release();
    }
    // Two at once from this process: one stores, the other is busy (or finds nothing left to do).
    const both = await Promise.all([
      recomputeMap(deps, map.id, { onlyIfDue: true }),
      recomputeMap(deps, map.id, { onlyIfDue: true }),
    ]);
    expect(both.filter((o) => o.status === 'stored')).toHaveLength(1);
    expect(await storedRow(map.id)).toBeDefined();
  });
});

describe('determinism', () => {
  test('the same votes give byte-identical stored results, whatever order they were written in', async () => {
    const other = await createTestDeps({ clock });
    try {
      clock.set('2026-11-25T10:00:00Z');
      // Two fresh databases, the same rows; in the second the votes are written in reverse order.
      const a = await createTestDeps({ clock });
      try {
        const first = await campMap('2026-11-25T09:00:00Z', a);
        const map2 = await insertMap(other);
        const participants = await insertParticipants(other, map2.id, Array(20).fill(null));
        const statements = await insertStatements(
          other,
          map2.id,
          Array.from({ length: 8 }, (_, i) => ({ body: `Statement ${i + 1}` })),
        );
        expect(participants).toEqual(first.participants);
        expect(statements).toEqual(first.statements);
        await insertVotes(
          other,
          map2.id,
          twoCamps(participants, statements, '2026-11-25T09:00:00Z').reverse(),
        );

        await recomputeMap(a, first.map.id);
        await recomputeMap(other, map2.id, { inThread: true });
        const bytes = async (d: TestDeps, id: string) =>
          (
            await d.db.$client.query<{ result: Buffer }>(
              'SELECT result FROM opinions_results WHERE map_id = $1',
              [id],
            )
          ).rows[0]!.result;
        const one = await bytes(a, first.map.id);
        expect((await bytes(other, map2.id)).equals(one)).toBe(true);

        // And again from scratch in the same database: the same bytes.
        await a.db.$client.query('DELETE FROM opinions_results WHERE map_id = $1', [first.map.id]);
        await recomputeMap(a, first.map.id);
        expect((await bytes(a, first.map.id)).equals(one)).toBe(true);
      } finally {
        await a.close();
      }
    } finally {
      await other.close();
    }
  });
});
