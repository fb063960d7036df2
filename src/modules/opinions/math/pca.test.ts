import { describe, expect, test } from 'vitest';
import { centredValues, columnMeans, computePca, tridiagonalEigen } from './pca';
import { createPrng } from './prng';
import { buildVoteMatrix, statementTable, voteTable } from './vote-matrix';

/** Dense symmetric eigen-decomposition by cyclic Jacobi rotations (test oracle). */
function jacobiEigen(a: number[][]): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const m = a.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p]![q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(m[p]![q]!) < 1e-300) continue;
        const theta = (m[q]![q]! - m[p]![p]!) / (2 * m[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k]![p]!;
          const mkq = m[k]![q]!;
          m[k]![p] = c * mkp - s * mkq;
          m[k]![q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p]![k]!;
          const mqk = m[q]![k]!;
          m[p]![k] = c * mpk - s * mqk;
          m[q]![k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[j]![j]! - m[i]![i]!);
  return { values: order.map((i) => m[i]![i]!), vectors: order.map((i) => v.map((row) => row[i]!)) };
}

/** A random vote matrix: each cell voted with probability `density`. */
function randomVotes(participants: number, statements: number, density: number, seed: number) {
  const prng = createPrng(seed);
  const rows: { participant: number; statement: number; vote: number }[] = [];
  for (let p = 0; p < participants; p++) {
    const leaning = prng.next() < 0.5 ? 1 : -1;
    for (let s = 0; s < statements; s++) {
      if (prng.next() > density) continue;
      const r = prng.next();
      const vote = r < 0.15 ? 0 : (r < 0.7 ? 1 : -1) * (s % 3 === 0 ? leaning : 1);
      rows.push({ participant: p, statement: s, vote });
    }
  }
  return rows;
}

/** The dense centred Gram matrix Xcᵀ Xc, missing votes contributing zero. */
function denseGram(rows: ReturnType<typeof randomVotes>, statements: number) {
  const matrix = buildVoteMatrix(
    statementTable(Array.from({ length: statements }, (_, id) => ({ id }))),
    voteTable(rows),
  );
  const centred = centredValues(matrix, columnMeans(matrix));
  const gram = Array.from({ length: statements }, () => new Array<number>(statements).fill(0));
  for (let p = 0; p + 1 < matrix.rowStart.length; p++) {
    for (let a = matrix.rowStart[p]!; a < matrix.rowStart[p + 1]!; a++) {
      for (let b = matrix.rowStart[p]!; b < matrix.rowStart[p + 1]!; b++) {
        gram[matrix.column[a]!]![matrix.column[b]!]! += centred[a]! * centred[b]!;
      }
    }
  }
  return { matrix, gram };
}

describe('computePca', () => {
  test.each([
    [30, 8, 0.7, 1],
    [60, 20, 0.4, 2],
    [12, 25, 0.9, 3],
    [200, 40, 0.15, 4],
  ])(
    'matches a dense Jacobi eigen-decomposition (%i participants × %i statements)',
    (nP, nS, density, seed) => {
      const rows = randomVotes(nP, nS, density, seed);
      const { matrix, gram } = denseGram(rows, nS);
      const dense = jacobiEigen(gram);

      const pca = computePca(matrix, { components: 2, seed: 7, tolerance: 1e-12, maxSteps: 300 });

      for (let c = 0; c < 2; c++) {
        expect(pca.eigenvalues[c]).toBeCloseTo(dense.values[c]!, 8);
        const overlap = Math.abs(pca.components[c]!.reduce((s, x, j) => s + x * dense.vectors[c]![j]!, 0));
        expect(overlap).toBeCloseTo(1, 9);
      }
    },
  );

  test('a warm start from the exact answer converges in few steps to the same components', () => {
    const rows = randomVotes(150, 30, 0.5, 9);
    const { matrix } = denseGram(rows, 30);
    const cold = computePca(matrix, { components: 2, seed: 1, tolerance: 1e-12, maxSteps: 300 });

    const warm = computePca(matrix, {
      components: 2,
      seed: 1,
      tolerance: 1e-12,
      maxSteps: 300,
      previous: { statementIds: matrix.statementIds, components: cold.components },
    });

    expect(warm.steps).toBeLessThanOrEqual(cold.steps);
    for (let c = 0; c < 2; c++) {
      const d = warm.components[c]!.reduce((s, x, j) => s + x * cold.components[c]![j]!, 0);
      expect(d).toBeCloseTo(1, 9); // same sign too: oriented like the previous map
    }
  });

  test('a rank-one matrix gives the exact first component and a zero eigenvalue second', () => {
    // Two opposite camps on three statements: all variance on one axis.
    const rows = [];
    for (let p = 0; p < 10; p++)
      for (let s = 0; s < 3; s++) rows.push({ participant: p, statement: s, vote: p < 5 ? 1 : -1 });
    const matrix = buildVoteMatrix(statementTable([{ id: 0 }, { id: 1 }, { id: 2 }]), voteTable(rows));

    const pca = computePca(matrix, { components: 2, seed: 1, tolerance: 1e-12, maxSteps: 300 });

    expect(pca.eigenvalues[0]).toBeCloseTo(30, 10);
    expect(pca.eigenvalues[1]).toBeCloseTo(0, 10);
    for (const x of pca.components[0]!) expect(x).toBeCloseTo(1 / Math.sqrt(3), 12);
  });

  test('gives zero loadings to rejected and meta statements', () => {
    const rows = randomVotes(40, 6, 0.8, 5);
    const statements = statementTable([
      { id: 0 },
      { id: 1, moderated: -1 },
      { id: 2 },
      { id: 3, isMeta: true },
      { id: 4, moderated: 1 },
      { id: 5 },
    ]);
    const matrix = buildVoteMatrix(statements, voteTable(rows));

    const pca = computePca(matrix, { components: 2, seed: 1, tolerance: 1e-12, maxSteps: 300 });

    expect([
      pca.components[0]![1],
      pca.components[0]![3],
      pca.components[1]![1],
      pca.components[1]![3],
    ]).toEqual([0, 0, 0, 0]);
  });
});

describe('tridiagonalEigen', () => {
  test('agrees with Jacobi on a small tridiagonal matrix', () => {
    const alpha = [4, 1, -2, 3, 0.5];
    const beta = [1, 2, 0.5, 1.5];
    const dense = alpha.map((a, i) =>
      alpha.map((_, j) => (i === j ? a : Math.abs(i - j) === 1 ? beta[Math.min(i, j)]! : 0)),
    );

    const { values } = tridiagonalEigen(alpha, beta, 5);

    jacobiEigen(dense).values.forEach((v, i) => expect(values[i]).toBeCloseTo(v, 12));
  });
});
