/**
 * Recomputing opinion maps: load a map's statements and votes into the math engine's typed arrays,
 * run it in a worker thread with the previous result as its warm start, store the result in one
 * upsert. A schedule on every node recomputes the published maps that have new votes (ADR 0028,
 * docs/adr/0028-opinion-map-results.md). At most one recompute per map runs at a time across all nodes: each holds
 * a transaction-level advisory lock on the map for the whole recompute.
 */
import type { Deps } from '../../../deps';
import {
  computeOpinionMap,
  type OpinionMap,
  opinionMapFromJson,
  opinionMapToJson,
  recomputeInWorker,
} from '../math';
import {
  isMapDue,
  listDueMapIds,
  loadMathStatements,
  loadMathVotes,
  loadStoredResult,
  tryLockMapRecompute,
  upsertResult,
} from './results.repo';

/**
 * How long after its newest vote a result is looked at once more. A vote is stamped when its
 * transaction writes it, and is visible once that transaction commits; one still open when a
 * recompute read the votes can carry an earlier time than the newest vote it saw. Participation
 * writes are single short statements, so 5 seconds covers them with a wide margin.
 */
export const SETTLE_MS = 5_000;

export type RecomputeOutcome =
  | { status: 'stored'; durationMs: number; participants: number; votes: number; groups: number }
  /** Another transaction (this node or another) is recomputing this map now. */
  | { status: 'busy' }
  /** `onlyIfDue` was asked and nothing changed since the stored result. */
  | { status: 'not-due' };

export interface RecomputeOptions {
  /** Skip the work when the map is not due (the schedule); interop's "recompute now" leaves it unset. */
  onlyIfDue?: boolean;
  /** Compute in this thread instead of a worker (tests of the worker-free path; never in the server). */
  inThread?: boolean;
}

/**
 * Recomputes one opinion map and stores the result (`opinions_results`, one row per map). The
 * previous result, when there is one, is the warm start (groups keep their labels). The votes,
 * statements and newest vote time come from one snapshot (REPEATABLE READ), so `votesThrough`
 * names exactly the votes the result saw. Returns `busy` without waiting when another recompute of
 * the map holds its lock. Logs the duration.
 */
export async function recomputeMap(
  deps: Deps,
  mapId: string,
  options: RecomputeOptions = {},
): Promise<RecomputeOutcome> {
  const client = await deps.db.$client.connect();
  let open = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    open = true;
    if (!(await tryLockMapRecompute(client, mapId))) {
      await client.query('ROLLBACK');
      open = false;
      return { status: 'busy' };
    }
    if (options.onlyIfDue && !(await isMapDue(client, mapId, deps.clock.now(), SETTLE_MS))) {
      await client.query('ROLLBACK');
      open = false;
      return { status: 'not-due' };
    }
    const started = performance.now();
    const statements = await loadMathStatements(client, mapId);
    const { newest, ...votes } = await loadMathVotes(client, mapId);
    const stored = await loadStoredResult(client, mapId);
    const previous = stored ? reviveResult(deps, mapId, stored.result) : undefined;
    const loadedMs = performance.now() - started;
    const input = { statements, votes };
    const map = options.inThread
      ? computeOpinionMap(input, previous)
      : await recomputeInWorker(input, previous);
    const result = Buffer.from(opinionMapToJson(map), 'utf8');
    const durationMs = Math.round(performance.now() - started);
    await upsertResult(client, {
      mapId,
      computedAt: deps.clock.now(),
      votesThrough: newest,
      durationMs,
      result,
    });
    await client.query('COMMIT');
    open = false;
    const outcome = {
      status: 'stored' as const,
      durationMs,
      participants: map.counts.participants,
      votes: map.counts.votes,
      groups: map.groups.length,
    };
    deps.log.info(
      { mapId, ...outcome, loadMs: Math.round(loadedMs), bytes: result.length, warm: previous !== undefined },
      'opinion map recomputed',
    );
    return outcome;
  } finally {
    if (open) await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/** The stored map as a warm start; a result that cannot be read is not one (logged, then ignored). */
function reviveResult(deps: Deps, mapId: string, bytes: Buffer): OpinionMap | undefined {
  try {
    return opinionMapFromJson(bytes.toString('utf8'));
  } catch (err) {
    deps.log.warn({ err, mapId }, 'stored opinion map unreadable: recomputing from scratch');
    return undefined;
  }
}

/** Published maps with votes (or statements) newer than their stored result, in id order. */
export function dueMaps(deps: Deps): Promise<string[]> {
  return listDueMapIds(deps.db, deps.clock.now(), SETTLE_MS);
}

/**
 * One round of the schedule: recomputes every due map, one after the other (a recompute already
 * uses a core; maps another node holds are left to it). A failing map is logged and the round goes on.
 */
export async function recomputeDueMaps(
  deps: Deps,
  options: Pick<RecomputeOptions, 'inThread'> = {},
): Promise<Map<string, RecomputeOutcome | { status: 'failed' }>> {
  const outcomes = new Map<string, RecomputeOutcome | { status: 'failed' }>();
  for (const mapId of await dueMaps(deps)) {
    try {
      outcomes.set(mapId, await recomputeMap(deps, mapId, { ...options, onlyIfDue: true }));
    } catch (err) {
      deps.log.error({ err, mapId }, 'opinion map recompute failed');
      outcomes.set(mapId, { status: 'failed' });
    }
  }
  return outcomes;
}

/**
 * Starts the schedule: every `OPINIONS_RECOMPUTE_INTERVAL_S` seconds (0: never), a round of
 * `recomputeDueMaps`, never two rounds at once on one node. Returns the function that stops it
 * and waits for a round under way.
 */
export function startRecomputeSchedule(deps: Deps): () => Promise<void> {
  const intervalMs = deps.config.OPINIONS_RECOMPUTE_INTERVAL_S * 1000;
  if (intervalMs <= 0) return async () => undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = recomputeDueMaps(deps)
      .catch((err: unknown) => deps.log.error({ err }, 'opinion map recompute round failed'))
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
