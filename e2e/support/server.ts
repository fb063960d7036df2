// Starts the real app for browser tests: the production bundle that e2e/support/global-setup.ts
// built once for the run (`node <outdir>/server.js`), not `tsx src/server.ts`. Why the bundle:
//  - it is what `npm start` runs, so the journeys also cover the build (migrations copied beside
//    the bundle, client scripts bundled into assets/);
//  - it starts in about the time Node needs to load the dependencies, with no TypeScript compile
//    on every start, and no tsx/esbuild service process to leave behind.
//
// Every server gets a database of its own: a fresh DATA_DIR (embedded PostgreSQL, demo seeded on
// first start) or, when DATABASE_URL is set, a fresh database on that server. stop() removes it.
//
//   const server = await startTestServer();
//   try { await page.goto(`${server.url}/en`); … } finally { await server.stop(); }
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestServer {
  /** Where the server listens, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** The last lines the server wrote (stdout and stderr), for a failing test's message. */
  logs(): string[];
  /** SIGTERM, then waits for the process to exit; removes its data. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartTestServerOptions {
  /** Extra environment for the server, e.g. { PAGE_CACHE_ENTRIES: '0' }. */
  env?: Record<string, string>;
  /**
   * Milliseconds to wait for the "listening" log line (default 120 s: a first start creates the
   * cluster, migrates and seeds the demo, which takes over 30 s on a loaded 2-core machine while
   * another spec runs beside it).
   */
  timeoutMs?: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KEPT_LOG_LINES = 200;
const running = new Set<ChildProcess>();

// If the test process dies without calling stop(), do not leave servers behind.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startTestServer(options: StartTestServerOptions = {}): Promise<TestServer> {
  const entry = inject('e2eServerEntry');
  if (!fs.existsSync(entry)) {
    throw new Error(`No server bundle at ${entry}: does src/server.ts exist and build (npm run build)?`);
  }

  const database = await createDatabase();
  // A port picked here rather than PORT=0, so that PUBLIC_URL (absolute links, origin checks) is
  // right from the start. Another process could take the port in between; that has not been seen
  // on one test machine, and the error would be plain ("EADDRINUSE").
  const port = await findFreePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'info',
    SEED_DEMO: 'true',
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.url,
    // Opinion maps recomputed every second rather than every 10 s (the production default): a
    // journey that waits for a map (the demo's, or one it votes on) waits for the schedule, not
    // for the clock. The schedule only recomputes a map with new votes, so an idle server does no
    // more work. A spec can still set its own (0 turns the schedule off).
    OPINIONS_RECOMPUTE_INTERVAL_S: '1',
    ...options.env,
  };

  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    cwd: root, // as `npm start` runs it
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));

  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > KEPT_LOG_LINES) lines.shift();
    if (process.env.E2E_SERVER_LOGS) process.stderr.write(`[server] ${line}\n`);
  };
  // Keep reading after start-up too: a full pipe would block the server's writes.
  const listening = new Promise<string>((resolve, reject) => {
    onLines(child.stdout, (line) => {
      keep(line);
      const url = listeningUrl(line);
      if (url) resolve(url);
    });
    onLines(child.stderr, keep);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`The server exited (${signal ?? `code ${code}`}) before listening.`)),
    );
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), delay(20_000).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    await database.remove();
  };

  try {
    const url = await withTimeout(
      listening,
      options.timeoutMs ?? 120_000,
      'for the server to log "listening"',
    );
    return { url: url.replace(/\/$/, ''), logs: () => [...lines], stop };
  } catch (error) {
    await stop();
    throw new Error(
      `startTestServer: ${(error as Error).message}\nLast server output:\n${lines.join('\n')}`,
      {
        cause: error,
      },
    );
  }
}

/** pino writes one JSON object a line; the server logs { msg: 'listening', url } once it is ready. */
function listeningUrl(line: string): string | undefined {
  if (!line.includes('"listening"')) return undefined;
  try {
    const record = JSON.parse(line) as { msg?: unknown; url?: unknown };
    return record.msg === 'listening' && typeof record.url === 'string' ? record.url : undefined;
  } catch {
    return undefined;
  }
}

interface ServerDatabase {
  dataDir: string;
  url: string | undefined;
  remove(): Promise<void>;
}

async function createDatabase(): Promise<ServerDatabase> {
  // Embedded PostgreSQL, or uploads and other files, live here either way.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'colloquy-e2e-'));
  // When we run as root, embedded PostgreSQL runs as the `postgres` user and must reach inside.
  fs.chmodSync(dataDir, 0o755);
  const removeDir = async () => {
    await stopOrphanedPostgres(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return { dataDir, url: undefined, remove: removeDir };

  const name = `colloquy_e2e_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    url: url.toString(),
    async remove() {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await removeDir();
    },
  };
}

/** A server killed with SIGKILL cannot stop its embedded PostgreSQL; stop it before deleting its files. */
async function stopOrphanedPostgres(dataDir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8'), 10);
  } catch {
    return; // no cluster, or it shut down cleanly
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) return;
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    return; // already gone
  }
  for (let waited = 0; waited < 5_000; waited += 50) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await delay(50);
  }
}

/** Guards against a stale pid file naming a process that has since been reused by something else. */
function isPostgres(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'colloquy-e2e' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function onLines(stream: NodeJS.ReadableStream, fn: (line: string) => void): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) !== -1) {
      fn(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
  });
  stream.on('end', () => {
    if (buffered) fn(buffered);
  });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting ${what}.`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
