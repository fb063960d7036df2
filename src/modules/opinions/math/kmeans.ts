/**
 * Weighted k-means in the plane (Lloyd), deterministic k-means++ seeding, and the silhouette of a
 * weighted partition. Points are given as two coordinate arrays and a weight array.
 */
import type { Prng } from './prng';

export interface Points {
  x: Float64Array;
  y: Float64Array;
  /** Weight of each point (a base cluster's member count; 1 for a participant). */
  w: Float64Array;
}

export interface KmeansResult {
  cx: Float64Array;
  cy: Float64Array;
  /** Cluster of each point. */
  label: Int32Array;
  /** Sum of weights per cluster. */
  weight: Float64Array;
  /** Weighted sum of squared distances to the assigned centre. */
  inertia: number;
  iterations: number;
}

/**
 * k-means++ seeding: the first centre drawn in proportion to weight, each next one in proportion
 * to weight × squared distance to the nearest centre so far. When fewer than k distinct points
 * exist, returns as many centres as there are distinct points (duplicates never become two centres).
 */
export function seedPlusPlus(
  points: Points,
  k: number,
  prng: Prng,
  initial?: { cx: Float64Array; cy: Float64Array },
): { cx: Float64Array; cy: Float64Array } {
  const n = points.x.length;
  const cx: number[] = [];
  const cy: number[] = [];
  const nearest = new Float64Array(n).fill(Infinity);
  const addCentre = (px: number, py: number) => {
    cx.push(px);
    cy.push(py);
    for (let i = 0; i < n; i++) {
      const dx = points.x[i]! - px;
      const dy = points.y[i]! - py;
      const d = dx * dx + dy * dy;
      if (d < nearest[i]!) nearest[i] = d;
    }
  };
  if (initial) for (let c = 0; c < initial.cx.length && c < k; c++) addCentre(initial.cx[c]!, initial.cy[c]!);
  const draw = (score: (i: number) => number): number => {
    let total = 0;
    for (let i = 0; i < n; i++) total += score(i);
    if (!(total > 0)) return -1;
    let target = prng.next() * total;
    let last = -1;
    for (let i = 0; i < n; i++) {
      const s = score(i);
      if (s <= 0) continue;
      last = i;
      target -= s;
      if (target < 0) return i;
    }
    return last;
  };
  let next = cx.length === 0 ? draw((i) => points.w[i]!) : draw((i) => points.w[i]! * nearest[i]!);
  while (next !== -1 && cx.length < k) {
    addCentre(points.x[next]!, points.y[next]!);
    next = draw((i) => points.w[i]! * nearest[i]!);
  }
  return { cx: Float64Array.from(cx), cy: Float64Array.from(cy) };
}

/** Index of the nearest centre (the first one on ties). */
export function nearestCentre(x: number, y: number, cx: Float64Array, cy: Float64Array): number {
  let best = -1;
  let bestD = Infinity;
  for (let c = 0; c < cx.length; c++) {
    const dx = x - cx[c]!;
    const dy = y - cy[c]!;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/**
 * Lloyd's algorithm from the given centres until no point changes cluster (an exact fixed point)
 * or `maxIterations`. A centre that loses all its points stays where it is; callers drop it.
 */
export function lloyd(
  points: Points,
  initX: Float64Array,
  initY: Float64Array,
  maxIterations: number,
): KmeansResult {
  const n = points.x.length;
  const k = initX.length;
  const cx = Float64Array.from(initX);
  const cy = Float64Array.from(initY);
  const label = new Int32Array(n).fill(-1);
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  const weight = new Float64Array(k);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const c = nearestCentre(points.x[i]!, points.y[i]!, cx, cy);
      if (c !== label[i]) {
        label[i] = c;
        changed++;
      }
    }
    if (changed === 0 && iterations > 0) break;
    sx.fill(0);
    sy.fill(0);
    weight.fill(0);
    for (let i = 0; i < n; i++) {
      const c = label[i]!;
      const w = points.w[i]!;
      sx[c]! += w * points.x[i]!;
      sy[c]! += w * points.y[i]!;
      weight[c]! += w;
    }
    for (let c = 0; c < k; c++) {
      if (weight[c]! > 0) {
        cx[c] = sx[c]! / weight[c]!;
        cy[c] = sy[c]! / weight[c]!;
      }
    }
  }
  weight.fill(0);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const c = label[i]!;
    weight[c]! += points.w[i]!;
    const dx = points.x[i]! - cx[c]!;
    const dy = points.y[i]! - cy[c]!;
    inertia += points.w[i]! * (dx * dx + dy * dy);
  }
  return { cx, cy, label, weight, inertia, iterations };
}

/** Keeps the clusters that have points, renumbered in their original order. */
export function dropEmpty(result: KmeansResult): KmeansResult {
  const keep: number[] = [];
  for (let c = 0; c < result.weight.length; c++) if (result.weight[c]! > 0) keep.push(c);
  if (keep.length === result.weight.length) return result;
  const renumber = new Int32Array(result.weight.length).fill(-1);
  keep.forEach((c, i) => (renumber[c] = i));
  return {
    ...result,
    cx: Float64Array.from(keep, (c) => result.cx[c]!),
    cy: Float64Array.from(keep, (c) => result.cy[c]!),
    weight: Float64Array.from(keep, (c) => result.weight[c]!),
    label: result.label.map((c) => renumber[c]!),
  };
}

/**
 * Mean silhouette of a partition of weighted points, where a point of weight w stands for w
 * participants at the same place: within its own cluster it is at distance 0 from its w − 1
 * companions. A cluster of a single participant scores 0 (Rousseeuw's convention).
 */
export function weightedSilhouette(points: Points, label: Int32Array, k: number): number {
  const n = points.x.length;
  const clusterWeight = new Float64Array(k);
  for (let i = 0; i < n; i++) clusterWeight[label[i]!]! += points.w[i]!;
  const sumTo = new Float64Array(k);
  let total = 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    sumTo.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = points.x[i]! - points.x[j]!;
      const dy = points.y[i]! - points.y[j]!;
      sumTo[label[j]!]! += points.w[j]! * Math.sqrt(dx * dx + dy * dy);
    }
    const own = label[i]!;
    const wi = points.w[i]!;
    totalWeight += wi;
    if (clusterWeight[own]! <= 1) continue;
    const a = sumTo[own]! / (clusterWeight[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++)
      if (c !== own && clusterWeight[c]! > 0) b = Math.min(b, sumTo[c]! / clusterWeight[c]!);
    if (b === Infinity) continue;
    const s = Math.max(a, b) === 0 ? 0 : (b - a) / Math.max(a, b);
    total += wi * s;
  }
  return totalWeight === 0 ? 0 : total / totalWeight;
}
