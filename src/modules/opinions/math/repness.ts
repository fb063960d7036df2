/**
 * Per-group vote counts and pol.is's statistics over them (math/src/polismath/math/repness.clj and
 * stats.clj): representative statements per group, consensus statements, and group-informed
 * consensus, both the reference way and our improved way.
 */
import type { VoteMatrix } from './vote-matrix';

/** One-sided 90 % z threshold used by pol.is for every significance test. */
export const Z_90 = 1.2816;

/** Counts per (group, statement), row-major: index g * statements + j. */
export interface GroupCounts {
  groups: number;
  statements: number;
  agree: Float64Array;
  disagree: Float64Array;
  /** Votes seen, passes included. */
  seen: Float64Array;
}

/** Counts the votes of every participant whose `groupOf` is ≥ 0, per group. */
export function countVotesByGroup(matrix: VoteMatrix, groupOf: Int32Array, groups: number): GroupCounts {
  const nS = matrix.statementIds.length;
  const counts: GroupCounts = {
    groups,
    statements: nS,
    agree: new Float64Array(groups * nS),
    disagree: new Float64Array(groups * nS),
    seen: new Float64Array(groups * nS),
  };
  const { rowStart, column, value } = matrix;
  const { seen, agree, disagree } = counts;
  for (let p = 0; p < groupOf.length; p++) {
    const g = groupOf[p]!;
    if (g < 0) continue;
    const base = g * nS;
    // Arithmetic rather than branches: random votes would mispredict them.
    for (let k = rowStart[p]!; k < rowStart[p + 1]!; k++) {
      const at = base + column[k]!;
      const v = value[k]!;
      seen[at]!++;
      agree[at]! += (v + 1) >> 1;
      disagree[at]! += (1 - v) >> 1;
    }
  }
  return counts;
}

/** pol.is `prop-test`: z of a proportion against 1/2, each count + 1. */
export function propTest(successes: number, trials: number): number {
  const s = successes + 1;
  const n = trials + 1;
  return 2 * Math.sqrt(n) * (s / n - 0.5);
}

/** pol.is `two-prop-test`: z of the difference of two proportions, each count + 1. */
export function twoPropTest(succIn: number, succOut: number, popIn: number, popOut: number): number {
  const s1 = succIn + 1;
  const s2 = succOut + 1;
  const n1 = popIn + 1;
  const n2 = popOut + 1;
  const p1 = s1 / n1;
  const p2 = s2 / n2;
  const p = (s1 + s2) / (n1 + n2);
  if (p === 1) return 0;
  return (p1 - p2) / Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
}

/** pol.is's statistics for every (group, statement), same layout as the counts. */
export interface RepnessStatistics {
  pa: Float64Array;
  pd: Float64Array;
  pat: Float64Array;
  pdt: Float64Array;
  ra: Float64Array;
  rd: Float64Array;
  rat: Float64Array;
  rdt: Float64Array;
}

export function repnessStatistics(counts: GroupCounts): RepnessStatistics {
  const { groups, statements: nS } = counts;
  const size = groups * nS;
  const stats: RepnessStatistics = {
    pa: new Float64Array(size),
    pd: new Float64Array(size),
    pat: new Float64Array(size),
    pdt: new Float64Array(size),
    ra: new Float64Array(size),
    rd: new Float64Array(size),
    rat: new Float64Array(size),
    rdt: new Float64Array(size),
  };
  const total = totals(counts);
  for (let g = 0; g < groups; g++) {
    for (let j = 0; j < nS; j++) {
      const i = g * nS + j;
      const na = counts.agree[i]!;
      const nd = counts.disagree[i]!;
      const ns = counts.seen[i]!;
      const oa = total.agree[j]! - na;
      const od = total.disagree[j]! - nd;
      const os = total.seen[j]! - ns;
      stats.pa[i] = (na + 1) / (ns + 2);
      stats.pd[i] = (nd + 1) / (ns + 2);
      stats.pat[i] = propTest(na, ns);
      stats.pdt[i] = propTest(nd, ns);
      stats.ra[i] = stats.pa[i] / ((1 + oa) / (2 + os));
      stats.rd[i] = stats.pd[i] / ((1 + od) / (2 + os));
      stats.rat[i] = twoPropTest(na, oa, ns, os);
      stats.rdt[i] = twoPropTest(nd, od, ns, os);
    }
  }
  return stats;
}

/** Counts summed over the groups, per statement. */
export function totals(counts: GroupCounts): {
  agree: Float64Array;
  disagree: Float64Array;
  seen: Float64Array;
} {
  const nS = counts.statements;
  const out = { agree: new Float64Array(nS), disagree: new Float64Array(nS), seen: new Float64Array(nS) };
  for (let g = 0; g < counts.groups; g++) {
    for (let j = 0; j < nS; j++) {
      out.agree[j]! += counts.agree[g * nS + j]!;
      out.disagree[j]! += counts.disagree[g * nS + j]!;
      out.seen[j]! += counts.seen[g * nS + j]!;
    }
  }
  return out;
}

export interface RepresentativeStatement {
  statement: number;
  repfulFor: 'agree' | 'disagree';
  na: number;
  nd: number;
  ns: number;
  pa: number;
  pd: number;
  pat: number;
  pdt: number;
  ra: number;
  rd: number;
  rat: number;
  rdt: number;
  /** ra·rat·pa·pat (or rd·rdt·pd·pdt when representative for disagreeing). */
  metric: number;
}

/**
 * The statements that set group g apart: representative for agreeing when rat ≥ rdt, else for
 * disagreeing; kept when both its tests pass one-sided 90 % (z > 1.2816); ranked by the metric,
 * the best `max`, those for agreeing first. Inactive (rejected, meta) statements never qualify.
 */
export function representativeStatements(
  counts: GroupCounts,
  stats: RepnessStatistics,
  g: number,
  statementIds: Int32Array,
  active: Uint8Array,
  max: number,
): RepresentativeStatement[] {
  const nS = counts.statements;
  const candidates: RepresentativeStatement[] = [];
  for (let j = 0; j < nS; j++) {
    if (!active[j]) continue;
    const i = g * nS + j;
    const repfulFor = stats.rat[i]! >= stats.rdt[i]! ? 'agree' : 'disagree';
    const passes =
      repfulFor === 'agree'
        ? stats.rat[i]! > Z_90 && stats.pat[i]! > Z_90
        : stats.rdt[i]! > Z_90 && stats.pdt[i]! > Z_90;
    if (!passes) continue;
    const metric =
      repfulFor === 'agree'
        ? stats.ra[i]! * stats.rat[i]! * stats.pa[i]! * stats.pat[i]!
        : stats.rd[i]! * stats.rdt[i]! * stats.pd[i]! * stats.pdt[i]!;
    candidates.push({
      statement: statementIds[j]!,
      repfulFor,
      na: counts.agree[i]!,
      nd: counts.disagree[i]!,
      ns: counts.seen[i]!,
      pa: stats.pa[i]!,
      pd: stats.pd[i]!,
      pat: stats.pat[i]!,
      pdt: stats.pdt[i]!,
      ra: stats.ra[i]!,
      rd: stats.rd[i]!,
      rat: stats.rat[i]!,
      rdt: stats.rdt[i]!,
      metric,
    });
  }
  candidates.sort((a, b) => b.metric - a.metric || a.statement - b.statement);
  const best = candidates.slice(0, max);
  return [...best.filter((c) => c.repfulFor === 'agree'), ...best.filter((c) => c.repfulFor === 'disagree')];
}

export interface ConsensusStatement {
  statement: number;
  /** Share agreeing (or disagreeing), smoothed: (n + 1) / (seen + 2). */
  p: number;
  /** z of that share against 1/2 (pol.is prop-test). */
  z: number;
}

/**
 * Consensus ignoring groups (pol.is): over every grouped participant, statements with pa > 0.5 and
 * pat > 1.2816, ranked by pa·pat, the best `max`; the same for disagreeing.
 */
export function consensusStatements(
  counts: GroupCounts,
  statementIds: Int32Array,
  active: Uint8Array,
  max: number,
): { agree: ConsensusStatement[]; disagree: ConsensusStatement[] } {
  const total = totals(counts);
  const pick = (n: Float64Array) => {
    const out: ConsensusStatement[] = [];
    for (let j = 0; j < counts.statements; j++) {
      if (!active[j]) continue;
      const p = (n[j]! + 1) / (total.seen[j]! + 2);
      const z = propTest(n[j]!, total.seen[j]!);
      if (p > 0.5 && z > Z_90) out.push({ statement: statementIds[j]!, p, z });
    }
    return out.sort((a, b) => b.p * b.z - a.p * a.z || a.statement - b.statement).slice(0, max);
  };
  return { agree: pick(total.agree), disagree: pick(total.disagree) };
}

/**
 * Group-informed consensus, the reference way (pol.is): the product over groups of
 * (A + 1) / (S + 2), where S counts passes too. Computed for every statement, inactive ones included.
 */
export function groupInformedConsensusReference(counts: GroupCounts): Float64Array {
  const nS = counts.statements;
  const out = new Float64Array(nS).fill(1);
  for (let g = 0; g < counts.groups; g++) {
    for (let j = 0; j < nS; j++) {
      out[j]! *= (counts.agree[g * nS + j]! + 1) / (counts.seen[g * nS + j]! + 2);
    }
  }
  if (counts.groups === 0) out.fill(0);
  return out;
}

/**
 * Group-informed consensus, our way: the geometric mean over groups of (A + ½) / (S + 1), the
 * posterior mean of each group's agree probability under a Jeffreys Beta(½, ½) prior. It stays on
 * the scale of a probability whatever the number of groups (the product shrinks like 2^−k), and
 * one group that disagrees still pulls it down (unlike an arithmetic mean). See ADR "opinion map
 * math".
 */
export function groupInformedConsensusGeometric(counts: GroupCounts): Float64Array {
  const nS = counts.statements;
  const logSum = new Float64Array(nS);
  for (let g = 0; g < counts.groups; g++) {
    for (let j = 0; j < nS; j++) {
      logSum[j]! += Math.log((counts.agree[g * nS + j]! + 0.5) / (counts.seen[g * nS + j]! + 1));
    }
  }
  return logSum.map((s) => (counts.groups === 0 ? 0 : Math.exp(s / counts.groups)));
}
