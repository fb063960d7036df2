/**
 * Recomputing opinion maps. A recompute is one transaction (recompute-transaction.ts): read a
 * map's statements, votes (packed chunks) and previous result, compute with the previous map as
 * the warm start, store the result in one upsert. In the server the whole of it runs in the math
 * worker thread on a connection of its own, so the main thread neither holds the votes nor writes
 * the result, and keeps answering while a large map is recomputed. A schedule on every node
 * recomputes the published maps that have new votes (ADR 0028,
 * docs/adr/0028-opinion-map-results.md). At most one recompute per map runs at a time across all
 * nodes: each holds a transaction-level advisory lock on the map for the whole recompute.
 */
import type { Deps } from '../../../deps';
import { runStoredRecompute } from '../math';
import { recomputeMapInWorker } from '../worker';
import { listDueMapIds } from './recompute.repo';
import {
  recomputeInTransaction,
  type RecomputeRequest,
  type TransactionOutcome,
} from './recompute-transaction';

/**
 * How long after its newest vote a result is looked at once more. A vote is stamped when its
 * transaction writes it, and is visible once that transaction commits; one still open when a
 * recompute read the votes can carry an earlier time than the newest vote it saw. Participation
 * writes are single short statements, so 5 seconds covers them with a wide margin.
 */
export const SETTLE_MS = 5_000;

export type RecomputeOutcome =
  | { status: 'stored'; durationMs: number; participants: number; votes: number; groups: number }
  | Exclude<TransactionOutcome, { status: 'stored' }>;

export interface RecomputeOptions {
  /** Skip the work when the map is not due (the schedule); interop's "recompute now" leaves it unset. */
  onlyIfDue?: boolean;
  /** Compute in this thread instead of a worker (tests of the worker-free path; never in the server). */
  inThread?: boolean;
}

/**
 * Recomputes one opinion map and stores the result (`opinions_results`, one row per map). The
 * previous result, when there is one, is the warm start (groups keep their labels). Returns
 * `busy` without waiting when another recompute of the map holds its lock. Logs the duration.
 */
export async function recomputeMap(
  deps: Deps,
  mapId: string,
  options: RecomputeOptions = {},
): Promise<RecomputeOutcome> {
  const request: RecomputeRequest = {
    mapId,
    onlyIfDue: options.onlyIfDue === true,
    nowMs: deps.clock.now().getTime(),
    settleMs: SETTLE_MS,
  };
  const outcome = options.inThread
    ? await recomputeOnPooledConnection(deps, request)
    : await recomputeMapInWorker(connectionStringOf(deps), request);
  if (outcome.status !== 'stored') return outcome;
  const { previousUnreadable, bytes, warm, ...stored } = outcome;
  if (previousUnreadable !== undefined) {
    deps.log.warn(
      { mapId, problem: previousUnreadable },
      'stored opinion map unreadable: recomputed from scratch',
    );
  }
  deps.log.info({ mapId, ...stored, bytes, warm }, 'opinion map recomputed');
  return stored;
}

async function recomputeOnPooledConnection(deps: Deps, request: RecomputeRequest) {
  const client = await deps.db.$client.connect();
  try {
    return await recomputeInTransaction(client, request, runStoredRecompute);
  } finally {
    client.release();
  }
}

/** The pool's own connection string: the worker connects to the same database the same way. */
function connectionStringOf(deps: Deps): string {
  const { connectionString } = deps.db.$client.options;
  if (!connectionString)
    throw new Error('the database pool has no connection string for the recompute worker');
  return connectionString;
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
