/**
 * Exact PCA of the vote matrix at every size: the leading eigenvectors of Xcᵀ Xc, where Xc is the
 * vote matrix centred by column means and a missing vote contributes zero (the same as pol.is's
 * "fill with the column mean, then centre"). Xc is never formed densely: each Lanczos step is one
 * pass over the stored votes. Lanczos with full reorthogonalisation finds both components at once
 * (the deflation between components is implicit in the Krylov basis) and converges far faster than
 * plain power iteration when the eigenvalues are close; it stops when the residual of each wanted
 * Ritz pair is below `tolerance` relative to the largest eigenvalue. No sampling, no mini-batches.
 */
import { createPrng } from './prng';
import type { VoteMatrix } from './vote-matrix';

export interface PcaResult {
  /** Column means over the votes cast (passes count as 0), per statement; 0 for inactive ones. */
  center: Float64Array;
  /** Unit vectors over the statements (0 on inactive ones), largest eigenvalue first. */
  components: Float64Array[];
  /** Eigenvalues of Xcᵀ Xc, largest first. */
  eigenvalues: number[];
  /** Lanczos steps taken (one pass over the votes each). */
  steps: number;
  /** Largest residual ‖A y − θ y‖ / θ₁ of the returned pairs. */
  residual: number;
}

export interface PcaOptions {
  components: number;
  seed: number;
  tolerance: number;
  maxSteps: number;
  /** The previous components, indexed like `previousStatementIds`: the warm start. */
  previous?: { statementIds: Int32Array; components: Float64Array[] };
}

/** Column means over the votes cast on active statements. */
export function columnMeans(matrix: VoteMatrix): Float64Array {
  const nS = matrix.statementIds.length;
  const sum = new Float64Array(nS);
  const count = new Float64Array(nS);
  const { column, value } = matrix;
  for (let k = 0; k < column.length; k++) {
    const j = column[k]!;
    sum[j]! += value[k]!;
    count[j]!++;
  }
  const mean = new Float64Array(nS);
  for (let j = 0; j < nS; j++) if (matrix.active[j] && count[j]! > 0) mean[j] = sum[j]! / count[j]!;
  return mean;
}

/** Centred values of the stored votes (0 for votes on inactive statements). */
export function centredValues(matrix: VoteMatrix, center: Float64Array): Float64Array {
  const { column, value, active } = matrix;
  const out = new Float64Array(column.length);
  for (let k = 0; k < out.length; k++) {
    const j = column[k]!;
    out[k] = active[j] ? value[k]! - center[j]! : 0;
  }
  return out;
}

/**
 * out = Xcᵀ (Xc v), one pass over the rows. The centred values (vote − column mean) are worked
 * out on the fly rather than stored: a 40 MB array for 5 million votes costs more to allocate
 * (page faults) than the subtractions. `v` must be 0 on inactive statements; `out` is set to 0 there.
 */
function gramTimes(matrix: VoteMatrix, center: Float64Array, v: Float64Array, out: Float64Array): void {
  out.fill(0);
  const { rowStart, column, value, active } = matrix;
  const nP = rowStart.length - 1;
  for (let p = 0; p < nP; p++) {
    const a = rowStart[p]!;
    const b = rowStart[p + 1]!;
    let y = 0;
    for (let k = a; k < b; k++) {
      const j = column[k]!;
      y += (value[k]! - center[j]!) * v[j]!;
    }
    if (y === 0) continue;
    for (let k = a; k < b; k++) {
      const j = column[k]!;
      out[j]! += (value[k]! - center[j]!) * y;
    }
  }
  for (let j = 0; j < out.length; j++) if (!active[j]) out[j] = 0;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Removes from w its projection on each of the first `count` basis vectors (twice: "twice is enough"). */
function orthogonalise(w: Float64Array, basis: Float64Array[], count: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < count; i++) {
      const q = basis[i]!;
      const c = dot(w, q);
      if (c !== 0) for (let t = 0; t < w.length; t++) w[t]! -= c * q[t]!;
    }
  }
}

export function computePca(matrix: VoteMatrix, options: PcaOptions): PcaResult {
  const nS = matrix.statementIds.length;
  const center = columnMeans(matrix);
  const activeCount = matrix.active.reduce((n, a) => n + a, 0);
  const want = options.components;
  const prng = createPrng(options.seed);
  const randomVector = () => {
    const v = new Float64Array(nS);
    for (let j = 0; j < nS; j++) if (matrix.active[j]) v[j] = prng.next() - 0.5;
    return v;
  };

  // Start vector: the previous components (plus a little seeded noise, so that no direction the
  // previous result missed stays out of reach), or seeded noise on a cold start.
  const start = randomVector();
  const previousAligned = alignPrevious(matrix, options.previous);
  if (previousAligned.length > 0) {
    const warm = new Float64Array(nS);
    previousAligned.forEach((c) => {
      for (let j = 0; j < nS; j++) warm[j]! += c[j]!;
    });
    const norm = Math.sqrt(dot(warm, warm));
    if (norm > 0) for (let j = 0; j < nS; j++) start[j] = warm[j]! / norm + 1e-3 * start[j]!;
  }

  const maxSteps = Math.min(activeCount, options.maxSteps);
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = []; // beta[i] couples basis i and i+1
  const w = new Float64Array(nS);
  let ritz: { values: Float64Array; vectors: Float64Array; size: number } | undefined;
  let residual = Infinity;
  let scale = 0;

  let q = start;
  let qNorm = Math.sqrt(dot(q, q));
  while (basis.length < maxSteps) {
    if (qNorm === 0) break;
    for (let j = 0; j < nS; j++) q[j]! /= qNorm;
    basis.push(q);
    const m = basis.length;
    gramTimes(matrix, center, q, w);
    alpha.push(dot(q, w));
    orthogonalise(w, basis, m);
    const b = Math.sqrt(dot(w, w));
    scale = Math.max(scale, Math.abs(alpha[m - 1]!) + b);

    const check = m >= want;
    if (check) {
      ritz = tridiagonalEigen(alpha, beta, m);
      const top = Math.max(ritz.values[0]!, Number.MIN_VALUE);
      residual = 0;
      for (let i = 0; i < Math.min(want, m); i++) {
        residual = Math.max(residual, (b * Math.abs(ritz.vectors[(m - 1) * m + i]!)) / top);
      }
      if (residual <= options.tolerance || m === maxSteps) break;
    }
    if (b <= 1e-13 * scale) {
      // An invariant subspace: restart from a new direction orthogonal to everything so far.
      const fresh = randomVector();
      orthogonalise(fresh, basis, m);
      beta.push(0);
      q = fresh;
      qNorm = Math.sqrt(dot(fresh, fresh));
      if (qNorm <= 1e-10) break;
      continue;
    }
    beta.push(b);
    q = Float64Array.from(w);
    qNorm = b;
  }

  const m = basis.length;
  ritz ??=
    m > 0
      ? tridiagonalEigen(alpha, beta, m)
      : { values: new Float64Array(0), vectors: new Float64Array(0), size: 0 };
  if (ritz.size !== m && m > 0) ritz = tridiagonalEigen(alpha, beta, m);
  const components: Float64Array[] = [];
  const eigenvalues: number[] = [];
  for (let i = 0; i < want; i++) {
    const y = new Float64Array(nS);
    if (i < m) {
      for (let l = 0; l < m; l++) {
        const s = ritz.vectors[l * m + i]!;
        const ql = basis[l]!;
        for (let j = 0; j < nS; j++) y[j]! += s * ql[j]!;
      }
      const norm = Math.sqrt(dot(y, y));
      if (norm > 0) for (let j = 0; j < nS; j++) y[j]! /= norm;
    }
    fixSign(y, previousAligned[i]);
    components.push(y);
    eigenvalues.push(i < m ? Math.max(ritz.values[i]!, 0) : 0);
  }
  return { center, components, eigenvalues, steps: m, residual: m === 0 ? 0 : residual };
}

/** The previous components re-indexed onto this matrix's statements (0 for new or inactive ones). */
function alignPrevious(matrix: VoteMatrix, previous: PcaOptions['previous']): Float64Array[] {
  if (!previous) return [];
  const nS = matrix.statementIds.length;
  const out = previous.components.map(() => new Float64Array(nS));
  let a = 0;
  const ids = previous.statementIds;
  for (let j = 0; j < nS; j++) {
    const id = matrix.statementIds[j]!;
    while (a < ids.length && ids[a]! < id) a++;
    if (a < ids.length && ids[a] === id && matrix.active[j]) {
      previous.components.forEach((c, i) => (out[i]![j] = c[a]!));
    }
  }
  return out;
}

/**
 * An eigenvector's sign is arbitrary; fix it so the same votes always give the same map. With a
 * previous result: the sign that keeps the map facing the same way as before (positive dot
 * product). Otherwise: the largest entry (in absolute value, first one on ties) is positive.
 */
function fixSign(v: Float64Array, previous: Float64Array | undefined): void {
  let d = previous ? dot(v, previous) : 0;
  if (d === 0) {
    let best = 0;
    for (let j = 0; j < v.length; j++) if (Math.abs(v[j]!) > Math.abs(best)) best = v[j]!;
    d = best;
  }
  if (d < 0) for (let j = 0; j < v.length; j++) v[j] = v[j] === 0 ? 0 : -v[j]!;
}

/**
 * Eigen-decomposition of the symmetric tridiagonal matrix with diagonal `alpha[0…m−1]` and
 * off-diagonal `beta[0…m−2]` (implicit QL, after EISPACK tql2 as in JAMA). Returns the
 * eigenvalues in descending order and the eigenvectors as the columns of a row-major m×m matrix.
 */
export function tridiagonalEigen(
  alpha: readonly number[],
  beta: readonly number[],
  m: number,
): { values: Float64Array; vectors: Float64Array; size: number } {
  const d = Float64Array.from(alpha.slice(0, m));
  const e = new Float64Array(m);
  for (let i = 0; i < m - 1; i++) e[i] = beta[i]!;
  const V = new Float64Array(m * m);
  for (let i = 0; i < m; i++) V[i * m + i] = 1;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < m; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let mm = l;
    while (mm < m) {
      if (Math.abs(e[mm]!) <= eps * tst1) break;
      mm++;
    }
    if (mm > l) {
      let iter = 0;
      do {
        if (++iter > 60) throw new Error('tridiagonal eigen-decomposition did not converge');
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < m; i++) d[i]! -= h;
        f += h;
        p = d[mm]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = mm - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          for (let k = 0; k < m; k++) {
            h = V[k * m + i + 1]!;
            V[k * m + i + 1] = s * V[k * m + i]! + c * h;
            V[k * m + i] = c * V[k * m + i]! - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l]! += f;
    e[l] = 0;
  }
  // Sort descending (stable on ties by original position).
  const order = Array.from(d.keys()).sort((a, b) => d[b]! - d[a]! || a - b);
  const values = Float64Array.from(order, (i) => d[i]!);
  const vectors = new Float64Array(m * m);
  for (let k = 0; k < m; k++) for (let c = 0; c < m; c++) vectors[k * m + c] = V[k * m + order[c]!]!;
  return { values, vectors, size: m };
}
