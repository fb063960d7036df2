// Summarises a V8 CPU profile (.cpuprofile, from `node --cpu-prof`, e.g. a bench run with
// BENCH_CPU_PROF=1): where the time went, by function (self time) and by area (a package in
// node_modules, Colloquy's own bundle, Node internals, the garbage collector, idle).
//
//   npx node bench/profile-summary.mjs bench/results/profiles/session-page-uncached/*.cpuprofile [--top 30]
import fs from 'node:fs';

const args = process.argv.slice(2);
const topFlag = args.indexOf('--top');
const top = topFlag === -1 ? 25 : Number(args[topFlag + 1]);
const files = args.filter((a, i) => !a.startsWith('--') && i !== topFlag + 1);
if (files.length === 0) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile>… [--top N]');
  process.exit(2);
}

/** Which part of the program a call frame belongs to. */
function areaOf(frame) {
  const { url, functionName } = frame;
  if (!url) {
    if (['(idle)', '(program)', '(garbage collector)', '(root)'].includes(functionName)) return functionName;
    return '(native / V8 builtins)';
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node: internals';
  if (url.includes('/dist/')) return 'colloquy (dist bundle)';
  return url;
}

/** "name file:line" for a call frame. */
function keyOf(frame) {
  const where = frame.url
    ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${frame.lineNumber + 1}`
    : '';
  return `${frame.functionName || '(anonymous)'} ${where}`.trim();
}

const bySelf = new Map();
const byTotal = new Map();
const byArea = new Map();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  // timeDeltas[i] is the time before sample i; attribute it to the sampled node.
  const selfMicros = new Map();
  profile.samples.forEach((id, i) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  for (const [id, micros] of selfMicros) {
    const frame = nodes.get(id).callFrame;
    const key = keyOf(frame);
    bySelf.set(key, (bySelf.get(key) ?? 0) + micros);
    const area = areaOf(frame);
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
    total += micros;
    // Inclusive time: every function on the stack, counted once even if it recurses.
    const onStack = new Set();
    for (let at = id; at !== undefined; at = parents.get(at)) onStack.add(keyOf(nodes.get(at).callFrame));
    for (const k of onStack) byTotal.set(k, (byTotal.get(k) ?? 0) + micros);
  }
}

const busy = total - (byArea.get('(idle)') ?? 0);
const pct = (micros, of) => `${((micros / of) * 100).toFixed(1).padStart(5)}%`;
console.log(
  `${files.length} profile(s), ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s not idle\n`,
);
console.log('By area (share of non-idle time):');
for (const [area, micros] of [...byArea]
  .filter(([a]) => a !== '(idle)')
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) {
  console.log(`  ${pct(micros, busy)}  ${area}`);
}
const skip = (k) => k.startsWith('(idle)') || k.startsWith('(root)') || k.startsWith('(program)');
console.log(`\nTop ${top} functions by total time, callees included (share of non-idle time):`);
for (const [key, micros] of [...byTotal]
  .filter(([k]) => !skip(k))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) {
  console.log(`  ${pct(micros, busy)}  ${key}`);
}
console.log(`\nTop ${top} functions by self time (share of non-idle time):`);
for (const [key, micros] of [...bySelf]
  .filter(([k]) => !k.startsWith('(idle)'))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) {
  console.log(`  ${pct(micros, busy)}  ${key}`);
}
