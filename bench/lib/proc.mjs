// Reading processes from /proc (Linux): descendants of a process, their names, their memory.
import fs from 'node:fs';

/** The pids of every process whose parent is `pid` (one level). */
export function childrenOf(pid) {
  const children = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) comes right after the command name, which is in parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while we were reading: not a child any more.
    }
  }
  return children;
}

/** Every process below `pid` (children, grandchildren…), depth first. */
export function descendantsOf(pid) {
  const all = [];
  for (const child of childrenOf(pid)) all.push(child, ...descendantsOf(child));
  return all;
}

/** The command line of a process, space-separated, or '' if it is gone. */
export function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** The short name of a process (/proc/<pid>/comm), e.g. 'node' or 'postgres'. */
export function processName(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** True when a process with this pid exists (and is not a zombie). */
export function isRunning(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Resident set size in bytes, from the VmRSS line of /proc/<pid>/status (what `ps` and `top`
 * show). Pages shared with other processes (libraries, PostgreSQL's shared buffers) count in full
 * in every process that touched them, so a sum of RSS over several processes over-counts.
 */
export function rssBytes(pid) {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * Proportional set size in bytes, from /proc/<pid>/smaps_rollup: each shared page is divided
 * among the processes that map it, so PSS can be summed over a group of processes. Needs
 * permission to read the process's memory map (same user or root); null otherwise.
 */
export function pssBytes(pid) {
  try {
    const match = /^Pss:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export const MB = 1024 * 1024;
