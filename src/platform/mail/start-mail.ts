import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { MailQueue } from './mail-queue';
import { startMailWorker } from './mail-worker';
import { createOutboxMailer, type Mailer } from './mailer';
import { startOutboxRetention } from './retention';
import { SmtpTransport } from './smtp';

export interface Mail {
  mailer: Mailer;
  /** The durable queue, when SMTP is configured. */
  queue?: MailQueue;
  /** Stops the worker (waiting up to `timeoutMs` for messages being sent) and the queue. */
  stop(timeoutMs?: number): Promise<void>;
}

type MailConfig = Pick<
  Config,
  | 'SMTP_URL'
  | 'MAIL_FROM'
  | 'MAIL_RETRY_LIMIT'
  | 'MAIL_RETRY_DELAY_S'
  | 'MAIL_RETRY_DELAY_MAX_S'
  | 'MAIL_POLL_INTERVAL_S'
  | 'MAIL_SMTP_CONNECTIONS'
  | 'MAIL_RETENTION_DAYS'
>;

/**
 * Sets up e-mail for a process. Without SMTP_URL: a mailer that keeps every message in the outbox
 * as `held`. With it: the pg-boss queue, and, when `worker` is true (the server), the worker that
 * sends queued messages over SMTP. The server (`worker`) also sweeps old mail out of the outbox
 * every hour, SMTP or not, unless MAIL_RETENTION_DAYS is 0 (docs/adr/0026-outbox-retention.md).
 */
export async function startMail(opts: {
  config: MailConfig;
  db: Db;
  /** The database's connection string, for pg-boss's own pool. */
  url: string;
  clock: Clock;
  log: Logger;
  worker: boolean;
}): Promise<Mail> {
  const { config, db, clock, log } = opts;
  const startRetention = () =>
    opts.worker && config.MAIL_RETENTION_DAYS > 0
      ? startOutboxRetention({ db, clock, log, retentionDays: config.MAIL_RETENTION_DAYS })
      : async () => undefined;
  if (!config.SMTP_URL) {
    log.info('SMTP_URL is not set: e-mail is kept in the outbox (held), not sent');
    return { mailer: createOutboxMailer({ db, clock }), stop: startRetention() };
  }

  const queue = await MailQueue.open({
    url: opts.url,
    log,
    retry: {
      retryLimit: config.MAIL_RETRY_LIMIT,
      retryDelaySeconds: config.MAIL_RETRY_DELAY_S,
      retryDelayMaxSeconds: config.MAIL_RETRY_DELAY_MAX_S,
    },
  });
  let transport: SmtpTransport | undefined;
  if (opts.worker) {
    try {
      transport = new SmtpTransport({
        url: config.SMTP_URL,
        from: config.MAIL_FROM,
        maxConnections: config.MAIL_SMTP_CONNECTIONS,
      });
      await startMailWorker({
        queue,
        db,
        transport,
        clock,
        log,
        // Ten messages per connection per fetch. Measured with a loopback SMTP server on 2 cores:
        // about 450 messages/s, whether one batch is under way at a time or several.
        batchSize: config.MAIL_SMTP_CONNECTIONS * 10,
        pollingIntervalSeconds: config.MAIL_POLL_INTERVAL_S,
      });
    } catch (error) {
      transport?.close();
      await queue.stop();
      throw error;
    }
    log.info('mail worker started');
  }

  const stopRetention = startRetention();
  return {
    mailer: createOutboxMailer({ db, clock, queue }),
    queue,
    async stop(timeoutMs) {
      await stopRetention();
      await queue.stop(timeoutMs);
      transport?.close();
    },
  };
}
