// Opinion maps: how long the math engine (src/modules/opinions/math) takes to recompute a map.
//
//   - every pol.is conversation in ../shared/data/polis that has votes: a full recompute (no
//     previous map), first call in the process and median of 5 after it;
//   - a generated conversation of 100,000 participants × 2,000 statements × 5,000,000 votes: the
//     first (cold) recompute in a fresh process, then an incremental one after 10,000 new votes
//     (starting from the previous map), and the peak memory of the process.
//
// The computation runs in a child process on the server's core (`taskset -c 1`, like the servers
// of the other sections), loading the TypeScript sources through tsx. This file is also that
// child: `node --import tsx bench/sections/opinions.mjs --child polis|generated` prints one JSON
// line. Vote rows are handed over grouped by participant, as `ORDER BY participant` returns them
// from the database; the incremental figure is also given for rows in arrival order.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinned, SERVER_CORE } from '../lib/cpu.mjs';
import { row } from '../lib/report.mjs';
import { ROOT } from '../lib/server.mjs';

export const name = 'opinions';
export const description =
  'opinion map recompute on one core: pol.is conversations, and 100k × 2k × 5M votes (cold, incremental, memory)';

const SELF = fileURLToPath(import.meta.url);
const TARGET_MS = { 'american-assembly.bowling-green': 150 };

export async function run() {
  const polis = await child('polis');
  const generated = await child('generated');
  const rows = [];
  for (const c of polis.conversations) {
    const target = TARGET_MS[c.name];
    rows.push(
      row(
        `${c.name} (${c.participants} × ${c.statements}, ${c.votes} votes), median of 5`,
        c.medianMs,
        'ms',
        target ? { below: target } : undefined,
      ),
    );
    rows.push(row(`${c.name}, CPU time, median of 5`, c.medianCpuMs, 'ms'));
    rows.push(row(`${c.name}, first call in the process`, c.firstMs, 'ms'));
  }
  if (polis.conversations.length === 0)
    rows.push(row(`pol.is open data absent (${polis.dir})`, 0, 'conversations'));
  const g = generated;
  const size = `${g.participants / 1000}k × ${g.statements} × ${g.votes / 1e6}M`;
  rows.push(row(`generated ${size}: cold (first call, fresh process)`, g.coldMs / 1000, 's', { below: 5 }));
  rows.push(row(`generated ${size}: cold, CPU time`, g.coldCpuMs / 1000, 's'));
  rows.push(
    row(`generated: incremental after ${g.newVotes} new votes`, g.incrementalMs / 1000, 's', { below: 1 }),
  );
  rows.push(row('generated: incremental, CPU time', g.incrementalCpuMs / 1000, 's'));
  rows.push(
    row('generated: incremental, rows in arrival order (not grouped)', g.incrementalUngroupedMs / 1000, 's'),
  );
  rows.push(row('generated: peak memory of the process (max RSS)', g.maxRssMb, 'MB', { below: 1536 }));
  return { rows, details: { polis, generated } };
}

/** Runs this file as a child on the server's core and returns the JSON it prints. */
function child(job) {
  const [command, args] = pinned(SERVER_CORE, process.execPath, ['--import', 'tsx', SELF, '--child', job]);
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 600_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`opinions bench child "${job}" failed: ${error.message}\n${stderr}`));
          return;
        }
        const last = stdout.trim().split('\n').at(-1) ?? '';
        resolve(JSON.parse(last));
      },
    );
  });
}

// ── Child ────────────────────────────────────────────────────────────────────────────────────────

const cpuMs = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const round = (ms) => Math.round(ms * 10) / 10;

async function childPolis() {
  const math = await import(path.join(ROOT, 'src/modules/opinions/math/index.ts'));
  const data = await import(path.join(ROOT, 'src/modules/opinions/math/polis-open-data.ts'));
  const conversations = [];
  for (const conversationName of data.listPolisConversations()) {
    const c = data.readPolisConversation(conversationName);
    const compute = () => math.computeOpinionMap({ statements: c.statements, votes: c.votes });
    let started = performance.now();
    const map = compute();
    const firstMs = performance.now() - started;
    const times = [];
    const cpuTimes = [];
    for (let i = 0; i < 5; i++) {
      const cpu = process.cpuUsage();
      started = performance.now();
      compute();
      times.push(performance.now() - started);
      cpuTimes.push(cpuMs(cpu));
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    conversations.push({
      name: conversationName,
      participants: map.counts.participants,
      statements: map.counts.statements,
      votes: map.counts.votes,
      votesFrom: c.votesFrom,
      firstMs: round(firstMs),
      medianMs: round(times[2]),
      medianCpuMs: round(cpuTimes[2]),
      groups: map.groups.length,
    });
  }
  return { dir: data.POLIS_DATA_DIR, conversations };
}

/**
 * A conversation with opinion structure: three latent groups of participants in a plane,
 * statements with a position in the same plane, agree more likely when the two point the same
 * way; some statements far more voted on than others; 10 % passes. Seeded, so every run measures
 * the same votes.
 */
function generate(createPrng, { participants, statements, votes }) {
  const prng = createPrng(20_240_601);
  const px = new Float64Array(participants);
  const py = new Float64Array(participants);
  for (let p = 0; p < participants; p++) {
    const g = p % 3;
    px[p] = [1, -1, 0][g] + (prng.next() - 0.5);
    py[p] = [0, 0, 1.5][g] + (prng.next() - 0.5);
  }
  const sx = Float64Array.from({ length: statements }, () => prng.next() * 4 - 2);
  const sy = Float64Array.from({ length: statements }, () => prng.next() * 4 - 2);
  const vote = (p, s) => {
    if (prng.next() < 0.1) return 0;
    const agree = 1 / (1 + Math.exp(-2 * (px[p] * sx[s] + py[p] * sy[s] + 0.3)));
    return prng.next() < agree ? 1 : -1;
  };
  const table = {
    participant: new Int32Array(votes),
    statement: new Int32Array(votes),
    vote: new Int8Array(votes),
    time: new Float64Array(votes),
  };
  // Rows grouped by participant (ascending), each participant's votes in time order.
  const perParticipant = votes / participants;
  for (let r = 0; r < votes; r++) {
    const p = Math.floor(r / perParticipant);
    const s = Math.floor(prng.next() ** 1.5 * statements);
    table.participant[r] = p;
    table.statement[r] = s;
    table.vote[r] = vote(p, s);
    table.time[r] = r;
  }
  return { table, vote, prng };
}

/** The rows of `base` and `extra` in one table, grouped by participant (stable within one). */
function mergeGrouped(base, extra) {
  const n = base.vote.length + extra.vote.length;
  const out = {
    participant: new Int32Array(n),
    statement: new Int32Array(n),
    vote: new Int8Array(n),
    time: new Float64Array(n),
  };
  const order = Array.from(extra.vote.keys()).sort(
    (a, b) => extra.participant[a] - extra.participant[b] || a - b,
  );
  let i = 0;
  let e = 0;
  const copy = (from, r) => {
    out.participant[i] = from.participant[r];
    out.statement[i] = from.statement[r];
    out.vote[i] = from.vote[r];
    out.time[i] = from.time[r];
    i++;
  };
  for (let r = 0; r < base.vote.length; r++) {
    while (e < order.length && extra.participant[order[e]] < base.participant[r]) copy(extra, order[e++]);
    copy(base, r);
  }
  while (e < order.length) copy(extra, order[e++]);
  return out;
}

async function childGenerated() {
  const math = await import(path.join(ROOT, 'src/modules/opinions/math/index.ts'));
  const { createPrng } = await import(path.join(ROOT, 'src/modules/opinions/math/prng.ts'));
  const size = { participants: 100_000, statements: 2_000, votes: 5_000_000 };
  const { table, vote, prng } = generate(createPrng, size);
  const statements = math.statementTable(Array.from({ length: size.statements }, (_, id) => ({ id })));

  let cpu = process.cpuUsage();
  let started = performance.now();
  const coldPhases = {};
  const cold = math.computeOpinionMap(
    { statements, votes: table },
    undefined,
    (phase, ms) => (coldPhases[phase] = round(ms)),
  );
  const coldMs = performance.now() - started;
  const coldCpuMs = cpuMs(cpu);

  // 10,000 new votes: 9,000 from existing participants (new votes and changed ones), 1,000 from
  // 100 newcomers.
  const newVotes = 10_000;
  const extra = {
    participant: new Int32Array(newVotes),
    statement: new Int32Array(newVotes),
    vote: new Int8Array(newVotes),
    time: new Float64Array(newVotes),
  };
  for (let r = 0; r < newVotes; r++) {
    const p =
      r < 9_000 ? Math.floor(prng.next() * size.participants) : size.participants + ((r - 9_000) % 100);
    const s = Math.floor(prng.next() * size.statements);
    extra.participant[r] = p;
    extra.statement[r] = s;
    extra.vote[r] = vote(Math.min(p, size.participants - 1), s);
    extra.time[r] = size.votes + r;
  }
  const merged = mergeGrouped(table, extra);

  cpu = process.cpuUsage();
  started = performance.now();
  const incrementalPhases = {};
  const incremental = math.computeOpinionMap(
    { statements, votes: merged },
    cold,
    (phase, ms) => (incrementalPhases[phase] = round(ms)),
  );
  const incrementalMs = performance.now() - started;
  const incrementalCpuMs = cpuMs(cpu);

  // The same votes in arrival order: the new rows after the old ones.
  const appended = {};
  for (const key of ['participant', 'statement', 'vote', 'time']) {
    const Ctor = table[key].constructor;
    const all = new Ctor(table[key].length + newVotes);
    all.set(table[key]);
    all.set(extra[key], table[key].length);
    appended[key] = all;
  }
  started = performance.now();
  math.computeOpinionMap({ statements, votes: appended }, cold);
  const incrementalUngroupedMs = performance.now() - started;

  return {
    ...size,
    newVotes,
    coldMs: round(coldMs),
    coldCpuMs: round(coldCpuMs),
    coldLanczosSteps: cold.pca.lanczosSteps,
    coldPhases,
    incrementalMs: round(incrementalMs),
    incrementalCpuMs: round(incrementalCpuMs),
    incrementalLanczosSteps: incremental.pca.lanczosSteps,
    incrementalPhases,
    incrementalUngroupedMs: round(incrementalUngroupedMs),
    groups: incremental.groups.map((group) => group.size),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

if (process.argv[1] === SELF && process.argv[2] === '--child') {
  const job = process.argv[3];
  const result = job === 'polis' ? await childPolis() : job === 'generated' ? await childGenerated() : null;
  if (!result) throw new Error(`unknown child job ${job}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
