/**
 * computeOpinionMap: votes in, opinion map out. Pure and synchronous; the same input (votes,
 * statements, options, previous map) always gives the same map, whatever the order of the vote
 * rows. See docs/adr (opinion map math) for the choices and how they differ from pol.is.
 */
import {
  dropEmpty,
  lloyd,
  nearestCentre,
  type KmeansResult,
  type Points,
  seedPlusPlus,
  weightedSilhouette,
} from './kmeans';
import { computePca } from './pca';
import { createPrng, deriveSeed } from './prng';
import {
  consensusStatements,
  type ConsensusStatement,
  countVotesByGroup,
  groupInformedConsensusGeometric,
  groupInformedConsensusReference,
  representativeStatements,
  type RepresentativeStatement,
  repnessStatistics,
} from './repness';
import { buildVoteMatrix, type StatementTable, type VoteMatrix, type VoteTable } from './vote-matrix';

export interface OpinionMapOptions {
  /** Seed of every random choice. */
  seed: number;
  /** Principal components (2: the map is a plane). */
  components: number;
  /** Lanczos stops when every wanted Ritz pair's residual is below this, relative to λ₁. */
  tolerance: number;
  maxLanczosSteps: number;
  /**
   * 'reference' (pol.is): sqrt((C + M) / (|S| + M)), where M counts rejected and meta statements,
   * which pol.is zeroes for everyone rather than dropping. 'active': sqrt(C / |S|) over active
   * statements only. See the ADR for why the default follows the reference.
   */
  sparsityCorrection: 'reference' | 'active';
  /** A participant is clustered from min(minVotes, statements) votes on (pol.is: 7) … */
  minVotes: number;
  /** … and the top voters are added until this many are clustered (pol.is: 15). */
  greedyMin: number;
  /** Base clusters (pol.is: 100). */
  baseClusters: number;
  /** Largest number of groups considered; the bound actually used also depends on the base clusters. */
  maxGroups: number;
  /** Lloyd iterations for the groups (on at most `baseClusters` points: cheap). */
  kmeansMaxIterations: number;
  /**
   * Lloyd iterations per update for the base clusters (100,000 points at most). They start from
   * the previous update's centres, so they keep converging from one update to the next.
   */
  baseIterations: number;
  /**
   * Smallest group: a k whose smallest group holds fewer participants than
   * min(minGroupSize, ceil(clustered / 10)) is not considered.
   */
  minGroupSize: number;
  /** Seeded k-means++ starts per k for the groups (the warm start is one more). */
  groupRestarts: number;
  /**
   * Parsimony: the smallest k whose silhouette is within this margin of the best one wins. In a
   * plane, silhouettes of different k often differ by a few hundredths, which is noise, not structure.
   */
  kMargin: number;
  /** A new best k is shown after winning this many updates in a row (pol.is: 4). */
  kSwitchAfter: number;
  representativeCount: number;
  consensusCount: number;
  /**
   * Participants whose non-pass votes all go one way (all agree or all disagree), pol.is #2025:
   * 'no-own-group': they are clustered like anyone, but a k where a group is mostly (over half)
   * such voters is not considered; 'assign': they do not shape the clusters at all, each joins the
   * group nearest to it; 'cluster': no special rule (pol.is).
   */
  uniformVoters: 'no-own-group' | 'assign' | 'cluster';
}

export const DEFAULT_OPTIONS: OpinionMapOptions = {
  seed: 20_240_601,
  components: 2,
  tolerance: 1e-10,
  maxLanczosSteps: 300,
  sparsityCorrection: 'reference',
  minVotes: 7,
  greedyMin: 15,
  baseClusters: 100,
  maxGroups: 8,
  kmeansMaxIterations: 100,
  baseIterations: 20,
  minGroupSize: 5,
  groupRestarts: 4,
  kMargin: 0.02,
  kSwitchAfter: 4,
  representativeCount: 5,
  consensusCount: 5,
  uniformVoters: 'no-own-group',
};

export interface OpinionMapInput {
  statements: StatementTable;
  votes: VoteTable;
  options?: Partial<OpinionMapOptions>;
  /**
   * The caller will not read `votes` again: the engine may build the vote matrix in the memory of
   * its statement and vote arrays (overwriting them) instead of fresh memory, which is costly at
   * millions of votes (page faults). The worker sets it: its copy of the votes was transferred to
   * it. The map is the same either way.
   */
  reuseVoteArrays?: boolean;
}

export interface OpinionGroup {
  /** Stable label: kept from the previous map for the group that shares most members with it. */
  id: number;
  /** Participants in the group (uniform voters included). */
  size: number;
  x: number;
  y: number;
  representative: RepresentativeStatement[];
}

export interface OpinionMap {
  version: 1;
  options: OpinionMapOptions;
  statements: {
    id: Int32Array;
    /** 1 when the statement takes part in the math (not rejected, not meta). */
    active: Uint8Array;
    /** Mean vote over those who voted (passes count as 0). */
    mean: Float64Array;
    /** Position of a virtual participant who agreed with this statement only. */
    x: Float64Array;
    y: Float64Array;
    /** Distance of that position from the origin. */
    extremity: Float64Array;
    groupInformedConsensus: Float64Array;
    /** Our variant: geometric mean with a Jeffreys prior. */
    groupInformedConsensusGeometric: Float64Array;
  };
  pca: {
    components: Float64Array[];
    eigenvalues: number[];
    lanczosSteps: number;
    residual: number;
  };
  participants: {
    id: Int32Array;
    x: Float64Array;
    y: Float64Array;
    /** Votes on any statement of the table (rejected and meta ones too, as pol.is counts them). */
    votes: Int32Array;
    /** 1 when clustered. Once in, always in. */
    inConv: Uint8Array;
    /** 1 when every non-pass vote goes the same way. */
    uniform: Uint8Array;
    baseCluster: Int32Array;
    /** Group id, or −1 when not clustered. */
    group: Int32Array;
  };
  baseClusters: { x: Float64Array; y: Float64Array; size: Int32Array };
  groups: OpinionGroup[];
  k: {
    shown: number;
    best: number;
    candidate: number;
    streak: number;
    /** Mean silhouette for k = 2, 3, … (NaN when k could not be formed). */
    silhouette: number[];
  };
  /** pol.is's statistics, per group (in `groups` order) × statement, row-major. */
  statistics: {
    na: Float64Array;
    nd: Float64Array;
    ns: Float64Array;
    pa: Float64Array;
    pd: Float64Array;
    pat: Float64Array;
    pdt: Float64Array;
    ra: Float64Array;
    rd: Float64Array;
    rat: Float64Array;
    rdt: Float64Array;
  };
  consensus: { agree: ConsensusStatement[]; disagree: ConsensusStatement[] };
  counts: {
    participants: number;
    statements: number;
    activeStatements: number;
    votes: number;
    ignoredVotes: number;
  };
}

/**
 * Computes the opinion map of a conversation. `previous` (the last map of the same conversation)
 * is the starting point: PCA warm start and orientation, base cluster centres, group labels, the
 * shown k, and who is clustered. `onPhase`, when given, hears how long each phase took (for logs
 * and the bench; it does not change the result).
 */
export function computeOpinionMap(
  input: OpinionMapInput,
  previous?: OpinionMap,
  onPhase?: (phase: 'matrix' | 'pca' | 'projection' | 'clustering' | 'statistics', ms: number) => void,
): OpinionMap {
  let phaseStart = performance.now();
  const phase = (name: Parameters<NonNullable<typeof onPhase>>[0]) => {
    if (!onPhase) return;
    const now = performance.now();
    onPhase(name, now - phaseStart);
    phaseStart = now;
  };
  const options: OpinionMapOptions = { ...DEFAULT_OPTIONS, ...input.options };
  const matrix = buildVoteMatrix(input.statements, input.votes, input.reuseVoteArrays === true);
  phase('matrix');
  const nP = matrix.participantIds.length;
  const nS = matrix.statementIds.length;
  const activeCount = matrix.active.reduce((n, a) => n + a, 0);

  const pca = computePca(matrix, {
    components: options.components,
    seed: deriveSeed(options.seed, 1),
    tolerance: options.tolerance,
    maxSteps: options.maxLanczosSteps,
    previous: previous && { statementIds: previous.statements.id, components: previous.pca.components },
  });
  const [pc1, pc2] = [pca.components[0]!, pca.components[1] ?? new Float64Array(nS)];

  // Projection with pol.is's sparsity correction: sqrt(C / |S|) scales up those who voted on few
  // statements, whose sum would otherwise pull them towards the centre.
  phase('pca');
  // pol.is zeroes the columns of rejected and meta statements rather than dropping them, so they
  // count as votes of everyone in the correction: sqrt((C + M) / (|S| + M)) with M such columns.
  const zeroed = options.sparsityCorrection === 'reference' ? nS - activeCount : 0;
  const { x, y, votes, uniform } = project(matrix, pca.center, pc1, pc2, activeCount, zeroed);

  phase('projection');
  const statementX = new Float64Array(nS);
  const statementY = new Float64Array(nS);
  const extremity = new Float64Array(nS);
  for (let j = 0; j < nS; j++) {
    if (!matrix.active[j]) continue;
    const d = Math.sqrt(activeCount) * (1 - pca.center[j]!);
    statementX[j] = d * pc1[j]!;
    statementY[j] = d * pc2[j]!;
    extremity[j] = Math.hypot(statementX[j]!, statementY[j]!);
  }

  const inConv = selectInConv(matrix, votes, options, previous);
  const clustering = clusterParticipants({
    x,
    y,
    inConv,
    uniform,
    options,
    previous,
    participantIds: matrix.participantIds,
  });

  const groupCount = clustering.groups.length;
  phase('clustering');
  const counts = countVotesByGroup(matrix, clustering.groupIndex, groupCount);
  const stats = repnessStatistics(counts);
  const groups: OpinionGroup[] = clustering.groups.map((g, index) => ({
    ...g,
    representative: representativeStatements(
      counts,
      stats,
      index,
      matrix.statementIds,
      matrix.active,
      options.representativeCount,
    ),
  }));

  const consensus = consensusStatements(counts, matrix.statementIds, matrix.active, options.consensusCount);
  const gicReference = groupInformedConsensusReference(counts);
  const gicGeometric = groupInformedConsensusGeometric(counts);
  phase('statistics');
  return {
    version: 1,
    options,
    statements: {
      id: matrix.statementIds,
      active: matrix.active,
      mean: pca.center,
      x: statementX,
      y: statementY,
      extremity,
      groupInformedConsensus: gicReference,
      groupInformedConsensusGeometric: gicGeometric,
    },
    pca: {
      components: pca.components,
      eigenvalues: pca.eigenvalues,
      lanczosSteps: pca.steps,
      residual: pca.residual,
    },
    participants: {
      id: matrix.participantIds,
      x,
      y,
      votes,
      inConv,
      uniform,
      baseCluster: clustering.baseCluster,
      group: clustering.groupId,
    },
    baseClusters: clustering.base,
    groups,
    k: clustering.k,
    statistics: {
      na: counts.agree,
      nd: counts.disagree,
      ns: counts.seen,
      ...stats,
    },
    consensus,
    counts: {
      participants: nP,
      statements: nS,
      activeStatements: activeCount,
      votes: matrix.column.length,
      ignoredVotes: matrix.unknownStatementVotes,
    },
  };
}

/**
 * Each participant's position: the centred votes on active statements times the components, scaled
 * by sqrt((active + zeroed) / (seen + zeroed)); also their vote count (every statement of the
 * table) and whether their non-pass votes on active statements all go one way.
 */
function project(
  matrix: VoteMatrix,
  center: Float64Array,
  pc1: Float64Array,
  pc2: Float64Array,
  activeCount: number,
  zeroed: number,
): { x: Float64Array; y: Float64Array; votes: Int32Array; uniform: Uint8Array } {
  const { rowStart, column, value, active } = matrix;
  const nP = rowStart.length - 1;
  const x = new Float64Array(nP);
  const y = new Float64Array(nP);
  const votes = new Int32Array(nP);
  const uniform = new Uint8Array(nP);
  // Inactive statements weigh 0 in both components (centre 0 there too), so the sums need no test;
  // the counts use arithmetic, not branches (random votes would mispredict them).
  for (let p = 0; p < nP; p++) {
    let sx = 0;
    let sy = 0;
    let seen = 0;
    let agree = 0;
    let disagree = 0;
    const end = rowStart[p + 1]!;
    for (let k = rowStart[p]!; k < end; k++) {
      const j = column[k]!;
      const v = value[k]!;
      const on = active[j]!;
      seen += on;
      const c = on * (v - center[j]!);
      sx += c * pc1[j]!;
      sy += c * pc2[j]!;
      agree += on & ((v + 1) >> 1);
      disagree += on & ((1 - v) >> 1);
    }
    votes[p] = end - rowStart[p]!;
    const scale = Math.sqrt((activeCount + zeroed) / Math.max(seen + zeroed, 1));
    x[p] = sx * scale;
    y[p] = sy * scale;
    uniform[p] = agree > 0 !== disagree > 0 ? 1 : 0;
  }
  return { x, y, votes, uniform };
}

/**
 * Who is clustered (pol.is's "in-conv"): at least min(minVotes, statements) votes, counting votes
 * on every statement of the table as pol.is does; then the top voters until greedyMin are in; and
 * whoever was in before stays in.
 */
function selectInConv(
  matrix: VoteMatrix,
  votes: Int32Array,
  options: OpinionMapOptions,
  previous?: OpinionMap,
): Uint8Array {
  const nP = votes.length;
  const inConv = new Uint8Array(nP);
  const threshold = Math.min(options.minVotes, matrix.statementIds.length);
  let count = 0;
  const wasIn = previousByParticipant(matrix.participantIds, previous, previous?.participants.inConv, 0);
  for (let p = 0; p < nP; p++) {
    if (votes[p]! >= threshold || wasIn[p] === 1) {
      inConv[p] = 1;
      count++;
    }
  }
  if (count < options.greedyMin) {
    const rest = Array.from({ length: nP }, (_, p) => p)
      .filter((p) => !inConv[p])
      .sort((a, b) => votes[b]! - votes[a]! || a - b);
    for (const p of rest.slice(0, options.greedyMin - count)) inConv[p] = 1;
  }
  return inConv;
}

/**
 * `values` (one per participant of the previous map) re-indexed onto the current participants (by
 * id), `missing` for newcomers. An array rather than a function reading it: a loop that calls a
 * different closure each time is optimised for none of them.
 */
function previousByParticipant(
  ids: Int32Array,
  previous: OpinionMap | undefined,
  values: Int32Array | Uint8Array | undefined,
  missing: number,
): Int32Array {
  const out = new Int32Array(ids.length).fill(missing);
  if (!previous || !values) return out;
  const old = previous.participants.id;
  let a = 0;
  for (let p = 0; p < ids.length; p++) {
    while (a < old.length && old[a]! < ids[p]!) a++;
    if (a < old.length && old[a] === ids[p]) out[p] = values[a]!;
  }
  return out;
}

interface ClusteringArgs {
  x: Float64Array;
  y: Float64Array;
  inConv: Uint8Array;
  uniform: Uint8Array;
  options: OpinionMapOptions;
  previous: OpinionMap | undefined;
  participantIds: Int32Array;
}

function clusterParticipants({ x, y, inConv, uniform, options, previous, participantIds }: ClusteringArgs) {
  const nP = x.length;
  const members = indicesWhere(inConv, undefined);
  // Who shapes the clusters: the clustered participants, less the uniform voters when asked, unless
  // that leaves fewer than two distinct points.
  let fit = options.uniformVoters === 'assign' ? indicesWhere(inConv, uniform) : members;
  if (distinctCount(fit, x, y) < 2) fit = members;
  const fitPoints: Points = { x: gather(x, fit), y: gather(y, fit), w: new Float64Array(fit.length).fill(1) };

  // Base clusters, warm-started from the previous ones.
  const prng = createPrng(deriveSeed(options.seed, 2));
  const kBase = Math.min(options.baseClusters, fit.length);
  const init = seedPlusPlus(
    fitPoints,
    kBase,
    prng,
    previous && {
      cx: previous.baseClusters.x,
      cy: previous.baseClusters.y,
    },
  );
  // Each participant's previous base cluster is where the first assignment starts looking (the
  // previous centres come first in `init`, in their order); it finds the same nearest centre.
  const oldBase = previousByParticipant(participantIds, previous, previous?.participants.baseCluster, -1);
  const guess = previous ? gather(oldBase, fit) : undefined;
  let base = dropEmpty(lloyd(fitPoints, init.cx, init.cy, options.baseIterations, guess));
  if (fit.length === 0)
    base = { ...base, cx: new Float64Array(0), cy: new Float64Array(0), weight: new Float64Array(0) };
  const nB = base.cx.length;
  const baseCluster = new Int32Array(nP).fill(-1);
  for (let i = 0; i < fit.length; i++) baseCluster[fit[i]!] = base.label[i]!;
  const baseSize = new Int32Array(nB);
  const baseUniform = new Float64Array(nB);
  const countUniform = options.uniformVoters === 'no-own-group';
  for (let i = 0; i < members.length; i++) {
    const p = members[i]!;
    if (baseCluster[p] === -1) baseCluster[p] = nearestCentre(x[p]!, y[p]!, base.cx, base.cy);
    baseSize[baseCluster[p]!]!++;
    if (uniform[p] && countUniform) baseUniform[baseCluster[p]!]!++;
  }
  /** True when some group of the run is mostly uniform voters. */
  const mostlyUniform = (run: KmeansResult) => {
    const share = new Float64Array(run.cx.length);
    for (let b = 0; b < nB; b++) share[run.label[b]!]! += baseUniform[b]!;
    return Array.from(share).some((u, g) => u > 0.5 * run.weight[g]!);
  };

  // Groups: weighted k-means on the base clusters for each k, chosen by silhouette.
  const basePoints: Points = { x: base.cx, y: base.cy, w: base.weight };
  const kMax = Math.min(options.maxGroups, 2 + Math.floor(nB / 12), nB);
  const previousK = previous?.k;
  const previousCentres = previous && {
    cx: Float64Array.from(previous.groups, (g) => g.x),
    cy: Float64Array.from(previous.groups, (g) => g.y),
  };
  const byK = new Map<number, KmeansResult>();
  const minGroup = Math.min(options.minGroupSize, Math.ceil(fit.length / 10));
  const silhouette: number[] = [];
  for (let k = 2; k <= kMax; k++) {
    const runs: KmeansResult[] = [];
    if (previousCentres && previousCentres.cx.length === k) {
      runs.push(lloyd(basePoints, previousCentres.cx, previousCentres.cy, options.kmeansMaxIterations));
    }
    for (let r = 0; r < options.groupRestarts; r++) {
      const seeds = seedPlusPlus(basePoints, k, createPrng(deriveSeed(options.seed, 1000 + k * 64 + r)));
      runs.push(lloyd(basePoints, seeds.cx, seeds.cy, options.kmeansMaxIterations));
    }
    let best: KmeansResult | undefined;
    for (const run of runs.map(dropEmpty)) {
      if (run.cx.length !== k || Math.min(...run.weight) < minGroup || mostlyUniform(run)) continue;
      if (!best || run.inertia < best.inertia * (1 - 1e-12)) best = run;
    }
    if (best) {
      byK.set(k, best);
      silhouette.push(weightedSilhouette(basePoints, best.label, k));
    } else {
      silhouette.push(Number.NaN);
    }
  }
  let bestK = nB >= 1 ? 1 : 0;
  const topScore = Math.max(...silhouette.filter((s) => !Number.isNaN(s)));
  const parsimonious = silhouette.findIndex((s) => s >= topScore - options.kMargin);
  if (parsimonious !== -1) bestK = parsimonious + 2;
  // Hysteresis (pol.is): the shown k changes only after a new best has won kSwitchAfter updates in a row.
  let shown = bestK;
  let candidate = bestK;
  let streak = 0;
  if (previousK && byK.has(previousK.shown) && previousK.shown !== bestK) {
    candidate = bestK;
    streak = previousK.candidate === bestK ? previousK.streak + 1 : 1;
    shown = streak >= options.kSwitchAfter ? bestK : previousK.shown;
    if (shown === bestK) streak = 0;
  }

  // Group index per participant (before relabelling).
  const chosen = byK.get(shown);
  const rawGroup = new Int32Array(nP).fill(-1);
  let groupCount = 0;
  let gx: Float64Array = new Float64Array(0);
  let gy: Float64Array = new Float64Array(0);
  if (chosen) {
    groupCount = chosen.cx.length;
    gx = chosen.cx;
    gy = chosen.cy;
    for (let i = 0; i < members.length; i++) rawGroup[members[i]!] = chosen.label[baseCluster[members[i]!]!]!;
  } else if (nB >= 1) {
    // One group: every clustered participant.
    groupCount = 1;
    const w = base.weight.reduce((a, b) => a + b, 0) || 1;
    gx = Float64Array.of(base.cx.reduce((s, v, i) => s + v * base.weight[i]!, 0) / w);
    gy = Float64Array.of(base.cy.reduce((s, v, i) => s + v * base.weight[i]!, 0) / w);
    for (let i = 0; i < members.length; i++) rawGroup[members[i]!] = 0;
  }

  // Stable labels: match new groups to old ones by shared members, largest overlap first.
  const oldGroup = previousByParticipant(participantIds, previous, previous?.participants.group, -1);
  const labels = matchLabels(rawGroup, oldGroup, groupCount);
  const order = Array.from({ length: groupCount }, (_, g) => g).sort((a, b) => labels[a]! - labels[b]!);
  const indexOfRaw = new Int32Array(groupCount);
  order.forEach((g, i) => (indexOfRaw[g] = i));
  const groupIndex = new Int32Array(nP).fill(-1);
  const groupId = new Int32Array(nP).fill(-1);
  const sizes = new Int32Array(groupCount);
  for (let p = 0; p < nP; p++) {
    const g = rawGroup[p]!;
    if (g < 0) continue;
    groupIndex[p] = indexOfRaw[g]!;
    groupId[p] = labels[g]!;
    sizes[indexOfRaw[g]!]!++;
  }
  const groups = order.map((g, i) => ({ id: labels[g]!, size: sizes[i]!, x: gx[g]!, y: gy[g]! }));

  return {
    base: { x: base.cx, y: base.cy, size: baseSize },
    baseCluster,
    groupIndex,
    groupId,
    groups,
    k: { shown: groupCount, best: bestK, candidate, streak, silhouette },
  };
}

/** The indices where `flag` is 1 and `unless` (when given) is not, ascending. */
function indicesWhere(flag: Uint8Array, unless: Uint8Array | undefined): Int32Array {
  const keep = (i: number) => flag[i] === 1 && !(unless && unless[i]);
  let count = 0;
  for (let i = 0; i < flag.length; i++) if (keep(i)) count++;
  const out = new Int32Array(count);
  for (let i = 0, n = 0; i < flag.length; i++) if (keep(i)) out[n++] = i;
  return out;
}

function gather<T extends Float64Array | Int32Array>(values: T, at: Int32Array): T {
  const out = new (values.constructor as new (length: number) => T)(at.length);
  for (let i = 0; i < at.length; i++) out[i] = values[at[i]!]!;
  return out;
}

function distinctCount(points: Int32Array, x: Float64Array, y: Float64Array): number {
  const seen = new Set<string>();
  for (const p of points) {
    seen.add(`${x[p]},${y[p]}`);
    if (seen.size >= 2) break;
  }
  return seen.size;
}

/**
 * Labels for the new groups: each takes the label of the old group it shares most participants
 * with (pairs taken greedily, largest overlap first, ties to the lower indices); the others take
 * the smallest labels not in use.
 */
export function matchLabels(newGroup: Int32Array, oldGroup: Int32Array, groupCount: number): Int32Array {
  let oldMax = -1;
  for (const g of oldGroup) oldMax = Math.max(oldMax, g);
  const overlap = new Float64Array(groupCount * (oldMax + 1));
  for (let p = 0; p < newGroup.length; p++) {
    if (newGroup[p]! >= 0 && oldGroup[p]! >= 0) overlap[newGroup[p]! * (oldMax + 1) + oldGroup[p]!]!++;
  }
  const labels = new Int32Array(groupCount).fill(-1);
  const used = new Set<number>();
  for (;;) {
    let best = 0;
    let bn = -1;
    let bo = -1;
    for (let n = 0; n < groupCount; n++) {
      if (labels[n] !== -1) continue;
      for (let o = 0; o <= oldMax; o++) {
        if (used.has(o)) continue;
        const v = overlap[n * (oldMax + 1) + o]!;
        if (v > best) {
          best = v;
          bn = n;
          bo = o;
        }
      }
    }
    if (bn === -1) break;
    labels[bn] = bo;
    used.add(bo);
  }
  let next = 0;
  for (let n = 0; n < groupCount; n++) {
    if (labels[n] !== -1) continue;
    while (used.has(next)) next++;
    labels[n] = next;
    used.add(next);
  }
  return labels;
}
