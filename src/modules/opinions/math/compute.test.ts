import { describe, expect, test } from 'vitest';
import { computeOpinionMap, type OpinionMap, type OpinionMapInput } from './compute';
import { createPrng } from './prng';
import { recomputeInWorker, stopRecomputeWorker } from '../worker';
import { opinionMapFromJson, opinionMapToJson } from './serialize';
import { statementTable, voteTable } from './vote-matrix';

type Row = { participant: number; statement: number; vote: number; time: number };

/**
 * Two camps that disagree on statements 0–9 and agree on 10–11, with some noise and some
 * missing votes, plus optional all-agree and all-disagree voters.
 */
function camps({ perCamp = 30, uniform = 0, seed = 1 } = {}): Row[] {
  const prng = createPrng(seed);
  const rows: Row[] = [];
  let time = 0;
  for (let p = 0; p < 2 * perCamp; p++) {
    const side = p < perCamp ? 1 : -1;
    for (let s = 0; s < 12; s++) {
      if (prng.next() < 0.15) continue;
      const noisy = prng.next() < 0.1;
      const vote = s >= 10 ? 1 : noisy ? 0 : s % 2 === 0 ? side : -side;
      rows.push({ participant: p, statement: s, vote, time: time++ });
    }
  }
  for (let u = 0; u < uniform; u++) {
    for (let s = 0; s < 12; s++)
      rows.push({ participant: 1000 + u, statement: s, vote: u % 2 === 0 ? 1 : -1, time: time++ });
  }
  return rows;
}

const input = (rows: Row[], options: OpinionMapInput['options'] = {}): OpinionMapInput => ({
  statements: statementTable(Array.from({ length: 12 }, (_, id) => ({ id }))),
  votes: voteTable(rows),
  options,
});
const groupOf = (map: OpinionMap, participant: number) =>
  map.participants.group[map.participants.id.indexOf(participant)];

describe('computeOpinionMap', () => {
  test('gives byte-identical JSON for the same votes, across runs and whatever the row order', () => {
    const rows = camps({ uniform: 4 });
    const shuffled = [...rows];
    const prng = createPrng(99);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(prng.next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }

    const first = opinionMapToJson(computeOpinionMap(input(rows)));
    const second = opinionMapToJson(computeOpinionMap(input(rows)));
    const fromShuffled = opinionMapToJson(computeOpinionMap(input(shuffled)));

    expect(second).toBe(first);
    expect(fromShuffled).toBe(first);
  });

  test('gives the same map when it may build the vote matrix in the vote arrays (grouped rows or not)', () => {
    const rows = camps({ uniform: 4 });
    const expected = opinionMapToJson(computeOpinionMap(input(rows)));
    const reversed = [...rows].reverse();

    for (const table of [rows, reversed]) {
      const reused = { ...input(table), reuseVoteArrays: true };
      expect(opinionMapToJson(computeOpinionMap(reused))).toBe(expected);
    }
  });

  test('finds the two camps and the statements that divide and unite them', () => {
    const map = computeOpinionMap(input(camps()));

    expect(map.groups.map((g) => [g.id, g.size])).toEqual([
      [0, 30],
      [1, 30],
    ]);
    const camp0 = new Set(Array.from({ length: 30 }, (_, p) => groupOf(map, p)));
    expect(camp0.size).toBe(1);
    expect(groupOf(map, 30)).not.toBe(groupOf(map, 0));
    expect(map.consensus.agree.map((c) => c.statement).sort()).toEqual([10, 11]);
    for (const group of map.groups) {
      expect(group.representative.length).toBeGreaterThan(0);
      expect(group.representative.every((r) => r.statement < 10)).toBe(true);
    }
  });

  test('projects each participant with the sparsity correction sqrt(C / |S|)', () => {
    const rows = camps();
    const map = computeOpinionMap(input(rows));
    const p = 3;
    const mine = rows.filter((r) => r.participant === p);

    const expected = [0, 1].map((c) => {
      const sum = mine.reduce(
        (s, r) => s + (r.vote - map.statements.mean[r.statement]!) * map.pca.components[c]![r.statement]!,
        0,
      );
      return Math.sqrt(12 / mine.length) * sum;
    });

    expect(map.participants.x[p]).toBeCloseTo(expected[0]!, 12);
    expect(map.participants.y[p]).toBeCloseTo(expected[1]!, 12);
  });

  test('all-agree and all-disagree voters join the existing groups instead of forming their own', () => {
    const map = computeOpinionMap(input(camps({ uniform: 10 })));

    expect(map.groups.length).toBe(2);
    expect(map.participants.uniform.reduce((a, b) => a + b, 0)).toBe(10);
    for (let u = 0; u < 10; u++) expect(groupOf(map, 1000 + u)).toBeGreaterThanOrEqual(0);
  });

  test('clusters those with at least 7 votes, tops up to 15 with the top voters, and keeps whoever was in', () => {
    const rows: Row[] = [];
    let time = 0;
    // 10 participants with 8 votes, 10 with 3, 5 with 1.
    for (let p = 0; p < 25; p++) {
      const n = p < 10 ? 8 : p < 20 ? 3 : 1;
      for (let s = 0; s < n; s++)
        rows.push({ participant: p, statement: s, vote: (p + s) % 3 === 0 ? -1 : 1, time: time++ });
    }

    const map = computeOpinionMap(input(rows));
    const inConv = Array.from(map.participants.id).filter((_, i) => map.participants.inConv[i]);
    expect(inConv).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);

    // Participant 24 reaches 7 votes; participant 14 stays in although others now outrank it.
    const more = [...rows];
    for (let s = 1; s < 7; s++) more.push({ participant: 24, statement: s, vote: 1, time: time++ });
    const next = computeOpinionMap(input(more), map);
    const nextIn = Array.from(next.participants.id).filter((_, i) => next.participants.inConv[i]);
    expect(nextIn).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 24]);
  });

  test('keeps group labels and orientation when one vote arrives', () => {
    const rows = camps({ seed: 5 });
    const before = computeOpinionMap(input(rows));
    // Swap the previous map's labels, as if history had numbered them the other way round.
    const swapped: OpinionMap = {
      ...before,
      participants: {
        ...before.participants,
        group: before.participants.group.map((g) => (g < 0 ? g : 1 - g)),
      },
      groups: before.groups.map((g) => ({ ...g, id: 1 - g.id })).reverse(),
    };

    const after = computeOpinionMap(
      input([...rows, { participant: 5, statement: 3, vote: 1, time: 1e9 }]),
      swapped,
    );

    expect(Array.from(after.participants.group)).toEqual(Array.from(swapped.participants.group));
    const d = after.pca.components[0]!.reduce((s, x, j) => s + x * before.pca.components[0]![j]!, 0);
    expect(d).toBeGreaterThan(0.99);
  });

  test('the shown number of groups changes only after the new best k has won 4 updates in a row', () => {
    const rows = camps();
    const map = computeOpinionMap(input(rows));
    let previous: OpinionMap = { ...map, k: { ...map.k, shown: 3, candidate: 3, streak: 0 } };
    const shown: number[] = [];

    for (let update = 0; update < 5; update++) {
      const next = computeOpinionMap(input(rows), previous);
      shown.push(next.k.shown);
      previous = next;
    }

    expect(map.k.best).toBe(2);
    expect(shown).toEqual([3, 3, 3, 2, 2]);
  });

  test('warm-started recompute on the same votes gives the same groups and the same map up to rounding', () => {
    const rows = camps({ uniform: 2 });
    const cold = computeOpinionMap(input(rows));

    const warm = computeOpinionMap(input(rows), cold);

    expect(Array.from(warm.participants.group)).toEqual(Array.from(cold.participants.group));
    cold.participants.x.forEach((x, i) => expect(warm.participants.x[i]).toBeCloseTo(x, 8));
  });

  test('survives the trip through JSON, so a stored map can be the previous one after a restart', () => {
    const map = computeOpinionMap(input(camps()));

    const revived = opinionMapFromJson(opinionMapToJson(map));

    expect(opinionMapToJson(revived)).toBe(opinionMapToJson(map));
    expect(revived.participants.x).toBeInstanceOf(Float64Array);
    expect(opinionMapToJson(computeOpinionMap(input(camps()), revived))).toBe(
      opinionMapToJson(computeOpinionMap(input(camps()), map)),
    );
  });

  test('copes with no votes, one participant, and everyone voting alike', () => {
    expect(computeOpinionMap(input([])).groups).toEqual([]);
    const one = computeOpinionMap(input([{ participant: 1, statement: 0, vote: 1, time: 0 }]));
    expect(one.groups.map((g) => g.size)).toEqual([1]);
    const alike: Row[] = [];
    for (let p = 0; p < 20; p++)
      for (let s = 0; s < 12; s++) alike.push({ participant: p, statement: s, vote: 1, time: 0 });
    const same = computeOpinionMap(input(alike));
    expect(same.groups.map((g) => g.size)).toEqual([20]);
    expect(Array.from(same.participants.x).every((x) => x === 0)).toBe(true);
  });
});

describe('recomputeInWorker', () => {
  test('computes the same map in a worker thread and transfers the input arrays', async () => {
    const rows = camps();
    const expected = opinionMapToJson(computeOpinionMap(input(rows)));
    const sent = input(rows);

    const map = await recomputeInWorker(sent);

    expect(opinionMapToJson(map)).toBe(expected);
    expect(sent.votes.vote.length).toBe(0); // transferred, not copied
  });

  test('reports a failure in the worker as a rejected promise, and serves the next call', async () => {
    const bad = input([{ participant: 1, statement: 0, vote: 3, time: 0 }]);

    await expect(recomputeInWorker(bad)).rejects.toThrow(
      'opinion map worker: vote row 0: value 3 is not -1, 0 or 1',
    );
    const rows = camps();
    expect(opinionMapToJson(await recomputeInWorker(input(rows)))).toBe(
      opinionMapToJson(computeOpinionMap(input(rows))),
    );
  });

  test('refuses at once a call that cannot be sent, and serves the next one', async () => {
    const unsendable = { ...input(camps()), onPhase: () => undefined } as OpinionMapInput;

    await expect(recomputeInWorker(unsendable)).rejects.toThrow(/could not be cloned/);
    const rows = camps();
    expect(opinionMapToJson(await recomputeInWorker(input(rows)))).toBe(
      opinionMapToJson(computeOpinionMap(input(rows))),
    );
  });

  test('serves calls made at once one after the other, each its own map, warm start included', async () => {
    const a = camps({ seed: 3 });
    const b = camps({ seed: 4, uniform: 2 });
    const first = computeOpinionMap(input(a));
    const expected = [first, computeOpinionMap(input(b)), computeOpinionMap(input(b), first)].map(
      opinionMapToJson,
    );

    const maps = await Promise.all([
      recomputeInWorker(input(a)),
      recomputeInWorker(input(b)),
      recomputeInWorker(input(b), first),
    ]);

    expect(maps.map(opinionMapToJson)).toEqual(expected);
    await stopRecomputeWorker();
    // A call after the worker ended starts a new one.
    expect(opinionMapToJson(await recomputeInWorker(input(a)))).toBe(expected[0]);
    await stopRecomputeWorker();
  });
});
