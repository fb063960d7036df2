/**
 * What the results and report pages of an opinion map show, from its stored result: the map's
 * points, the groups with their representative statements, common ground, divisive statements,
 * and who each group draws from. Public when the map is published; nothing here is personal but
 * "you are here", which is the signed-in viewer's own position.
 */
import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import type { Viewer } from '../../accounts';
import { type OpinionMap, opinionMapFromJson } from '../math';
import { findMapBySlug, findParticipantOfUser, findResultBytes, findResultStamp } from '../opinions.repo';
import { isVisible, type OpinionMapRecord } from '../opinions.types';
import { type Breakdown, buildBreakdown } from './breakdown';
import { countPeopleByGroup, listStatementTexts, type StatementText } from './results.repo';

/** Above this many participants the map draws base clusters sized by count, not one dot each. */
export const MAX_DOTS = 2_000;
/** Statements listed as common ground (each way) and as divisive. */
export const LISTED_STATEMENTS = 5;
/**
 * A statement is divisive when the agree shares of two groups differ by at least this much (20
 * percentage points): less than that is within what a few votes move in a small group.
 */
export const DIVISIVE_SPREAD = 0.2;

export interface VoteCounts {
  agree: number;
  disagree: number;
  pass: number;
}

export interface StatementView {
  id: number;
  body: string;
  language: string;
}

export interface GroupStatement extends StatementView {
  repfulFor: 'agree' | 'disagree';
  group: VoteCounts;
  others: VoteCounts;
}

export interface ScoredStatement extends StatementView {
  /** Our group-informed consensus (agree or disagree), or the divisive spread, 0–1. */
  score: number;
  /** Votes per group, in `groups` order. */
  byGroup: VoteCounts[];
}

export interface GroupView {
  id: number;
  size: number;
  representative: GroupStatement[];
}

export interface PlotPoint {
  x: number;
  y: number;
  /** Group id, or −1 when not clustered. */
  group: number;
  /** People the point stands for: 1 for a participant, the size of a base cluster. */
  weight: number;
}

export interface Plot {
  /** `participants` when each person is a dot, `clusters` for large maps. */
  kind: 'participants' | 'clusters';
  points: PlotPoint[];
  groups: { id: number; x: number; y: number; size: number }[];
  you?: { x: number; y: number };
}

export interface MapResults {
  computedAt: Date;
  counts: {
    participants: number;
    grouped: number;
    statements: number;
    activeStatements: number;
    votes: number;
  };
  plot: Plot;
  groups: GroupView[];
  consensusAgree: ScoredStatement[];
  consensusDisagree: ScoredStatement[];
  divisive: ScoredStatement[];
  breakdown: Breakdown;
}

export interface ResultsPageData {
  map: OpinionMapRecord;
  /** Undefined until the first recompute: "not enough votes yet". */
  results: MapResults | undefined;
  /** The viewer's place: not taken part, in the map (group id or −1), or voted after the computation. */
  you: { state: 'none' } | { state: 'placed'; group: number } | { state: 'pending' };
}

interface Memo {
  computedAt: number;
  map: OpinionMap;
  breakdown?: { at: number; value: Breakdown };
}

/** Parsed results by map id, most recently used last: parsing a large map's JSON costs more than the page. */
const memo = new Map<string, Memo>();
const MEMO_ENTRIES = 16;
/** Registrations change without a recompute; the breakdown is counted again after this long. */
const BREAKDOWN_TTL_MS = 60_000;

async function storedMap(deps: Deps, mapId: string): Promise<Memo | undefined> {
  const computedAt = await findResultStamp(deps.db, mapId);
  if (!computedAt) return undefined;
  const cached = memo.get(mapId);
  memo.delete(mapId);
  if (cached && cached.computedAt === computedAt.getTime()) {
    memo.set(mapId, cached);
    return cached;
  }
  const stored = await findResultBytes(deps.db, mapId);
  if (!stored) return undefined;
  const entry: Memo = {
    computedAt: stored.computedAt.getTime(),
    map: opinionMapFromJson(stored.result.toString('utf8')),
  };
  memo.set(mapId, entry);
  if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
  return entry;
}

/**
 * The results of a published map, with the viewer's own place when they took part.
 *
 * @throws AppError NOT_FOUND when there is no published map with this slug.
 */
export async function getResultsPage(
  deps: Deps,
  viewer: Viewer | null | undefined,
  slug: string,
): Promise<ResultsPageData> {
  const map = await findMapBySlug(deps.db, slug);
  if (!map || !map.isPublished) throw new AppError('NOT_FOUND');
  const [stored, participantId, texts] = await Promise.all([
    storedMap(deps, map.id),
    viewer ? findParticipantOfUser(deps.db, map.id, viewer.userId) : undefined,
    listStatementTexts(deps.db, map.id),
  ]);
  if (!stored) return { map, results: undefined, you: { state: participantId ? 'pending' : 'none' } };
  const m = stored.map;
  const youIndex = participantId === undefined ? -1 : indexOfId(m.participants.id, participantId);
  const you: ResultsPageData['you'] =
    participantId === undefined
      ? { state: 'none' }
      : youIndex === -1
        ? { state: 'pending' }
        : { state: 'placed', group: m.participants.group[youIndex]! };

  const now = deps.clock.now().getTime();
  if (!stored.breakdown || now - stored.breakdown.at > BREAKDOWN_TTL_MS || now < stored.breakdown.at) {
    stored.breakdown = { at: now, value: await breakdownOf(deps, map, m, false) };
  }
  return {
    map,
    you,
    results: {
      computedAt: new Date(stored.computedAt),
      counts: {
        participants: m.counts.participants,
        grouped: m.groups.reduce((n, g) => n + g.size, 0),
        statements: m.counts.statements,
        activeStatements: m.counts.activeStatements,
        votes: m.counts.votes,
      },
      plot: plotOf(m, youIndex),
      ...statementsOf(m, publicTexts(map, texts)),
      breakdown: stored.breakdown.value,
    },
  };
}

/** The breakdown of a map's groups by who their people are (`exact`: no suppression). */
export async function breakdownOf(
  deps: Deps,
  map: Pick<OpinionMapRecord, 'id' | 'sessionId'>,
  m: OpinionMap,
  exact: boolean,
): Promise<Breakdown> {
  const grouped: number[] = [];
  for (let p = 0; p < m.participants.id.length; p++) if (m.participants.group[p]! >= 0) grouped.push(p);
  const cells = await countPeopleByGroup(deps.db, {
    mapId: map.id,
    sessionId: map.sessionId,
    participantIds: Int32Array.from(grouped, (p) => m.participants.id[p]!),
    groups: Int32Array.from(grouped, (p) => m.participants.group[p]!),
  });
  return buildBreakdown(
    cells,
    m.groups.map((g) => g.id),
    exact,
  );
}

/**
 * The statements whose text the public may read: accepted ones, and in a post-moderated map the
 * ones not yet moderated (shown to participants already). Never rejected ones, nor a pre-moderated
 * map's statements still waiting.
 */
function publicTexts(map: OpinionMapRecord, texts: readonly StatementText[]): Map<number, StatementView> {
  const shown = new Map<number, StatementView>();
  for (const s of texts) {
    if (!s.isMeta && isVisible(map, s.status))
      shown.set(s.id, { id: s.id, body: s.body, language: s.language });
  }
  return shown;
}

function indexOfId(sorted: Int32Array, id: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === id) return mid;
    if (sorted[mid]! < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Points to draw: every participant on a small map, the base clusters (sized, with their group) on a large one. */
function plotOf(m: OpinionMap, youIndex: number): Plot {
  const { participants: p, baseClusters: b } = m;
  const groups = m.groups.map((g) => ({ id: g.id, x: g.x, y: g.y, size: g.size }));
  const you = youIndex === -1 ? undefined : { x: p.x[youIndex]!, y: p.y[youIndex]! };
  if (p.id.length <= MAX_DOTS) {
    const points = Array.from(p.id, (_, i) => ({ x: p.x[i]!, y: p.y[i]!, group: p.group[i]!, weight: 1 }));
    return { kind: 'participants', points, groups, you };
  }
  // Every member of a base cluster is in the same group (groups are k-means on the base clusters).
  const clusterGroup = new Int32Array(b.size.length).fill(-1);
  for (let i = 0; i < p.id.length; i++) {
    const c = p.baseCluster[i]!;
    if (c >= 0 && p.group[i]! >= 0) clusterGroup[c] = p.group[i]!;
  }
  const points = Array.from(b.size, (size, c) => ({
    x: b.x[c]!,
    y: b.y[c]!,
    group: clusterGroup[c]!,
    weight: size,
  }));
  return { kind: 'clusters', points: points.filter((pt) => pt.weight > 0), groups, you };
}

/** Votes of group index g on statement index j, from the result's statistics. */
function countsAt(m: OpinionMap, g: number, j: number): VoteCounts {
  const at = g * m.statements.id.length + j;
  const agree = m.statistics.na[at]!;
  const disagree = m.statistics.nd[at]!;
  return { agree, disagree, pass: m.statistics.ns[at]! - agree - disagree };
}

const minus = (a: VoteCounts, b: VoteCounts): VoteCounts => ({
  agree: a.agree - b.agree,
  disagree: a.disagree - b.disagree,
  pass: a.pass - b.pass,
});

/**
 * Representative statements per group (the engine's, pol.is's tests), common ground both ways and
 * divisive statements (computed here from the per-group counts), limited to statements the
 * public may read.
 */
function statementsOf(
  m: OpinionMap,
  texts: Map<number, StatementView>,
): Pick<MapResults, 'groups' | 'consensusAgree' | 'consensusDisagree' | 'divisive'> {
  const ids = m.statements.id;
  const indexOf = new Map(Array.from(ids, (id, j) => [id, j]));
  const k = m.groups.length;
  const byGroup = (j: number) => m.groups.map((_, g) => countsAt(m, g, j));
  const total = (counts: VoteCounts[]) =>
    counts.reduce(
      (s, c) => ({ agree: s.agree + c.agree, disagree: s.disagree + c.disagree, pass: s.pass + c.pass }),
      {
        agree: 0,
        disagree: 0,
        pass: 0,
      },
    );

  const groups: GroupView[] = m.groups.map((group, g) => ({
    id: group.id,
    size: group.size,
    representative: group.representative.flatMap((r) => {
      const text = texts.get(r.statement);
      const j = indexOf.get(r.statement);
      if (!text || j === undefined) return [];
      const all = total(byGroup(j));
      const own = countsAt(m, g, j);
      return [{ ...text, repfulFor: r.repfulFor, group: own, others: minus(all, own) }];
    }),
  }));

  // Our group-informed consensus (ADR 0023, the engine's `groupInformedConsensusGeometric`): the
  // geometric mean over groups of the Jeffreys posterior mean (A + ½) / (S + 1); for disagreeing,
  // the same with D in place of A. Only statements every group has voted on.
  const candidates: { j: number; text: StatementView; counts: VoteCounts[] }[] = [];
  for (let j = 0; j < ids.length; j++) {
    const text = texts.get(ids[j]!);
    if (!text || !m.statements.active[j] || k === 0) continue;
    candidates.push({ j, text, counts: byGroup(j) });
  }
  const share = (n: number, c: VoteCounts) => (n + 0.5) / (c.agree + c.disagree + c.pass + 1);
  const geometric = (counts: VoteCounts[], pick: (c: VoteCounts) => number) =>
    Math.exp(counts.reduce((s, c) => s + Math.log(share(pick(c), c)), 0) / counts.length);
  const ranked = (score: (c: VoteCounts[], j: number) => number, keep: (s: number) => boolean) =>
    candidates
      .map((c) => ({ ...c.text, score: score(c.counts, c.j), byGroup: c.counts }))
      .filter((s) => keep(s.score))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, LISTED_STATEMENTS);
  const voted = (counts: VoteCounts[]) => counts.every((c) => c.agree + c.disagree + c.pass > 0);
  const gic = m.statements.groupInformedConsensusGeometric;
  const consensusAgree = ranked(
    (c, j) => (voted(c) ? gic[j]! : 0),
    (s) => s > 0.5,
  );
  const consensusDisagree = ranked(
    (c) => (voted(c) ? geometric(c, (v) => v.disagree) : 0),
    (s) => s > 0.5,
  );
  const spread = (counts: VoteCounts[]) => {
    const shares = counts.map((c) => share(c.agree, c));
    return Math.max(...shares) - Math.min(...shares);
  };
  const divisive = k < 2 ? [] : ranked(spread, (s) => s >= DIVISIVE_SPREAD);
  return { groups, consensusAgree, consensusDisagree, divisive };
}
