// HTTP load with autocannon, in a child process pinned to the load generator's core, while this
// process watches how much CPU the server under test (and its PostgreSQL) used meanwhile.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { coreTimes, LOAD_CORE, pinned, processCpuSeconds } from './cpu.mjs';
import { descendantsOf, processName } from './proc.mjs';
import { NODE, ROOT } from './server.mjs';

/**
 * Warms up then measures one URL.
 *
 * @param {object} opts
 * @param {string} opts.url
 * @param {number} opts.connections
 * @param {number} opts.pipelining
 * @param {number} opts.durationS   measured seconds
 * @param {number} opts.warmupS     seconds of load before, not measured
 * @param {number} [opts.serverPid] the server under test: its CPU use (and its children's) is reported
 * @returns the autocannon summary of the measured run (see load-child.mjs), plus `warmup`,
 *   `serverCpu` ({ node, postgres, other } in cores busy, 1 = one full core),
 *   `serverCpuMicrosPerRequest` and `coreBusy` ({ cpu0, cpu1 }: how busy each core was, whoever
 *   used it).
 */
export async function measure(opts) {
  const childOpts = JSON.stringify({
    url: opts.url,
    connections: opts.connections,
    pipelining: opts.pipelining,
    durationS: opts.durationS,
    warmupS: opts.warmupS,
  });
  const [cmd, args] = pinned(LOAD_CORE, NODE, [path.join(ROOT, 'bench/lib/load-child.mjs'), childOpts]);
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));

  let start;
  let done;
  for await (const line of readline.createInterface({ input: child.stdout })) {
    const message = JSON.parse(line);
    if (message.event === 'measuring') start = snapshot(opts.serverPid);
    if (message.event === 'done') done = { ...message, end: snapshot(opts.serverPid) };
  }
  const code = await exited;
  if (!done) throw new Error(`the load generator failed (exit ${code}) on ${opts.url}`);

  const seconds = done.end.at - start.at;
  const used = cpuBetween(start, done.end);
  const busy = (kind) => round(used[kind] / seconds);
  const coreBusy = {};
  for (const core of Object.keys(done.end.cores)) {
    const a = start.cores[core];
    const b = done.end.cores[core];
    coreBusy[core] = round((b.busy - a.busy) / (b.total - a.total || 1));
  }
  return {
    ...done.result,
    warmup: done.warmup,
    serverCpu: opts.serverPid
      ? { node: busy('node'), postgres: busy('postgres'), other: busy('other') }
      : null,
    // Server CPU time (node + postgres + others) per response, in microseconds: what a response
    // costs the server, whatever rate the load generator managed to send.
    serverCpuMicrosPerRequest: opts.serverPid
      ? Math.round(((used.node + used.postgres + used.other) / done.result.requestsTotal) * 1e6)
      : null,
    coreBusy,
  };
}

/** CPU seconds used so far by the server process and each of its descendants, with their kind. */
function snapshot(serverPid) {
  const pids = new Map();
  if (serverPid) {
    pids.set(serverPid, { kind: 'node', cpu: processCpuSeconds(serverPid) });
    for (const pid of descendantsOf(serverPid)) {
      const kind = processName(pid).startsWith('postgres') ? 'postgres' : 'other';
      pids.set(pid, { kind, cpu: processCpuSeconds(pid) });
    }
  }
  return { at: performance.now() / 1000, pids, cores: coreTimes() };
}

/**
 * CPU seconds each kind of process used between two snapshots. A process that started meanwhile
 * counts from zero; one that ended meanwhile is lost (its time cannot be read any more).
 */
function cpuBetween(start, end) {
  const used = { node: 0, postgres: 0, other: 0 };
  for (const [pid, { kind, cpu }] of end.pids) used[kind] += cpu - (start.pids.get(pid)?.cpu ?? 0);
  return used;
}

/**
 * Fails the bench loudly unless every response of the warm-up and of the measured run was a 200,
 * with no connection error and no timeout.
 */
export function assertAllOk(result, label) {
  for (const [phase, r] of [
    ['warm-up', result.warmup],
    ['measured run', result],
  ]) {
    if (!r) continue;
    const problems = [];
    if (r.requestsTotal === 0) problems.push('no response at all');
    if (r.non2xx > 0) problems.push(`${r.non2xx} non-2xx responses`);
    const others = Object.keys(r.statusCodes ?? {}).filter((code) => code !== '200');
    if (others.length > 0) problems.push(`status codes other than 200: ${JSON.stringify(r.statusCodes)}`);
    if (r.errors > 0) problems.push(`${r.errors} errors`);
    if (r.timeouts > 0) problems.push(`${r.timeouts} timeouts`);
    if (problems.length > 0) throw new Error(`${label}, ${phase}: ${problems.join(', ')}`);
  }
}

const round = (n) => Math.round(n * 100) / 100;
