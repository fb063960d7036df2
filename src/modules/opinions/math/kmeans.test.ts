import { describe, expect, test } from 'vitest';
import { dropEmpty, lloyd, type Points, seedPlusPlus, weightedSilhouette } from './kmeans';
import { createPrng } from './prng';

const points = (xy: [number, number][], w?: number[]): Points => ({
  x: Float64Array.from(xy, ([x]) => x),
  y: Float64Array.from(xy, ([, y]) => y),
  w: Float64Array.from(w ?? xy.map(() => 1)),
});

describe('k-means', () => {
  test('finds two well-separated clusters with their centres', () => {
    const pts = points([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [10, 10],
      [10, 11],
      [11, 10],
      [11, 11],
    ]);

    const seeds = seedPlusPlus(pts, 2, createPrng(1));
    const result = lloyd(pts, seeds.cx, seeds.cy, 100);

    const centres = [0, 1].map((c) => [result.cx[c], result.cy[c]]).sort((a, b) => a[0]! - b[0]!);
    expect(centres).toEqual([
      [0.5, 0.5],
      [10.5, 10.5],
    ]);
    expect(new Set(result.label.slice(0, 4)).size).toBe(1);
    expect(result.label[0]).not.toBe(result.label[4]);
    expect(result.inertia).toBeCloseTo(8 * 0.5, 12);
  });

  test('a guessed first cluster per point (right, wrong or missing) gives the same run as a full scan', () => {
    const prng = createPrng(11);
    const xy: [number, number][] = Array.from({ length: 3000 }, (_, i) => [
      (i % 3) * 2 + prng.next(),
      Math.floor(i / 1000) + prng.next(),
    ]);
    const pts = points(xy);
    const seeds = seedPlusPlus(pts, 40, createPrng(2));
    const plain = lloyd(pts, seeds.cx, seeds.cy, 1);
    // A guess as a previous update would give: mostly the right cluster, some wrong, some unknown.
    const guess = plain.label.map((c, i) => (i % 7 === 0 ? -1 : i % 5 === 0 ? (c + 3) % 40 : c));

    for (const iterations of [1, 5, 30]) {
      const full = lloyd(pts, seeds.cx, seeds.cy, iterations);
      const guessed = lloyd(pts, seeds.cx, seeds.cy, iterations, guess);
      expect(guessed).toEqual(full);
    }
  });

  test('weights move the centre: a point of weight 3 counts as three participants', () => {
    const pts = points(
      [
        [0, 0],
        [4, 0],
      ],
      [3, 1],
    );

    const result = lloyd(pts, Float64Array.of(1), Float64Array.of(0), 10);

    expect([result.cx[0], result.cy[0], result.weight[0]]).toEqual([1, 0, 4]);
  });

  test('never seeds two centres on duplicate points', () => {
    const pts = points([
      [1, 1],
      [1, 1],
      [1, 1],
      [2, 2],
      [2, 2],
    ]);

    const seeds = seedPlusPlus(pts, 5, createPrng(3));

    expect(seeds.cx.length).toBe(2);
  });

  test('seeding is deterministic for a seed', () => {
    const pts = points(
      Array.from({ length: 50 }, (_, i) => [Math.sin(i) * 10, Math.cos(i * 3) * 10] as [number, number]),
    );

    expect(seedPlusPlus(pts, 5, createPrng(42))).toEqual(seedPlusPlus(pts, 5, createPrng(42)));
  });

  test('drops clusters left empty and renumbers the rest', () => {
    const pts = points([
      [0, 0],
      [1, 0],
    ]);

    const result = dropEmpty(lloyd(pts, Float64Array.of(0, 100, 1), Float64Array.of(0, 100, 0), 10));

    expect([Array.from(result.cx), Array.from(result.label)]).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });
});

describe('weightedSilhouette', () => {
  test('equals the textbook silhouette when every weight is 1', () => {
    // Clusters {0, 1} and {4}: for 0, a = 1, b = 4, s = 0.75; for 1, a = 1, b = 3, s = 2/3; a singleton scores 0.
    const pts = points([
      [0, 0],
      [1, 0],
      [4, 0],
    ]);

    expect(weightedSilhouette(pts, Int32Array.of(0, 0, 1), 2)).toBeCloseTo((0.75 + 2 / 3 + 0) / 3, 12);
  });

  test('a point of weight w stands for w participants at the same place', () => {
    const expanded = points([
      [0, 0],
      [0, 0],
      [1, 0],
      [5, 0],
      [5, 0],
    ]);
    const weighted = points(
      [
        [0, 0],
        [1, 0],
        [5, 0],
      ],
      [2, 1, 2],
    );

    expect(weightedSilhouette(weighted, Int32Array.of(0, 0, 1), 2)).toBeCloseTo(
      weightedSilhouette(expanded, Int32Array.of(0, 0, 0, 1, 1), 2),
      12,
    );
  });
});
