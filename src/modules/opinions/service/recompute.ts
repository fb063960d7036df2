/**
 * Recomputing opinion maps: read a map's statements, its votes (packed chunks) and its previous
 * result, hand them to the math engine's worker thread as they come (it decodes them, computes
 * with the previous map as its warm start, and writes the new map's JSON), store the result in
 * one upsert. The main thread only moves bytes, so the server keeps answering while a large map
 * is recomputed. A schedule on every node recomputes the published maps that have new votes (ADR 0028,
 * docs/adr/0028-opinion-map-results.md). At most one recompute per map runs at a time across all nodes: each holds
 * a transaction-level advisory lock on the map for the whole recompute.
 */
import type { Deps } from '../../../deps';
import { recomputeStoredInWorker, runStoredRecompute } from '../math';
import {
  isMapDue,
  listDueMapIds,
  loadMathStatements,
  loadStoredResultBase64,
  openVoteChunks,
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
    const previousBase64 = await loadStoredResultBase64(client, mapId);
    const { count, newest, chunks } = await openVoteChunks(client, mapId);
    const call = { start: { statements, voteCount: count, previousBase64 }, chunks };
    const computed = options.inThread ? await runStoredRecompute(call) : await recomputeStoredInWorker(call);
    if (computed.previousUnreadable) {
      deps.log.warn(
        { mapId, problem: computed.previousUnreadable },
        'stored opinion map unreadable: recomputed from scratch',
      );
    }
    const result = Buffer.from(computed.json.buffer, computed.json.byteOffset, computed.json.byteLength);
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
      participants: computed.participants,
      votes: computed.votes,
      groups: computed.groups,
    };
    deps.log.info({ mapId, ...outcome, bytes: result.length, warm: computed.warm }, 'opinion map recomputed');
    return outcome;
  } finally {
    if (open) await client.query('ROLLBACK').catch(() => undefined);
    client.release();
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
