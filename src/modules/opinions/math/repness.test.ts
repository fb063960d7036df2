import { describe, expect, test } from 'vitest';
import {
  consensusStatements,
  countVotesByGroup,
  groupInformedConsensusGeometric,
  groupInformedConsensusReference,
  propTest,
  representativeStatements,
  repnessStatistics,
  twoPropTest,
} from './repness';
import { buildVoteMatrix, statementTable, voteTable } from './vote-matrix';

/** Group 0: participants 0–5, group 1: 6–11. Statement 1 splits them, statement 2 unites them. */
function twoCamps() {
  const rows = [];
  for (let p = 0; p < 12; p++) {
    rows.push({ participant: p, statement: 1, vote: p < 6 ? 1 : -1 });
    rows.push({ participant: p, statement: 2, vote: p === 11 ? 0 : 1 });
  }
  const matrix = buildVoteMatrix(
    statementTable([{ id: 1 }, { id: 2 }, { id: 3, isMeta: true }]),
    voteTable(rows),
  );
  const group = Int32Array.from({ length: 12 }, (_, p) => (p < 6 ? 0 : 1));
  return { matrix, counts: countVotesByGroup(matrix, group, 2) };
}

describe('pol.is statistics', () => {
  test('prop-test and two-prop-test follow pol.is (each count + 1)', () => {
    expect(propTest(5, 6)).toBeCloseTo(2 * Math.sqrt(7) * (6 / 7 - 0.5), 14);
    // p1 = 7/7, p2 = 1/7, p = 8/14
    expect(twoPropTest(6, 0, 6, 6)).toBeCloseTo((1 - 1 / 7) / Math.sqrt((8 / 14) * (6 / 14) * (2 / 7)), 14);
    expect(twoPropTest(6, 6, 6, 6)).toBe(0); // pooled proportion 1: no test
  });

  test('gives pa, pd, ra, rat … for each group and statement', () => {
    const { counts } = twoCamps();

    const stats = repnessStatistics(counts);

    // Group 0 on statement 1 (index 0): 6 agree of 6; outside: 0 agree of 6.
    expect(stats.pa[0]).toBeCloseTo(7 / 8, 14);
    expect(stats.pd[0]).toBeCloseTo(1 / 8, 14);
    expect(stats.ra[0]).toBeCloseTo(7 / 8 / (1 / 8), 14);
    expect(stats.rat[0]).toBeCloseTo(twoPropTest(6, 0, 6, 6), 14);
    // Group 1 on statement 2 (index 3 + 1 = 4): 5 agree, 1 pass of 6.
    expect(stats.pa[4]).toBeCloseTo(6 / 8, 14);
    expect(stats.pat[4]).toBeCloseTo(propTest(5, 6), 14);
  });

  test('picks the dividing statement as representative, agreeing for one group and disagreeing for the other', () => {
    const { matrix, counts } = twoCamps();
    const stats = repnessStatistics(counts);

    const g0 = representativeStatements(counts, stats, 0, matrix.statementIds, matrix.active, 5);
    const g1 = representativeStatements(counts, stats, 1, matrix.statementIds, matrix.active, 5);

    expect(g0.map((r) => [r.statement, r.repfulFor])).toEqual([[1, 'agree']]);
    expect(g1.map((r) => [r.statement, r.repfulFor])).toEqual([[1, 'disagree']]);
  });

  test('finds the uniting statement as consensus, and never a meta statement', () => {
    const { matrix, counts } = twoCamps();

    const consensus = consensusStatements(counts, matrix.statementIds, matrix.active, 5);

    expect(consensus.agree.map((c) => c.statement)).toEqual([2]);
    expect(consensus.agree[0]!.p).toBeCloseTo(12 / 14, 14);
    expect(consensus.disagree).toEqual([]);
  });

  test('group-informed consensus: the pol.is product and our geometric mean with a Jeffreys prior', () => {
    const { counts } = twoCamps();

    const reference = groupInformedConsensusReference(counts);
    const geometric = groupInformedConsensusGeometric(counts);

    expect(reference[0]).toBeCloseTo((7 / 8) * (1 / 8), 14);
    expect(reference[1]).toBeCloseTo((7 / 8) * (6 / 8), 14);
    expect(geometric[0]).toBeCloseTo(Math.sqrt((6.5 / 7) * (0.5 / 7)), 14);
    expect(geometric[1]).toBeCloseTo(Math.sqrt((6.5 / 7) * (5.5 / 7)), 14);
    expect(reference[2]).toBeCloseTo(0.25, 14); // no votes: (1/2)² under the product …
    expect(geometric[2]).toBeCloseTo(0.5, 14); // … but 1/2 under the geometric mean, whatever k
  });
});
