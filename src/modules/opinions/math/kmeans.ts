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
  /** Index drawn in proportion to w[i] (first centre) or w[i] × nearest[i]; −1 when all are 0. */
  const draw = (first: boolean): number => {
    const w = points.w;
    let total = 0;
    for (let i = 0; i < n; i++) total += first ? w[i]! : w[i]! * nearest[i]!;
    if (!(total > 0)) return -1;
    let target = prng.next() * total;
    let last = -1;
    for (let i = 0; i < n; i++) {
      const score = first ? w[i]! : w[i]! * nearest[i]!;
      if (score <= 0) continue;
      last = i;
      target -= score;
      if (target < 0) return i;
    }
    return last;
  };
  if (initial && initial.cx.length >= k) {
    // Nothing left to draw: the distances to the centres would not be used.
    return { cx: initial.cx.slice(0, k), cy: initial.cy.slice(0, k) };
  }
  if (initial) for (let c = 0; c < initial.cx.length && c < k; c++) addCentre(initial.cx[c]!, initial.cy[c]!);
  let next = cx.length >= k ? -1 : draw(cx.length === 0);
  while (next !== -1 && cx.length < k) {
    addCentre(points.x[next]!, points.y[next]!);
    next = cx.length >= k ? -1 : draw(false);
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
 * Lloyd's algorithm from the given centres until no point changes cluster (an exact fixed point),
 * no centre moves more than 1e-4 of the points' spread, or `maxIterations`, with Hamerly's bounds (2010): a point whose distance to its centre is below
 * both half the distance from that centre to the next one and a lower bound on its distance to
 * every other centre keeps its cluster without computing any distance. Same fixed point as plain
 * Lloyd, far fewer distances once most points have settled. A centre that loses all its points
 * stays where it is; callers drop it.
 */
export function lloyd(
  points: Points,
  initX: Float64Array,
  initY: Float64Array,
  maxIterations: number,
  guess?: Int32Array,
): KmeansResult {
  const { x, y, w } = points;
  const n = x.length;
  const k = initX.length;
  const s: LloydState = {
    x,
    y,
    k,
    cx: Float64Array.from(initX),
    cy: Float64Array.from(initY),
    label: new Int32Array(n).fill(-1),
    upper: new Float64Array(n),
    lower: new Float64Array(n),
    neighbour: new Int32Array(k * k),
    neighbourDistance: new Float64Array(k * k),
    half: new Float64Array(k),
  };
  const sums: ClusterSums = {
    sx: new Float64Array(k),
    sy: new Float64Array(k),
    weight: new Float64Array(k),
    moved: new Float64Array(k),
    maxMoved: 0,
    maxMovedAt: -1,
    secondMoved: 0,
  };
  if (k > 0) firstAssignment(s, guess);
  // Stop when no centre moves more than 1e-4 of the points' spread (RMS distance from their mean):
  // below that, further iterations only shuffle a few points on a boundary.
  const settled = 1e-4 * rmsSpread(points);
  // Per-cluster sums, kept up to date as points move (a moved point is subtracted and added).
  addToSums(s, w, sums);
  // Each step of the loop is a function of its own: V8 compiles a long inner loop on the stack
  // (OSR) and drops that code when the loop ends, over and over when the loops are nested here.
  let iterations = 0;
  while (k > 0) {
    iterations++;
    moveCentres(s, sums);
    if (iterations >= maxIterations || sums.maxMoved <= settled) break;
    orderNeighbours(s);
    if (updateAssignments(s, w, sums) === 0) break;
  }
  const { weight } = sums;
  weight.fill(0);
  const inertia = weightsAndInertia(s, w, weight);
  return { cx: s.cx, cy: s.cy, label: s.label, weight, inertia, iterations };
}

/** Per-cluster weighted sums of the coordinates, the weights, and how far each centre last moved. */
interface ClusterSums {
  sx: Float64Array;
  sy: Float64Array;
  weight: Float64Array;
  moved: Float64Array;
  maxMoved: number;
  maxMovedAt: number;
  secondMoved: number;
}

/**
 * First assignment: a full scan, or, from a guessed cluster (the previous update's), the
 * neighbour-ordered search of `reassign`, which finds the same nearest and second-nearest centres.
 */
function firstAssignment(s: LloydState, guess: Int32Array | undefined): void {
  const { x, y, cx, cy, k } = s;
  const n = x.length;
  if (!guess) {
    for (let i = 0; i < n; i++) assign(s, i);
    return;
  }
  orderNeighbours(s);
  for (let i = 0; i < n; i++) {
    const a = guess[i]!;
    if (a < 0 || a >= k) {
      assign(s, i);
      continue;
    }
    const dx = x[i]! - cx[a]!;
    const dy = y[i]! - cy[a]!;
    reassign(s, i, a, Math.sqrt(dx * dx + dy * dy));
  }
}

function addToSums(s: LloydState, w: Float64Array, sums: ClusterSums): void {
  const { x, y, label } = s;
  const { sx, sy, weight } = sums;
  for (let i = 0; i < x.length; i++) {
    const c = label[i]!;
    const wi = w[i]!;
    sx[c]! += wi * x[i]!;
    sy[c]! += wi * y[i]!;
    weight[c]! += wi;
  }
}

/** Each centre to the mean of its points (an emptied one stays); records how far they moved. */
function moveCentres(s: LloydState, sums: ClusterSums): void {
  const { k, cx, cy } = s;
  const { sx, sy, weight, moved } = sums;
  let maxMoved = 0;
  let maxMovedAt = -1;
  let secondMoved = 0;
  for (let c = 0; c < k; c++) {
    moved[c] = 0;
    // A weight below rounding noise is an emptied cluster: its centre stays.
    if (weight[c]! > 1e-9) {
      const nx = sx[c]! / weight[c]!;
      const ny = sy[c]! / weight[c]!;
      const dx = nx - cx[c]!;
      const dy = ny - cy[c]!;
      moved[c] = Math.sqrt(dx * dx + dy * dy);
      cx[c] = nx;
      cy[c] = ny;
    }
    if (moved[c]! > maxMoved) {
      secondMoved = maxMoved;
      maxMoved = moved[c]!;
      maxMovedAt = c;
    } else if (moved[c]! > secondMoved) {
      secondMoved = moved[c]!;
    }
  }
  sums.maxMoved = maxMoved;
  sums.maxMovedAt = maxMovedAt;
  sums.secondMoved = secondMoved;
}

/**
 * Hamerly's step: loosens each point's bounds by how far the centres moved, re-examines only the
 * points whose bounds no longer prove their cluster, and moves them in the sums. Returns how many
 * changed cluster.
 */
function updateAssignments(s: LloydState, w: Float64Array, sums: ClusterSums): number {
  const { x, y, cx, cy, label, upper, lower, half } = s;
  const { sx, sy, weight, moved, maxMoved, maxMovedAt, secondMoved } = sums;
  let changed = 0;
  for (let i = 0; i < x.length; i++) {
    const a = label[i]!;
    upper[i]! += moved[a]!;
    lower[i]! -= a === maxMovedAt ? secondMoved : maxMoved;
    const bound = Math.max(half[a]!, lower[i]!);
    if (upper[i]! <= bound) continue;
    const dx = x[i]! - cx[a]!;
    const dy = y[i]! - cy[a]!;
    upper[i] = Math.sqrt(dx * dx + dy * dy);
    if (upper[i]! <= bound) continue;
    reassign(s, i, a, upper[i]!);
    const b = label[i]!;
    if (b !== a) {
      changed++;
      const wi = w[i]!;
      sx[a]! -= wi * x[i]!;
      sy[a]! -= wi * y[i]!;
      weight[a]! -= wi;
      sx[b]! += wi * x[i]!;
      sy[b]! += wi * y[i]!;
      weight[b]! += wi;
    }
  }
  return changed;
}

/** Sets each cluster's weight (weight must be 0) and returns the weighted sum of squared distances. */
function weightsAndInertia(s: LloydState, w: Float64Array, weight: Float64Array): number {
  const { x, y, cx, cy, label } = s;
  let inertia = 0;
  for (let i = 0; i < x.length; i++) {
    const c = label[i]!;
    weight[c]! += w[i]!;
    const dx = x[i]! - cx[c]!;
    const dy = y[i]! - cy[c]!;
    inertia += w[i]! * (dx * dx + dy * dy);
  }
  return inertia;
}

/**
 * The working state of one `lloyd` run. Its helpers are module functions taking it, not closures
 * made per run: optimised code that calls a closure is tied to that closure and thrown away at the
 * next run (V8's "wrong call target"), and `lloyd` runs dozens of times per map.
 */
interface LloydState {
  x: Float64Array;
  y: Float64Array;
  k: number;
  cx: Float64Array;
  cy: Float64Array;
  label: Int32Array;
  /** Distance of each point to its centre (an upper bound between refreshes). */
  upper: Float64Array;
  /** Lower bound on each point's distance to every other centre. */
  lower: Float64Array;
  /** For each centre, the other centres by increasing distance: row c at c·k … c·k + k − 2. */
  neighbour: Int32Array;
  neighbourDistance: Float64Array;
  /** Half the distance from each centre to its nearest other centre. */
  half: Float64Array;
}

/** RMS distance of the (weighted) points from their mean; 0 without weight. */
function rmsSpread({ x, y, w }: Points): number {
  let mx = 0;
  let my = 0;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    mx += w[i]! * x[i]!;
    my += w[i]! * y[i]!;
    total += w[i]!;
  }
  if (!(total > 0)) return 0;
  mx /= total;
  my /= total;
  let spread = 0;
  for (let i = 0; i < x.length; i++) spread += w[i]! * ((x[i]! - mx) ** 2 + (y[i]! - my) ** 2);
  return Math.sqrt(spread / total);
}

/** Orders every centre's neighbours by distance (ties by index) and sets half[c]. */
function orderNeighbours(s: LloydState): void {
  for (let c = 0; c < s.k; c++) orderNeighboursOf(s, c);
}

/**
 * The other centres by distance from centre c (insertion; o ascends, so equal distances keep index
 * order), and half[c]. A function of its own, called k times per iteration: as one loop nested in
 * the loop over c, V8 kept compiling it on the stack and dropping that code at the loop's end.
 */
function orderNeighboursOf(s: LloydState, c: number): void {
  const { k, cx, cy, neighbour, neighbourDistance } = s;
  const row = c * k;
  let size = 0;
  for (let o = 0; o < k; o++) {
    if (o === c) continue;
    const dx = cx[c]! - cx[o]!;
    const dy = cy[c]! - cy[o]!;
    const d = Math.sqrt(dx * dx + dy * dy);
    let t = size++;
    while (t > 0 && neighbourDistance[row + t - 1]! > d) {
      neighbourDistance[row + t] = neighbourDistance[row + t - 1]!;
      neighbour[row + t] = neighbour[row + t - 1]!;
      t--;
    }
    neighbourDistance[row + t] = d;
    neighbour[row + t] = o;
  }
  s.half[c] = size > 0 ? neighbourDistance[row]! / 2 : Infinity;
}

/** Nearest (first on ties) and second-nearest distances of point i; sets label, upper, lower. */
function assign(s: LloydState, i: number): void {
  const { k, cx, cy } = s;
  let best = -1;
  let bestD = Infinity;
  let secondD = Infinity;
  const px = s.x[i]!;
  const py = s.y[i]!;
  for (let c = 0; c < k; c++) {
    const dx = px - cx[c]!;
    const dy = py - cy[c]!;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      secondD = bestD;
      bestD = d;
      best = c;
    } else if (d < secondD) {
      secondD = d;
    }
  }
  s.label[i] = best;
  s.upper[i] = Math.sqrt(bestD);
  s.lower[i] = Math.sqrt(secondD);
}

/**
 * Reassigns point i, now in cluster a at distance ua, visiting the other centres nearest to a
 * first and stopping once d(a, c) − ua exceeds the second-best distance found: by the triangle
 * inequality no centre further down the list can be nearer. Same result as a full scan (ties to
 * the lowest index).
 */
function reassign(s: LloydState, i: number, a: number, ua: number): void {
  const { k, cx, cy, neighbour, neighbourDistance } = s;
  const px = s.x[i]!;
  const py = s.y[i]!;
  let best = a;
  let bestD = ua;
  let secondD = Infinity;
  for (let t = 0; t < k - 1; t++) {
    if (neighbourDistance[a * k + t]! - ua > secondD) break;
    const c = neighbour[a * k + t]!;
    const dx = px - cx[c]!;
    const dy = py - cy[c]!;
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d < bestD || (d === bestD && c < best)) {
      secondD = bestD;
      bestD = d;
      best = c;
    } else if (d < secondD) {
      secondD = d;
    }
  }
  s.label[i] = best;
  s.upper[i] = bestD;
  s.lower[i] = secondD;
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
