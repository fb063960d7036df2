import type { DbOrTransaction } from '../../db/client';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { sweepOutboxMail } from './outbox.repo';

/** Rows each statement of a sweep touches at most, so no transaction holds many locks for long. */
const SWEEP_BATCH = 5_000;
/** How often each server sweeps. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** How far back of the previous round's cut a round looks again (rows that became final late). */
const OVERLAP_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sweeps the outbox until nothing older than `retentionDays` is left whole: single messages in a
 * final state (sent, failed, held) are deleted, bulk ones erased (docs/adr/0026-outbox-retention.md).
 *
 * @returns how many rows were deleted and erased, and the cut it used (the next round's `after`).
 */
export async function sweepOutbox(
  db: DbOrTransaction,
  { clock, retentionDays, after }: { clock: Clock; retentionDays: number; after?: Date },
): Promise<{ deleted: number; erased: number; before: Date }> {
  const before = new Date(clock.now().getTime() - retentionDays * DAY_MS);
  const total = { deleted: 0, erased: 0 };
  for (;;) {
    const round = await sweepOutboxMail(db, { before, after, limit: SWEEP_BATCH });
    total.deleted += round.deleted;
    total.erased += round.erased;
    if (round.deleted < SWEEP_BATCH && round.erased < SWEEP_BATCH) break;
  }
  return { ...total, before };
}

/**
 * Runs `sweepOutbox` now and then every hour in this process, each round after the first looking
 * only at what became old since the previous one (with a day's overlap). Every server node may run
 * it: the statements are idempotent. Returns the function that stops it (waiting for a round
 * under way, so the pool can close after it).
 */
export function startOutboxRetention(opts: {
  db: DbOrTransaction;
  clock: Clock;
  log: Logger;
  retentionDays: number;
  intervalMs?: number;
}): () => Promise<void> {
  let after: Date | undefined;
  let running: Promise<void> | undefined;
  const round = () => {
    if (running) return; // the previous round is still going: skip this tick
    running = sweepOutbox(opts.db, { clock: opts.clock, retentionDays: opts.retentionDays, after })
      .then(({ deleted, erased, before }) => {
        after = new Date(before.getTime() - OVERLAP_MS);
        if (deleted + erased > 0) opts.log.info({ deleted, erased }, 'outbox retention: old mail removed');
      })
      .catch((err: unknown) => opts.log.error({ err }, 'outbox retention sweep failed'))
      .finally(() => {
        running = undefined;
      });
  };
  round();
  const timer = setInterval(round, opts.intervalMs ?? SWEEP_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
