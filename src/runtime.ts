import type { Config } from './config';
import { openDb, type Database } from './db/client';
import type { Deps } from './deps';
import { systemClock } from './platform/clock';
import type { Logger } from './platform/logger';
import { startMail, type Mail } from './platform/mail/start-mail';

export interface Runtime {
  deps: Deps;
  database: Database;
  mail: Mail;
  /** Stops the mail worker (waiting up to `mailTimeoutMs` for messages in flight), then the database. */
  close(mailTimeoutMs?: number): Promise<void>;
}

/**
 * What the server and the CLI both start: the database (embedded or DATABASE_URL, migrated) and
 * the mail queue, put together as Deps. Only the server runs the mail worker; mail a CLI command
 * queues goes out through it.
 */
export async function openRuntime(
  config: Config,
  log: Logger,
  opts: { mailWorker: boolean },
): Promise<Runtime> {
  const database = await openDb(config, log);
  const mail = await startMail({
    config,
    db: database.db,
    url: database.url,
    clock: systemClock,
    log,
    worker: opts.mailWorker,
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  return {
    deps: { config, db: database.db, clock: systemClock, log, mailer: mail.mailer },
    database,
    mail,
    async close(mailTimeoutMs) {
      await mail.stop(mailTimeoutMs);
      await database.close();
    },
  };
}
