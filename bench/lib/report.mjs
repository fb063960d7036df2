// Rows, the summary table and the JSON file.
//
// A section returns rows: { name, value, unit, target?, pass? }. `target` is the text shown
// (e.g. "≥ 1000"), `pass` whether the value meets it; rows without a target are information.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A row, with PASS/FAIL worked out from a target:
 *   row('uncached', 1234, 'req/s', { min: 1000 })  → target '≥ 1000', pass true
 *   row('startup', 2.1, 's', { below: 3 })        → target '< 3', pass true
 */
export function row(name, value, unit, target, extra = {}) {
  const r = { name, value, unit, ...extra };
  if (target?.min !== undefined) {
    r.target = `≥ ${target.min}`;
    r.pass = value >= target.min;
  } else if (target?.below !== undefined) {
    r.target = `< ${target.below}`;
    r.pass = value < target.below;
  }
  return r;
}

/**
 * The commit measured, and whether what the server is built from (src/, scripts/, package files)
 * differed from it in the working tree. Read-only git commands.
 */
export function gitState(root) {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    const changed = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'src', 'scripts', 'package.json', 'package-lock.json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    ).trim();
    return { commit, uncommittedChanges: changed !== '' };
  } catch {
    return { commit: 'unknown', uncommittedChanges: null };
  }
}

/** The machine and software the figures come from. */
export function machineInfo(facts) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: facts.postgresVersion ?? 'unknown',
    loadAverageAtStart: facts.loadAverageAtStart,
    coresBusyBeforeStart: facts.busyBeforeStart,
  };
}

function formatValue(value) {
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value) || Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

/** The summary table on stdout: section, figure, value, unit, target, result. */
export function printTable(report) {
  const header = ['section', 'figure', 'value', 'unit', 'target', 'result'];
  const lines = report.rows.map((r) => [
    r.section,
    r.name,
    formatValue(r.value),
    r.unit,
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const m = report.machine;
  const git = report.git
    ? `, commit ${report.git.commit}${report.git.uncommittedChanges ? ' + uncommitted changes' : ''}`
    : '';
  console.log(`\nColloquy bench, ${report.date}${git}`);
  console.log(
    `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres}; ` +
      `load average at start ${m.loadAverageAtStart}; cores busy before start ` +
      Object.entries(m.coresBusyBeforeStart ?? {})
        .map(([core, busy]) => `${core} ${Math.round(busy * 100)}%`)
        .join(', '),
  );
  console.log(`${report.settings.pinning}`);
  console.log(
    `${report.settings.connections} connections, pipelining ${report.settings.pipelining}, ` +
      `${report.settings.warmupS} s warm-up + ${report.settings.durationS} s measured per server ` +
      `(in ${report.settings.rounds} slices, servers in turn)\n`,
  );
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(format(l));
  const failed = report.rows.filter((r) => r.pass === false).length;
  const checked = report.rows.filter((r) => r.pass !== undefined).length;
  console.log(`\n${checked - failed}/${checked} targets met.`);
}

/** Writes the report as JSON (bench/results/ is git-ignored). */
export function writeJson(report, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
