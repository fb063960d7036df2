// CPU pinning and CPU-time accounting.
//
// The machine the bench was written for has 2 cores: the server under test (and, for Colloquy, the
// embedded PostgreSQL it starts, which inherits its affinity) runs on SERVER_CORE, the load
// generator and this orchestrator on LOAD_CORE, so that neither steals cycles from the other.
// Pinning uses `taskset` (util-linux). Without it, or with fewer than 2 cores, everything runs
// unpinned and the report says so.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

export const SERVER_CORE = 1;
export const LOAD_CORE = 0;

let tasksetPath;

/** Absolute path of `taskset`, or null when it is not installed. Looked up once. */
export function taskset() {
  if (tasksetPath === undefined) {
    try {
      tasksetPath = execFileSync('sh', ['-c', 'command -v taskset'], { encoding: 'utf8' }).trim() || null;
    } catch {
      tasksetPath = null;
    }
  }
  return tasksetPath;
}

/** True when the server and the load generator can each get their own core. */
export function canPin() {
  return taskset() !== null && os.cpus().length >= 2;
}

/** A sentence for the report: how processes were placed. */
export function pinningNote() {
  if (canPin()) {
    return `server (and its PostgreSQL) pinned to core ${SERVER_CORE}, load generator and orchestrator to core ${LOAD_CORE} (taskset)`;
  }
  if (taskset() === null) return 'NOT pinned: taskset (util-linux) is not installed';
  return `NOT pinned: only ${os.cpus().length} core(s)`;
}

/**
 * The command and arguments that run `command args…` on one core: `taskset -c <core> command args…`
 * when pinning is possible, the command itself otherwise. taskset execs the command, so the pid of
 * the spawned process is the command's own pid.
 */
export function pinned(core, command, args) {
  return canPin() ? [taskset(), ['-c', String(core), command, ...args]] : [command, args];
}

/** Moves this process (every thread of it) to one core; does nothing when pinning is impossible. */
export function pinSelf(core) {
  if (!canPin()) return;
  execFileSync(taskset(), ['-a', '-p', '-c', String(core), String(process.pid)], { stdio: 'ignore' });
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; 0 if it is gone. */
export function processCpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; the fields we want follow its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** Busy and total CPU seconds of each core so far, from /proc/stat: `{ cpu0: { busy, total }, … }`. */
export function coreTimes() {
  const cores = {};
  for (const line of fs.readFileSync('/proc/stat', 'utf8').split('\n')) {
    const match = /^(cpu\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = match[2].split(/\s+/).map(Number);
    const idleAll = idle + iowait;
    const total = user + nice + system + idleAll + irq + softirq + steal;
    cores[match[1]] = { busy: (total - idleAll) / CLOCK_TICKS, total: total / CLOCK_TICKS };
  }
  return cores;
}
