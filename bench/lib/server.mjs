// Starting and stopping the processes under test: Colloquy (`node dist/server.js`), the raw
// node:http baseline, `npm start`. Every process started here is remembered, so that `stopAll()`
// can end them if the bench fails or is interrupted: a bench must never leave a server (or an
// embedded PostgreSQL) behind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { pinned, SERVER_CORE } from './cpu.mjs';
import { descendantsOf, isRunning } from './proc.mjs';

/** The repository root (bench/lib/../..). */
export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The Node binary running this bench: Node 24 from node_modules when started by `npm run bench`. */
export const NODE = process.execPath;

/**
 * The arguments `npm start` gives node after its build step, read from package.json so the bench
 * always runs the server the way `npm start` does (e.g. ['--enable-source-maps', 'dist/server.js']).
 * The start script is expected to end with `&& node <args…>`.
 */
export const SERVER_ARGS = (() => {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const last = (scripts?.start ?? '').split('&&').at(-1).trim().split(/\s+/);
  if (last[0] !== 'node' || !last.some((arg) => arg.endsWith('server.js'))) {
    throw new Error(
      `package.json's start script does not end with \`node … dist/server.js\`: ${scripts?.start}`,
    );
  }
  return last.slice(1);
})();

/** How the bench names the server command in its report, e.g. "node --enable-source-maps dist/server.js". */
export const SERVER_COMMAND = `node ${SERVER_ARGS.join(' ')}`;

/** Variables Colloquy reads (src/config.ts): never inherited from the shell, always set by the bench. */
const COLLOQUY_VARIABLES = [
  'HOST',
  'PORT',
  'PUBLIC_URL',
  'DATA_DIR',
  'DATABASE_URL',
  'EMBEDDED_PG_PORT',
  'DB_POOL_SIZE',
  'LOG_LEVEL',
  'SEED_DEMO',
  'PAGE_CACHE_ENTRIES',
  'PAGE_CACHE_TTL_S',
  'SHUTDOWN_TIMEOUT_S',
  'IDLE_GC_AFTER_S',
];

/** Processes started and not yet seen exiting. */
const running = new Set();

/**
 * Spawns a process pinned to `core`, its stdout and stderr appended to `logFile` (a file, not a
 * pipe: reading a pipe would cost this process CPU on the load generator's core, and a full pipe
 * would stall the server). Returns a handle; `handle.exited` resolves with the exit code or signal.
 */
export function launch({ name, command, args, env, core = SERVER_CORE, logFile, detached = false }) {
  const [cmd, argv] = pinned(core, command, args);
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', fd, fd], detached });
  fs.closeSync(fd);
  const handle = { name, child, pid: child.pid, logFile, detached, exitedWith: undefined };
  handle.exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      handle.exitedWith = signal ?? code;
      running.delete(handle);
      resolve(handle.exitedWith);
    });
    child.once('error', (error) => {
      handle.exitedWith = error.message;
      running.delete(handle);
      resolve(error.message);
    });
  });
  running.add(handle);
  return handle;
}

/** The environment for a Colloquy process: the shell's, minus Colloquy's own variables, plus `vars`. */
export function colloquyEnv(vars) {
  const env = { ...process.env };
  for (const name of COLLOQUY_VARIABLES) delete env[name];
  return {
    ...env,
    HOST: '127.0.0.1',
    ...Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)])),
  };
}

/**
 * Spawns the server as `npm start` runs it after its build (SERVER_COMMAND) on the server core,
 * without waiting for it. Colloquy's own variables come from `vars` only, never from the shell.
 *
 * @param {object} opts
 * @param {string} opts.dataDir   DATA_DIR (an existing cluster is reused; a new one is created and seeded)
 * @param {number} opts.port
 * @param {string} opts.logFile   where stdout/stderr go
 * @param {object} [opts.env]     more variables, e.g. { PAGE_CACHE_ENTRIES: 0, LOG_LEVEL: 'warn' }
 * @param {string[]} [opts.nodeFlags]  e.g. ['--cpu-prof', '--cpu-prof-dir=…']
 * @param {string[]} [opts.serverArgs] instead of SERVER_ARGS, e.g. to compare without a flag
 */
export function spawnColloquy({
  dataDir,
  port,
  logFile,
  env = {},
  nodeFlags = [],
  serverArgs = SERVER_ARGS,
}) {
  const fullEnv = colloquyEnv({ DATA_DIR: dataDir, PORT: port, LOG_LEVEL: 'info', ...env });
  const handle = launch({
    name: `colloquy :${port}`,
    command: NODE,
    args: [...nodeFlags, ...serverArgs],
    env: fullEnv,
    logFile,
  });
  handle.port = port;
  handle.url = `http://127.0.0.1:${port}`;
  return handle;
}

/**
 * Spawns Colloquy (see spawnColloquy) and waits until it is ready: until it has logged its
 * `"msg":"listening"` line, or GET /healthz answers 200, whichever is seen first. The log line
 * alone is not enough: LOG_LEVEL=warn hides it, and a buffered log destination may hold it back
 * until more lines come. Returns the handle, with `url` from the listening line when there is one.
 */
export async function startColloquy({ timeoutMs = 60_000, ...opts }) {
  const handle = spawnColloquy(opts);
  await waitFor(
    handle,
    async () =>
      listeningUrl(handle.logFile) !== undefined ||
      (await httpGet(`${handle.url}/healthz`, 2_000).catch(() => undefined))?.status === 200,
    timeoutMs,
  );
  handle.url = listeningUrl(handle.logFile) ?? handle.url;
  return handle;
}

/**
 * A connected client of the embedded PostgreSQL of a Colloquy running on `dataDir`, as the
 * superuser, on the `colloquy` database: its port is on the 4th line of the cluster's
 * postmaster.pid, its password in DATA_DIR/postgres-password. The caller ends it.
 */
export async function connectToDataDir(dataDir) {
  const port = Number(
    fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3],
  );
  const password = fs.readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'colloquy' });
  await client.connect();
  return client;
}

/** Starts bench/raw-server.mjs on the server core and waits for its listening line. */
export async function startRawServer({ port, bodyFile, headersFile, logFile }) {
  const handle = launch({
    name: `raw node:http :${port}`,
    command: NODE,
    args: [path.join(ROOT, 'bench/raw-server.mjs'), String(port), bodyFile, headersFile],
    env: process.env,
    logFile,
  });
  await waitFor(handle, () => listeningUrl(logFile) !== undefined, 10_000);
  handle.url = listeningUrl(logFile);
  return handle;
}

/** The `url` of the first `"msg":"listening"` line in a Colloquy log, or undefined. */
export function listeningUrl(logFile) {
  let text;
  try {
    text = fs.readFileSync(logFile, 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    if (!line.includes('"msg":"listening"')) continue;
    try {
      return JSON.parse(line).url;
    } catch {
      // A line still being written: try again on the next poll.
    }
  }
  return undefined;
}

/**
 * Polls `check()` every `intervalMs` until it returns true. Fails if the process exits first or
 * after `timeoutMs`, with the end of its log in the message.
 */
export async function waitFor(handle, check, timeoutMs, intervalMs = 20) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (handle.exitedWith !== undefined) {
      throw new Error(
        `${handle.name} exited (${handle.exitedWith}) before it was ready.\n${logTail(handle)}`,
      );
    }
    if (await check()) return;
    await sleep(intervalMs);
  }
  throw new Error(`${handle.name} was not ready after ${timeoutMs} ms.\n${logTail(handle)}`);
}

/** The last lines of a process's log, for error messages. */
export function logTail(handle, lines = 15) {
  try {
    const text = fs.readFileSync(handle.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    return `Last lines of ${handle.logFile}:\n${text}`;
  } catch {
    return `(no log at ${handle.logFile})`;
  }
}

/**
 * Stops a process with SIGTERM and waits for it to exit (Colloquy drains, then stops its embedded
 * PostgreSQL). If it has not exited after `timeoutMs`, it and everything below it get SIGKILL.
 * A detached process (npm start) is stopped as its whole process group, which is waited for even
 * when its leader has already exited. Returns the milliseconds the stop took.
 */
export async function stop(handle, timeoutMs = 20_000) {
  const started = performance.now();
  if (handle.detached) {
    await stopGroup(handle, timeoutMs);
    return performance.now() - started;
  }
  if (handle.exitedWith !== undefined) return 0;
  const below = descendantsOf(handle.pid); // remembered now: once the parent is gone they are orphans
  signal(handle.pid, 'SIGTERM');
  const timedOut = await Promise.race([handle.exited.then(() => false), sleep(timeoutMs).then(() => true)]);
  if (timedOut) {
    console.error(`  ! ${handle.name} ignored SIGTERM for ${timeoutMs} ms: killing it`);
    signal(handle.pid, 'SIGKILL');
    await handle.exited;
  }
  // Normally the server has stopped its PostgreSQL already; anything left is killed.
  for (let waited = 0; waited < 5_000 && below.some(isRunning); waited += 100) await sleep(100);
  for (const pid of below.filter(isRunning)) {
    console.error(`  ! pid ${pid}, started by ${handle.name}, outlived it: killing it`);
    signal(pid, 'SIGKILL');
  }
  return performance.now() - started;
}

/** SIGTERM to a whole process group, then SIGKILL if some of it is still there after `timeoutMs`. */
async function stopGroup(handle, timeoutMs) {
  const group = -handle.pid; // a detached child leads its own process group
  const groupAlive = () => {
    try {
      process.kill(group, 0);
      return true;
    } catch (error) {
      return error.code === 'EPERM';
    }
  };
  const waitGone = async (ms) => {
    for (let waited = 0; waited < ms && groupAlive(); waited += 100) await sleep(100);
    return !groupAlive();
  };
  if (!groupAlive()) return;
  signal(group, 'SIGTERM');
  if (await waitGone(timeoutMs)) return;
  console.error(
    `  ! ${handle.name}: processes of its group ignored SIGTERM for ${timeoutMs} ms: killing them`,
  );
  signal(group, 'SIGKILL');
  await waitGone(5_000);
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/** Stops every process this bench started and that is still running. */
export async function stopAll() {
  await Promise.all([...running].map((handle) => stop(handle, 10_000)));
}

/** A TCP port nobody listens on right now (the OS picks it; never 3000 in practice). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * One GET on a fresh connection (no keep-alive agent): `{ status, headers, body }` with the body as
 * a Buffer. Rejects on connection errors (e.g. ECONNREFUSED while a server starts).
 */
export function httpGet(url, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}
