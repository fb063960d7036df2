// Summarises a V8 CPU profile (.cpuprofile, from `node --cpu-prof`, e.g. a bench run with
// BENCH_CPU_PROF=1): where the time went, by area (a package, a folder of src/, Node internals,
// the garbage collector), by function including what it calls, and by function alone.
//
//   npx node bench/profile-summary.mjs bench/results/profiles/session-page-uncached/*.cpuprofile [--top 30]
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const topFlag = args.indexOf('--top');
const top = topFlag === -1 ? 25 : Number(args[topFlag + 1]);
const files = args.filter((a, i) => !a.startsWith('--') && i !== topFlag + 1);
if (files.length === 0) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile>… [--top N]');
  process.exit(2);
}

// The server is one esbuild bundle (dist/server.js) with its dependencies inside (ADR 0013), so a
// frame's URL says little. esbuild starts each bundled module with a comment naming its file
// (`// node_modules/pg/lib/client.js`, `// src/app.tsx`): the last such comment above a frame's
// line says which module it is in. Its line in that module's source comes from the bundle's source
// map (dist/server.js.map), when there is one.
const bundles = new Map();
function bundleOf(url) {
  if (!bundles.has(url)) {
    let bundle;
    try {
      const file = fileURLToPath(url);
      if (fs.statSync(file).mtimeMs > profiledAt) {
        console.warn(
          `! ${file} was rebuilt after the profile was taken: the names and lines below may be wrong. ` +
            'Profile again, then summarise before the next build.\n',
        );
      }
      const starts = [];
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((text, line) => {
          const match = /^\/\/ ((?:node_modules|src)\/\S+)$/.exec(text);
          if (match) starts.push({ line, module: match[1] });
        });
      const map = fs.existsSync(`${file}.map`)
        ? new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')))
        : null;
      bundle = starts.length > 0 ? { starts, map } : null;
    } catch {
      bundle = null;
    }
    bundles.set(url, bundle);
  }
  return bundles.get(url);
}

/** The module a frame's code comes from (e.g. 'node_modules/pg/lib/client.js') and where in it. */
function originOf(frame) {
  const { url, lineNumber, columnNumber } = frame;
  const bundle = url.startsWith('file:') ? bundleOf(url) : null;
  if (!bundle) return { module: url, where: String(lineNumber + 1) };
  let low = 0;
  let high = bundle.starts.length - 1;
  let found = null;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (bundle.starts[mid].line <= lineNumber) {
      found = bundle.starts[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  if (!found) return { module: url.replace(/^.*\//, ''), where: String(lineNumber + 1) };
  const entry = bundle.map?.findEntry(lineNumber, columnNumber);
  const source = entry?.originalSource?.replace(/^.*\//, '');
  const where = !source
    ? `bundle line ${lineNumber + 1}`
    : source === found.module.replace(/^.*\//, '')
      ? String(entry.originalLine + 1)
      : `${source}:${entry.originalLine + 1}`; // the package's own source map, e.g. its .ts file
  return { module: found.module, where };
}

/** Which part of the program a call frame belongs to: a package, a folder of src/, Node… */
function areaOf(frame) {
  const { url, functionName } = frame;
  if (!url) {
    if (['(idle)', '(program)', '(garbage collector)', '(root)'].includes(functionName)) return functionName;
    return '(native / V8 builtins)';
  }
  if (url.startsWith('node:')) return 'node: internals';
  const { module } = originOf(frame);
  const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(module);
  if (pkg) return pkg[1];
  const own = /^src\/(.*)\/[^/]+$/.exec(module);
  if (own) return `colloquy src/${own[1]}`;
  return module.startsWith('src/') ? 'colloquy src' : module;
}

/** "name module:line" for a call frame, e.g. "query pg/lib/client.js:668". */
const keys = new WeakMap();
function keyOf(frame) {
  if (!keys.has(frame)) {
    if (!frame.url) keys.set(frame, frame.functionName || '(anonymous)');
    else {
      const { module, where } = originOf(frame);
      const short = module.replace(/^node_modules\//, '').replace(/^file:\/\/.*\/node_modules\//, '');
      keys.set(frame, `${frame.functionName || '(anonymous)'} ${short}:${where}`);
    }
  }
  return keys.get(frame);
}

// The oldest profile's time: a bundle changed after it no longer matches the profile's positions.
const profiledAt = Math.min(...files.map((file) => fs.statSync(file).mtimeMs));

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
