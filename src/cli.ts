import { loadConfig } from './config';
import { openDb } from './db/client';
import type { Deps } from './deps';
import { removeDemo } from './modules/conversations';
import { systemClock } from './platform/clock';
import { createLogger } from './platform/logger';
import { startMail } from './platform/mail/start-mail';
import { seedDemoNow } from './seed';

const USAGE = `Usage: colloquy <command>

Commands:
  seed          add the demo series (does nothing if it is there already)
  demo:remove   remove every record marked as demo content
  migrate       bring the database schema up to date and exit
`;

/** Administration commands, run with `npm run seed`, `npm run demo:remove`. */
async function run(command: string | undefined): Promise<number> {
  if (!command || !['seed', 'demo:remove', 'migrate'].includes(command)) {
    process.stderr.write(USAGE);
    return command ? 2 : 0;
  }
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await openDb(config, log);
  // No worker here: mail a command queues goes out through the server's worker.
  const mail = await startMail({
    config,
    db: database.db,
    url: database.url,
    clock: systemClock,
    log,
    worker: false,
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const deps: Deps = { config, db: database.db, clock: systemClock, log, mailer: mail.mailer };
  try {
    if (command === 'seed') {
      const seeded = await seedDemoNow(deps);
      process.stdout.write(seeded ? 'Demo content added.\n' : 'The demo content is already there.\n');
    } else if (command === 'demo:remove') {
      const { removed } = await removeDemo(deps.db);
      process.stdout.write(`Removed ${removed} demo records.\n`);
    } else {
      process.stdout.write('The database schema is up to date.\n');
    }
    return 0;
  } finally {
    await mail.stop();
    await database.close();
  }
}

process.exitCode = await run(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
