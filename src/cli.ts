import { loadConfig } from './config';
import { removeDemo } from './modules/conversations';
import { createLogger } from './platform/logger';
import { openRuntime } from './runtime';
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
  // No mail worker here: mail a command queues goes out through the server's worker.
  const runtime = await openRuntime(config, log, { mailWorker: false });
  const { deps } = runtime;
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
    await runtime.close();
  }
}

process.exitCode = await run(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
