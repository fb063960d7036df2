import { sql } from 'drizzle-orm';
import { fromDrizzle, PgBoss, type JobInsert, type JobResult, type JobWithMetadata } from 'pg-boss';
import type { Logger } from '../logger';
import type { DbOrTransaction } from './outbox.repo';

/** pg-boss keeps its tables in a schema of its own, which it creates and migrates on start. */
export const QUEUE_SCHEMA = 'pgboss';
/**
 * One job per outbox row, the job's id being the row's id; or, for bulk sends, one job for a group
 * of rows (`data.ids`, a job id of its own): see `enqueueGroups`.
 */
export const MAIL_QUEUE = 'mail.send';

/** The data of a job that carries a group of outbox rows. */
export interface MailJobData {
  ids?: string[];
}

export interface MailRetryPolicy {
  /** Attempts after the first one; the message is `failed` after the last. */
  retryLimit: number;
  /**
   * Seconds before the first retry, doubling each time (exponential backoff with jitter): the
   * wait after attempt n (1 for the first) is between delay·2ⁿ⁻¹ and delay·2ⁿ seconds.
   */
  retryDelaySeconds: number;
  /** The longest wait between two attempts. */
  retryDelayMaxSeconds: number;
}

/** How long one delivery job may run before pg-boss gives up on it and tries again. */
const JOB_EXPIRE_SECONDS = 300;
/** Rows per pg-boss insert statement: its JSON stays a few MB. */
const JOBS_PER_INSERT = 10_000;

export interface MailQueueOptions {
  url: string;
  log: Logger;
  retry: MailRetryPolicy;
  /** Connections pg-boss may open, besides the app's own pool. */
  poolSize?: number;
}

/**
 * The durable queue that carries outbox messages to the mail worker: pg-boss on the app's
 * PostgreSQL, with a small connection pool of its own.
 */
export class MailQueue {
  private constructor(
    private readonly boss: PgBoss,
    readonly retry: MailRetryPolicy,
  ) {}

  /**
   * Starts pg-boss (installing or migrating its schema on the first start, under its own
   * advisory lock) and creates the mail queue if missing.
   */
  static async open(opts: MailQueueOptions): Promise<MailQueue> {
    const boss = createBoss(opts.url, opts.poolSize ?? 4, opts.log);
    try {
      await boss.start();
      await boss.createQueue(MAIL_QUEUE);
    } catch (error) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      throw error;
    }
    return new MailQueue(boss, opts.retry);
  }

  /**
   * Queues a delivery job for each outbox id, in `db`'s transaction when it is one: the jobs
   * exist if and only if the rows do. One statement per 10,000 ids.
   */
  async enqueue(db: DbOrTransaction, ids: readonly string[]): Promise<void> {
    const adapter = fromDrizzle(db, sql);
    for (let start = 0; start < ids.length; start += JOBS_PER_INSERT) {
      const jobs: JobInsert[] = ids.slice(start, start + JOBS_PER_INSERT).map((id) => ({
        id,
        retryLimit: this.retry.retryLimit,
        retryDelay: this.retry.retryDelaySeconds,
        retryBackoff: true,
        retryDelayMax: this.retry.retryDelayMaxSeconds,
        expireInSeconds: JOB_EXPIRE_SECONDS,
      }));
      await this.boss.insert(MAIL_QUEUE, jobs, { db: adapter });
    }
  }

  /**
   * Queues one delivery job per group of outbox ids (a bulk send): 100,000 messages become a few
   * thousand jobs, not 100,000. A group is retried as a whole, and the worker sends only the rows
   * of it still queued, so a message is never sent twice because its neighbour failed.
   */
  async enqueueGroups(db: DbOrTransaction, groups: readonly (readonly string[])[]): Promise<void> {
    const adapter = fromDrizzle(db, sql);
    for (let start = 0; start < groups.length; start += JOBS_PER_INSERT) {
      const jobs: JobInsert[] = groups.slice(start, start + JOBS_PER_INSERT).map((ids) => ({
        data: { ids: [...ids] } satisfies MailJobData,
        retryLimit: this.retry.retryLimit,
        retryDelay: this.retry.retryDelaySeconds,
        retryBackoff: true,
        retryDelayMax: this.retry.retryDelayMaxSeconds,
        expireInSeconds: JOB_EXPIRE_SECONDS,
      }));
      await this.boss.insert(MAIL_QUEUE, jobs, { db: adapter });
    }
  }

  /**
   * Hands batches of jobs to `deliver`, which settles each job: `completed`, or `failed` (pg-boss
   * then retries it with backoff, or gives up after the retry limit).
   */
  async work(
    opts: { batchSize: number; pollingIntervalSeconds: number },
    deliver: (jobs: JobWithMetadata<object>[]) => Promise<JobResult[]>,
  ): Promise<void> {
    await this.boss.work(
      MAIL_QUEUE,
      {
        batchSize: opts.batchSize,
        pollingIntervalSeconds: opts.pollingIntervalSeconds,
        // While batches come back full there is more waiting: fetch again at once instead of
        // after the polling interval (which would cap a newsletter at one batch per interval).
        burstWhenBatchFull: true,
        includeMetadata: true,
        perJobResults: true,
      },
      deliver,
    );
  }

  /**
   * Stops fetching, waits up to `timeoutMs` for deliveries under way (those still running are
   * failed back to the queue, to be retried), and closes pg-boss's connections.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: timeoutMs });
  }
}

function createBoss(url: string, poolSize: number, log: Logger): PgBoss {
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    max: poolSize,
    application_name: 'colloquy-queue',
    // No cron schedules yet: the clock monitor and cron passes would only cost queries.
    schedule: false,
  });
  // An EventEmitter's unhandled 'error' would crash the process: pg-boss reports failed polls
  // and maintenance here, and carries on.
  boss.on('error', (error) => log.error({ err: error }, 'mail queue error'));
  boss.on('warning', (warning) => log.warn({ warning: warning.data }, warning.message));
  return boss;
}

/**
 * Installs pg-boss's schema and the mail queue in an empty database and disconnects, leaving no
 * instance or job behind: for the test template (test/global-setup.ts), so that test databases
 * copied from it start their queue without installing anything.
 */
export async function installMailQueue(url: string, log: Logger): Promise<void> {
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    max: 1,
    schedule: false,
    supervise: false,
    registerInstance: false,
  });
  boss.on('error', (error) => log.error({ err: error }, 'mail queue error'));
  await boss.start();
  try {
    await boss.createQueue(MAIL_QUEUE);
  } finally {
    await boss.stop({ graceful: false });
  }
}
