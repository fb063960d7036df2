// Opinion maps: how long the math engine (src/modules/opinions/math) takes to recompute a map.
//
//   - every pol.is conversation in ../shared/data/polis that has votes: a full recompute (no
//     previous map), first call in the process and median of 5 after it;
//   - a generated conversation of 100,000 participants × 2,000 statements × 5,000,000 votes: the
//     first (cold) recompute in a fresh process, then an incremental one after 10,000 new votes
//     (starting from the previous map; once, then 3 more times, which must give the same bytes),
//     and the peak memory of the process. Wall clock and CPU time (process.cpuUsage); the targets
//     are checked on CPU time, which a shared machine disturbs far less.
//
// The computation runs in a child process on the server's core (`taskset -c 1`, like the servers
// of the other sections), loading the TypeScript sources through tsx. This file is also that
// child: `node --import tsx bench/sections/opinions.mjs --child polis|generated` prints one JSON
// line. Vote rows are handed over grouped by participant, as `ORDER BY participant` returns them
// from the database, with the votes people changed still in; the incremental figure is also given
// for rows as the service reads them (the current vote only, ORDER BY participant, statement) and
// for rows in arrival order.
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
      row(`${c.name} (${c.participants} × ${c.statements}, ${c.votes} votes), median of 5`, c.medianMs, 'ms'),
    );
    rows.push(
      row(`${c.name}, CPU time, median of 5`, c.medianCpuMs, 'ms', target ? { below: target } : undefined),
    );
    rows.push(row(`${c.name}, first call in the process`, c.firstMs, 'ms'));
  }
  if (polis.conversations.length === 0)
    rows.push(row(`pol.is open data absent (${polis.dir})`, 0, 'conversations'));
  const g = generated;
  const size = `${g.participants / 1000}k × ${g.statements} × ${g.votes / 1e6}M`;
  // The targets are on CPU time: the machine this runs on is shared, and wall-clock time there
  // measures the neighbours as much as the engine (docs/benchmarks.md).
  rows.push(row(`generated ${size}: cold (first call, fresh process)`, g.coldMs / 1000, 's'));
  rows.push(row(`generated ${size}: cold, CPU time`, g.coldCpuMs / 1000, 's', { below: 5 }));
  rows.push(row(`generated: incremental after ${g.newVotes} new votes`, g.incrementalMs / 1000, 's'));
  rows.push(row('generated: incremental, CPU time', g.incrementalCpuMs / 1000, 's', { below: 1 }));
  rows.push(row('generated: incremental, CPU time, median of 3 more', g.incrementalCpuMedianMs / 1000, 's'));
  rows.push(
    row(
      'generated: incremental in the caller’s thread (matrix in fresh memory), CPU time',
      g.incrementalInThreadCpuMs / 1000,
      's',
    ),
  );
  rows.push(
    row(
      'generated: incremental, rows as the service loads them (current votes, by participant and statement), CPU time',
      g.incrementalServiceCpuMs / 1000,
      's',
    ),
  );
  rows.push(
    row(
      'generated: incremental, rows in arrival order (not grouped), CPU time',
      g.incrementalUngroupedCpuMs / 1000,
      's',
    ),
  );
  rows.push(
    row('generated: cold in a fresh worker (recomputeInWorker), CPU time', g.workerColdCpuMs / 1000, 's'),
  );
  rows.push(
    row(
      'generated: incremental in the same worker, warm (recomputeInWorker), CPU time',
      g.workerIncrementalCpuMs / 1000,
      's',
    ),
  );
  rows.push(
    row('generated: the same incremental again in that worker, CPU time', g.workerAgainCpuMs / 1000, 's'),
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
export function generate(createPrng, { participants, statements, votes }) {
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
export function mergeGrouped(base, extra) {
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

/** One recompute: the map, wall clock and CPU time, and both per phase. */
function timed(math, input, previous) {
  const phases = {};
  const phasesCpu = {};
  const cpu = process.cpuUsage();
  const started = performance.now();
  let phaseCpu = process.cpuUsage();
  const map = math.computeOpinionMap(input, previous, (phase, ms) => {
    phases[phase] = round(ms);
    phasesCpu[phase] = round(cpuMs(phaseCpu));
    phaseCpu = process.cpuUsage();
  });
  return { map, ms: performance.now() - started, cpuMs: cpuMs(cpu), phases, phasesCpu };
}

/** One recompute through recomputeInWorker: the map, wall clock and CPU time of the process. */
async function timedInWorker(worker, input, previous) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const map = await worker.recomputeInWorker(input, previous);
  return { map, ms: performance.now() - started, cpuMs: cpuMs(cpu) };
}

function copyTable(table) {
  return {
    participant: table.participant.slice(),
    statement: table.statement.slice(),
    vote: table.vote.slice(),
    time: table.time.slice(),
  };
}

/** The rows of a vote matrix: one per (participant, statement), by participant then statement. */
function latestRows(matrix) {
  const n = matrix.column.length;
  const rows = {
    participant: new Int32Array(n),
    statement: new Int32Array(n),
    vote: Int8Array.from(matrix.value),
    time: new Float64Array(n),
  };
  for (let p = 0; p < matrix.participantIds.length; p++) {
    for (let k = matrix.rowStart[p]; k < matrix.rowStart[p + 1]; k++) {
      rows.participant[k] = matrix.participantIds[p];
      rows.statement[k] = matrix.statementIds[matrix.column[k]];
    }
  }
  return rows;
}

async function childGenerated() {
  const math = await import(path.join(ROOT, 'src/modules/opinions/math/index.ts'));
  const worker = await import(path.join(ROOT, 'src/modules/opinions/worker/index.ts'));
  const vm = await import(path.join(ROOT, 'src/modules/opinions/math/vote-matrix.ts'));
  const { createPrng } = await import(path.join(ROOT, 'src/modules/opinions/math/prng.ts'));
  const size = { participants: 100_000, statements: 2_000, votes: 5_000_000 };
  const { table, vote, prng } = generate(createPrng, size);
  const statements = math.statementTable(Array.from({ length: size.statements }, (_, id) => ({ id })));

  // The worker owns the votes transferred to it and lets the engine build the vote matrix in them
  // (`reuseVoteArrays`); each timed call here gets a fresh copy to do the same with, made before
  // the clock starts.
  const cold = timed(math, { statements, votes: copyTable(table), reuseVoteArrays: true });

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

  const incremental = timed(math, { statements, votes: copyTable(merged), reuseVoteArrays: true }, cold.map);
  const again = [];
  for (let i = 0; i < 3; i++) {
    const run = timed(math, { statements, votes: copyTable(merged), reuseVoteArrays: true }, cold.map);
    again.push(run.cpuMs);
    if (math.opinionMapToJson(run.map) !== math.opinionMapToJson(incremental.map))
      throw new Error('the same incremental recompute gave a different map');
  }
  again.sort((a, b) => a - b);
  // In the caller's thread (the service's inThread path): fresh memory for the matrix.
  const inThread = timed(math, { statements, votes: merged }, cold.map);
  if (math.opinionMapToJson(inThread.map) !== math.opinionMapToJson(incremental.map))
    throw new Error('building the matrix in the vote arrays changed the map');

  // As the service reads them (service/results.repo.ts): one row per (participant, statement),
  // the current vote, ORDER BY participant, statement.
  const latest = latestRows(vm.buildVoteMatrix(statements, merged));
  const service = timed(math, { statements, votes: latest, reuseVoteArrays: true }, cold.map);

  // The same votes in arrival order: the new rows after the old ones.
  const appended = {};
  for (const key of ['participant', 'statement', 'vote', 'time']) {
    const Ctor = table[key].constructor;
    const all = new Ctor(table[key].length + newVotes);
    all.set(table[key]);
    all.set(extra[key], table[key].length);
    appended[key] = all;
  }
  const ungrouped = timed(math, { statements, votes: appended, reuseVoteArrays: true }, cold.map);

  // Through recomputeInWorker, as the service calls it: a fresh worker for the first map (it loads
  // and compiles the engine, here from the TypeScript sources through tsx), the same worker, warm,
  // for the next. CPU time is the whole process's, worker thread included.
  const statementsCopy = () => ({
    id: statements.id.slice(),
    moderated: statements.moderated.slice(),
    isMeta: statements.isMeta.slice(),
  });
  const workerCold = await timedInWorker(worker, { statements: statementsCopy(), votes: copyTable(table) });
  const workerIncremental = await timedInWorker(
    worker,
    { statements: statementsCopy(), votes: copyTable(merged) },
    workerCold.map,
  );
  // The same update again in the same worker: what each update costs once the worker has run one.
  const workerAgain = await timedInWorker(
    worker,
    { statements: statementsCopy(), votes: copyTable(merged) },
    workerCold.map,
  );
  await worker.stopRecomputeWorker();
  for (const run of [workerIncremental, workerAgain])
    if (math.opinionMapToJson(run.map) !== math.opinionMapToJson(incremental.map))
      throw new Error('the worker gave another map than the same computation in this thread');

  return {
    ...size,
    newVotes,
    coldMs: round(cold.ms),
    coldCpuMs: round(cold.cpuMs),
    coldLanczosSteps: cold.map.pca.lanczosSteps,
    coldPhases: cold.phases,
    coldPhasesCpu: cold.phasesCpu,
    incrementalMs: round(incremental.ms),
    incrementalCpuMs: round(incremental.cpuMs),
    incrementalLanczosSteps: incremental.map.pca.lanczosSteps,
    incrementalPhases: incremental.phases,
    incrementalPhasesCpu: incremental.phasesCpu,
    incrementalCpuMedianMs: round(again[1]),
    incrementalInThreadCpuMs: round(inThread.cpuMs),
    incrementalServiceCpuMs: round(service.cpuMs),
    incrementalUngroupedMs: round(ungrouped.ms),
    incrementalUngroupedCpuMs: round(ungrouped.cpuMs),
    workerColdMs: round(workerCold.ms),
    workerColdCpuMs: round(workerCold.cpuMs),
    workerIncrementalMs: round(workerIncremental.ms),
    workerIncrementalCpuMs: round(workerIncremental.cpuMs),
    workerAgainMs: round(workerAgain.ms),
    workerAgainCpuMs: round(workerAgain.cpuMs),
    groups: incremental.map.groups.map((group) => group.size),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

if (process.argv[1] === SELF && process.argv[2] === '--child') {
  const job = process.argv[3];
  const result = job === 'polis' ? await childPolis() : job === 'generated' ? await childGenerated() : null;
  if (!result) throw new Error(`unknown child job ${job}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
