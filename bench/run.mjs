// `npm run bench`: builds dist/ (the npm script does), then runs the benchmark sections and prints
// one summary table, each figure with its target and PASS/FAIL; the same goes to
// bench/results/latest.json (git-ignored). See docs/benchmarks.md for what each figure means.
//
//   npm run bench                          every section
//   npm run bench -- session-page memory   only these
//   npm run bench -- --list                the sections
//   BENCH_DURATION_S=3 npm run bench       shorter throughput runs (other settings: lib/context.mjs)
//
// Runs on Linux (it reads /proc) under Node 24, which `npm run` puts first on PATH. Every server
// it starts gets its own port and its own data directory under the system's temp directory, and
// is stopped before the bench ends, even when it fails or is interrupted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createContext, readSettings } from './lib/context.mjs';
import { coreTimes, LOAD_CORE, pinningNote, pinSelf } from './lib/cpu.mjs';
import { gitState, machineInfo, printTable, writeJson } from './lib/report.mjs';
import { ROOT, stopAll } from './lib/server.mjs';
import { SECTIONS } from './sections/index.mjs';

const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

function fail(message) {
  console.error(`\nbench: ${message}\n`);
  process.exit(1);
}

// ── Preconditions ────────────────────────────────────────────────────────────────────────────────
const args = process.argv.slice(2);
if (args.includes('--list') || args.includes('--help')) {
  console.log('Sections (npm run bench -- <name>…; none means all):');
  for (const s of SECTIONS) console.log(`  ${s.name.padEnd(14)} ${s.description}`);
  process.exit(0);
}
const unknown = args.filter((a) => !SECTIONS.some((s) => s.name === a));
if (unknown.length > 0)
  fail(`unknown section(s): ${unknown.join(', ')}. Known: ${SECTIONS.map((s) => s.name).join(', ')}`);
const selected = args.length === 0 ? SECTIONS : SECTIONS.filter((s) => args.includes(s.name));

if (process.versions.node.split('.')[0] !== '24') {
  fail(`this is Node ${process.version}; the figures must come from Node 24. Run it with \`npm run bench\`.`);
}
if (process.platform !== 'linux') fail('the bench reads /proc: it runs on Linux only.');
if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) {
  fail('dist/server.js is missing. `npm run bench` builds it; `npm run build` does too.');
}

const settings = { ...readSettings(), pinning: pinningNote() };
// This process (and the load generator it starts) stays off the server's core.
pinSelf(LOAD_CORE);

const ctx = createContext({ settings, resultsDir: RESULTS_DIR });
ctx.facts.loadAverageAtStart = os
  .loadavg()
  .map((n) => n.toFixed(2))
  .join(' ');

// How busy the machine is before the bench adds anything: other processes on the server's core
// make every figure lower, so the report says how quiet the machine was.
{
  const before = coreTimes();
  await sleep(1000);
  const after = coreTimes();
  ctx.facts.busyBeforeStart = Object.fromEntries(
    Object.keys(after).map((core) => {
      const busy = (after[core].busy - before[core].busy) / (after[core].total - before[core].total || 1);
      return [core, Math.round(busy * 100) / 100];
    }),
  );
  const busiest = Math.max(...Object.values(ctx.facts.busyBeforeStart));
  if (busiest > 0.15) {
    console.warn(
      `bench: the machine is not quiet (cores busy before start: ${JSON.stringify(ctx.facts.busyBeforeStart)}); ` +
        'other processes will lower the figures',
    );
  }
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\nbench: ${signal}: stopping the servers it started…`);
    void stopAll().finally(() => {
      ctx.cleanup();
      process.exit(130);
    });
  });
}

// ── Sections ─────────────────────────────────────────────────────────────────────────────────────
console.log(`Colloquy bench: ${selected.map((s) => s.name).join(', ')}`);
console.log(`${settings.pinning}; scratch directory ${ctx.scratch}`);
if (settings.cpuProf) {
  console.log(
    `BENCH_CPU_PROF=1: Colloquy runs with --cpu-prof, profiles in ${path.relative(ROOT, RESULTS_DIR)}/profiles/; ` +
      'profiling slows the server, so these figures are not comparable with a normal run.',
  );
}
const began = performance.now();
const sections = {};
try {
  for (const section of selected) {
    console.log(`\n▸ ${section.name}: ${section.description}`);
    const started = performance.now();
    const returned = await section.run(ctx);
    const { rows, details } = Array.isArray(returned) ? { rows: returned, details: undefined } : returned;
    sections[section.name] = { rows, details, seconds: Math.round((performance.now() - started) / 100) / 10 };
  }
} catch (error) {
  console.error(`\nbench FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await stopAll();
  console.error(`Server logs and data directories kept in ${ctx.scratch}`);
  process.exit(1);
}
await stopAll(); // nothing should be left; this is the safety net
ctx.cleanup();

// ── Report ───────────────────────────────────────────────────────────────────────────────────────
const report = {
  date: new Date().toISOString(),
  git: gitState(ROOT),
  machine: machineInfo(ctx.facts),
  settings: {
    durationS: settings.durationS,
    warmupS: settings.warmupS,
    connections: settings.connections,
    pipelining: settings.pipelining,
    rounds: settings.rounds,
    starts: settings.starts,
    pinning: settings.pinning,
    cpuProfiled: settings.cpuProf,
  },
  totalSeconds: Math.round((performance.now() - began) / 1000),
  rows: Object.entries(sections).flatMap(([name, s]) => s.rows.map((r) => ({ section: name, ...r }))),
  sections,
};
printTable(report);
const file = path.join(RESULTS_DIR, 'latest.json');
writeJson(report, file);
console.log(`Written to ${path.relative(ROOT, file)} (${report.totalSeconds} s in all).`);

// Missed targets are reported, not fatal, unless BENCH_STRICT=1 (e.g. in CI).
if (process.env.BENCH_STRICT === '1' && report.rows.some((r) => r.pass === false)) process.exit(1);
