/**
 * One recompute of one opinion map, as one transaction on one connection: lock the map, check it
 * is due when asked, read its statements, previous result and votes from one snapshot (REPEATABLE
 * READ, so `votesThrough` names exactly the votes the result saw), compute, store the result. In
 * the server it runs in the math worker thread, on the worker's own connection (worker.ts): the
 * votes, the previous map and the new one never enter the main thread's heap, and the main thread
 * writes nothing to PostgreSQL's socket, so it keeps answering pages while a large map is
 * recomputed (docs/adr/0028-opinion-map-results.md). Like recompute.repo.ts it imports only what
 * the worker may bundle.
 */
import type pg from 'pg';
import type { StoredRecomputeCall, StoredRecomputeResult } from '../math/stored-recompute';
import {
  isMapDue,
  loadMathStatements,
  loadStoredResultBase64,
  openVoteChunks,
  tryLockMapRecompute,
  upsertResult,
} from './recompute.repo';

export interface RecomputeRequest {
  mapId: string;
  /** Skip the work when the map is not due (the schedule). */
  onlyIfDue: boolean;
  /** The clock's now, in epoch milliseconds: the due check and the stored `computed_at`. */
  nowMs: number;
  /** SETTLE_MS (recompute.ts). */
  settleMs: number;
}

export type TransactionOutcome =
  | {
      status: 'stored';
      durationMs: number;
      participants: number;
      votes: number;
      groups: number;
      /** The stored result's size. */
      bytes: number;
      warm: boolean;
      /** Why the previous map could not be read (the map was then computed cold). */
      previousUnreadable?: string;
    }
  /** Another transaction (this node or another) is recomputing this map now. */
  | { status: 'busy' }
  /** `onlyIfDue` was asked and nothing changed since the stored result. */
  | { status: 'not-due' };

/** Computes a map from the database's forms: runStoredRecompute, in the thread that calls it. */
export type Compute = (call: StoredRecomputeCall) => Promise<StoredRecomputeResult>;

/**
 * Runs the recompute on `client`, which must not be in a transaction; it is left out of one
 * (rolled back on failure). Returns `busy` without waiting when another recompute holds the map.
 */
export async function recomputeInTransaction(
  client: pg.ClientBase,
  request: RecomputeRequest,
  compute: Compute,
): Promise<TransactionOutcome> {
  const { mapId } = request;
  let open = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    open = true;
    if (!(await tryLockMapRecompute(client, mapId))) return { status: 'busy' };
    if (request.onlyIfDue && !(await isMapDue(client, mapId, new Date(request.nowMs), request.settleMs))) {
      return { status: 'not-due' };
    }
    const started = performance.now();
    const statements = await loadMathStatements(client, mapId);
    const previousBase64 = await loadStoredResultBase64(client, mapId);
    const { count, newest, chunks } = await openVoteChunks(client, mapId);
    const computed = await compute({ start: { statements, voteCount: count, previousBase64 }, chunks });
    const result = Buffer.from(computed.json.buffer, computed.json.byteOffset, computed.json.byteLength);
    const durationMs = Math.round(performance.now() - started);
    await upsertResult(client, {
      mapId,
      computedAt: new Date(request.nowMs),
      votesThrough: newest,
      durationMs,
      result,
    });
    await client.query('COMMIT');
    open = false;
    return {
      status: 'stored',
      durationMs,
      participants: computed.participants,
      votes: computed.votes,
      groups: computed.groups,
      bytes: result.length,
      warm: computed.warm,
      ...(computed.previousUnreadable === undefined
        ? {}
        : { previousUnreadable: computed.previousUnreadable }),
    };
  } finally {
    if (open) await client.query('ROLLBACK').catch(() => undefined);
  }
}
