// The priority rule (docs/adr/0027): pol.is's formula on hand-computed values, the fallback
// without a computed map, and a draw that is deterministic per seed and proportional to priority.
import { describe, expect, test } from 'vitest';
import {
  chooseNextStatement,
  polisPriority,
  priorities,
  seededUniform,
  type Candidate,
} from './next-statement';

const c = (id: number, agree: number, disagree: number, pass: number): Candidate => ({
  id,
  agree,
  disagree,
  pass,
});

describe('polisPriority', () => {
  test('matches the reference formula on hand-computed values', () => {
    // S = 0: importance = (1 − 1/2)·(E+1)·(1/2) = 0.25 (E = 0); novelty 9; priority (2.25)² = 5.0625.
    expect(polisPriority(c(1, 0, 0, 0), 0)).toBeCloseTo(5.0625, 12);
    // A=6, D=3, P=1, S=10, E=0.5: (1 − 2/12)·1.5·(7/12) = 0.729166…; novelty 1 + 8·2^−2 = 3.
    const importance = (1 - 2 / 12) * 1.5 * (7 / 12);
    expect(polisPriority(c(1, 6, 3, 1), 0.5)).toBeCloseTo((importance * 3) ** 2, 12);
  });

  test('a new statement outranks a much-voted one; divisive outranks consensual; passes lower it', () => {
    expect(polisPriority(c(1, 0, 0, 0), 0)).toBeGreaterThan(polisPriority(c(2, 30, 30, 0), 0));
    expect(polisPriority(c(1, 10, 10, 0), 1.5)).toBeGreaterThan(polisPriority(c(2, 10, 10, 0), 0.1));
    expect(polisPriority(c(1, 10, 10, 0), 0.5)).toBeGreaterThan(polisPriority(c(2, 5, 5, 10), 0.5));
  });
});

describe('priorities', () => {
  test('without a computed map: only the statements with the fewest votes can be drawn', () => {
    const weights = priorities({
      candidates: [c(3, 2, 0, 0), c(1, 1, 0, 0), c(2, 0, 1, 0), c(4, 5, 5, 5)],
      extremity: undefined,
    });
    expect(weights).toEqual([
      { id: 1, weight: 1 },
      { id: 2, weight: 1 },
      { id: 3, weight: 0 },
      { id: 4, weight: 0 },
    ]);
  });

  test('a statement newer than the map gets the mean extremity, not zero', () => {
    const extremity = new Map([
      [1, 0.2],
      [2, 1.0],
    ]);
    const [, , fresh] = priorities({ candidates: [c(1, 0, 0, 0), c(2, 0, 0, 0), c(3, 0, 0, 0)], extremity });
    expect(fresh!.weight).toBeCloseTo(polisPriority(c(3, 0, 0, 0), 0.6), 12);
  });
});

describe('chooseNextStatement', () => {
  const candidates = [c(5, 10, 2, 1), c(7, 3, 3, 0), c(9, 0, 0, 0), c(11, 40, 38, 2)];
  const extremity = new Map([
    [5, 0.3],
    [7, 1.2],
    [11, 0.9],
  ]);

  test('the same seed always gives the same statement, whatever the order of the candidates', () => {
    const a = chooseNextStatement({ candidates, extremity, seed: 'p42:3:12' });
    const b = chooseNextStatement({ candidates: [...candidates].reverse(), extremity, seed: 'p42:3:12' });
    expect(a).toBe(b);
    expect(candidates.map((s) => s.id)).toContain(a);
  });

  test('over many participants, each statement is drawn in proportion to its priority', () => {
    const weights = priorities({ candidates, extremity });
    const total = weights.reduce((s, w) => s + w.weight, 0);
    const drawn = new Map<number, number>();
    const n = 20_000;
    for (let p = 0; p < n; p++) {
      const id = chooseNextStatement({ candidates, extremity, seed: `p${p}:0:4` })!;
      drawn.set(id, (drawn.get(id) ?? 0) + 1);
    }
    for (const w of weights) {
      const expected = w.weight / total;
      // Binomial standard error at n = 20,000 is under 0.0036; allow 4 of them.
      expect(Math.abs((drawn.get(w.id) ?? 0) / n - expected)).toBeLessThan(0.015);
    }
  });

  test('nothing left: undefined', () => {
    expect(chooseNextStatement({ candidates: [], extremity, seed: 'x' })).toBeUndefined();
  });

  test('the seeded uniform is in [0, 1) and spreads', () => {
    const values = Array.from({ length: 1000 }, (_, i) => seededUniform(`k${i}`));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.filter((v) => v < 0.5).length).toBeGreaterThan(430);
    expect(values.filter((v) => v < 0.5).length).toBeLessThan(570);
  });
});
