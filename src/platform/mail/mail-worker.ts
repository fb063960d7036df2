import type { JobResult, JobWithMetadata } from 'pg-boss';
import type { Db } from '../../db/client';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { MailJobData, MailQueue, MailRetryPolicy } from './mail-queue';
import {
  listQueuedOutboxMail,
  markOutboxMailSent,
  recordOutboxMailFailures,
  type MailAttemptFailure,
} from './outbox.repo';
import type { SmtpTransport } from './smtp';

export interface MailWorkerOptions {
  queue: MailQueue;
  db: Db;
  transport: SmtpTransport;
  clock: Clock;
  log: Logger;
  /** Jobs fetched at once; their messages go out in parallel over the transport's connections. */
  batchSize: number;
  pollingIntervalSeconds: number;
}

/** Longest error text kept in `last_error`. */
const MAX_ERROR_LENGTH = 1000;

/**
 * Starts taking delivery jobs from the queue. A job carries one outbox row (its id) or a group of
 * rows (a bulk send, `data.ids`). Each batch of jobs: load the rows still `queued`, send each over
 * SMTP, then record the outcome of the whole batch in two statements. A job completes when none of
 * its rows failed; otherwise it fails and pg-boss retries it with backoff, and the retry sends only
 * the rows still queued. Rows no longer queued (sent, failed) are never sent again. Stopping the
 * queue stops the worker.
 */
export async function startMailWorker(opts: MailWorkerOptions): Promise<void> {
  await opts.queue.work(
    { batchSize: opts.batchSize, pollingIntervalSeconds: opts.pollingIntervalSeconds },
    (jobs) => deliverBatch(opts, jobs),
  );
}

async function deliverBatch(opts: MailWorkerOptions, jobs: JobWithMetadata<object>[]): Promise<JobResult[]> {
  const { db, transport, clock, log } = opts;
  const idsOf = (job: JobWithMetadata<object>): string[] => (job.data as MailJobData | null)?.ids ?? [job.id];
  const jobOfRow = new Map<string, JobWithMetadata<object>>();
  for (const job of jobs) for (const id of idsOf(job)) jobOfRow.set(id, job);
  const rows = await listQueuedOutboxMail(db, [...jobOfRow.keys()]);
  const outcomes = await Promise.all(
    rows.map(async (row) => {
      try {
        await transport.send(row);
        return { id: row.id, ok: true as const };
      } catch (error) {
        return { id: row.id, ok: false as const, error };
      }
    }),
  );

  const now = clock.now();
  const sent = outcomes.filter((o) => o.ok).map((o) => o.id);
  const refused = outcomes.filter((o) => !o.ok);
  const failures: MailAttemptFailure[] = refused.map((o) => {
    const job = jobOfRow.get(o.id)!;
    const isFinal = job.retryCount >= job.retryLimit;
    return {
      id: o.id,
      error: describeError(o.error),
      isFinal,
      nextAttemptAt: isFinal ? null : earliestRetry(now, job.retryCount, opts.queue.retry),
    };
  });

  const marked = new Set(await markOutboxMailSent(db, sent, now));
  await recordOutboxMailFailures(db, failures);

  for (const id of sent) {
    // Another worker marked it first: it may have gone out twice, with the same Message-ID.
    if (!marked.has(id)) log.warn({ outboxId: id }, 'mail sent but already marked by another attempt');
  }
  const errors = new Map(refused.map((o) => [o.id, o.error]));
  for (const failure of failures) {
    // No address or error text in the log: the error may quote the recipient (DESIGN.md, Privacy).
    const code = errorCode(errors.get(failure.id));
    log[failure.isFinal ? 'error' : 'warn'](
      { outboxId: failure.id, code, final: failure.isFinal },
      failure.isFinal ? 'mail failed for good' : 'mail attempt failed; will retry',
    );
  }
  if (sent.length > 0) log.info({ count: sent.length }, 'mail sent');

  const failureById = new Map(failures.map((f) => [f.id, f]));
  return jobs.map((job) => {
    const failed = idsOf(job).filter((id) => failureById.has(id));
    if (failed.length === 0) return { id: job.id, status: 'completed' };
    return {
      id: job.id,
      status: 'failed',
      output: { error: failureById.get(failed[0]!)!.error, failed: failed.length },
    };
  });
}

/**
 * The earliest moment pg-boss will try again after attempt `retryCount` (0 for the first):
 * it waits between delay·2ⁿ and delay·2ⁿ⁺¹ seconds (n = retryCount), at most the maximum.
 */
function earliestRetry(now: Date, retryCount: number, policy: MailRetryPolicy): Date {
  const seconds = Math.min(
    policy.retryDelayMaxSeconds,
    Math.max(policy.retryDelaySeconds, 1) * 2 ** Math.min(16, retryCount),
  );
  return new Date(now.getTime() + seconds * 1000);
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

function errorCode(error: unknown): string | number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  return responseCode ?? code;
}
