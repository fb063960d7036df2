import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { listenForContentChanges } from './db/content-changes';
import { DataDirInUseError } from './db/embedded';
import { startIdleCollector } from './platform/idle-memory';
import { createLogger } from './platform/logger';
import { openRuntime } from './runtime';
import { seedDemoOnFirstStart } from './seed';

/** Built assets sit beside the bundle (dist/assets); under tsx, use the last build's. */
function assetsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(here) === 'dist' ? path.join(here, 'assets') : path.resolve('dist/assets');
}

async function main(config: Config): Promise<void> {
  const log = createLogger(config.LOG_LEVEL);
  const runtime = await openRuntime(config, log, { mailWorker: true });
  const { deps, database } = runtime;
  if (config.SEED_DEMO && (await seedDemoOnFirstStart(deps))) log.info('demo content seeded');

  const { app, pageCache } = await createApp(deps, { assetsDir: assetsDir() });
  const stopListening = await listenForContentChanges(database.url, () => pageCache.clear(), log);
  const stopIdleCollector = startIdleCollector(app.server, { idleMs: config.IDLE_GC_AFTER_S * 1000, log });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_S * 1000);
    force.unref();
    try {
      stopIdleCollector();
      await app.close(); // stops accepting, lets open requests finish
      await stopListening();
      // The mail worker first (messages being sent are recorded, or go back to the queue), then
      // the pool and the embedded PostgreSQL.
      await runtime.close((config.SHUTDOWN_TIMEOUT_S * 1000) / 2);
      log.info('stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const address = await app.listen({ host: config.HOST, port: config.PORT });
    log.info({ url: address, database: database.isEmbedded ? 'embedded' : 'external' }, 'listening');
  } catch (error) {
    stopIdleCollector();
    await stopListening();
    await runtime.close();
    throw error;
  }
}

function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    process.stderr.write(
      `\nColloquy could not start:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`,
    );
  }
  process.exit(1);
}

// ADR 0002: `npm start` runs the project's Node 24; a bare `node dist/server.js` may not.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `\nColloquy needs Node.js 22.12 or later; this is ${process.version}.\n` +
      'Start it with `npm start`, which uses the Node.js 24 that `npm install` brought.\n\n',
  );
  process.exit(1);
}

try {
  await main(loadConfig()).catch(fail);
} catch (error) {
  fail(error);
}
