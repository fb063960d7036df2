import type { Config } from './config';
import type { Db } from './db/client';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { Mailer } from './platform/mail/mailer';

/** What services need from the outside world. Built once in server.ts (or a test), passed by hand. */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  log: Logger;
  /** Every e-mail goes through here, to the outbox (docs/adr/0014-mail-outbox-and-durable-queue.md). */
  mailer: Mailer;
}
