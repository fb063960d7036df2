// `npm test`: the unit, service and route suite, then the browser journeys in Chromium.
// Extra arguments go to both Vitest runs: `npm test -- --reporter=verbose`.
//
// With no Chromium on the machine the browser suite is skipped, loudly, and in CI (CI=true) that
// is a failure: a green CI run must mean the journeys ran.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(
    `Node ${process.version} is too old for the test tools: run \`npm test\`, which uses the project's Node.`,
  );
  process.exit(1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const isCi = process.env.CI === 'true';

/** Runs Vitest with the Node that runs this script (npm puts the project's Node 24 first on PATH). */
function vitest(vitestArgs) {
  const cli = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const result = spawnSync(process.execPath, [cli, 'run', ...vitestArgs], { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  // Killed by a signal (Ctrl-C): report failure rather than a null status.
  return result.status ?? 1;
}

/** CHROMIUM_PATH when set (and only it: a wrong path is reported, not silently replaced), else Debian's. */
function findChromium() {
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((file) => fs.existsSync(file));
}

console.log('\n── Unit, service and route tests ──\n');
// With a filter (`npm test -- qa`), one of the two suites may have nothing matching: not a failure.
const filtered = args.length > 0 ? ['--passWithNoTests'] : [];
const unit = vitest([...filtered, ...args]);

const chromium = findChromium();
if (!chromium) {
  const message =
    (process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.\n` : '') +
    'Browser tests SKIPPED: no Chromium found. Install it with `sudo apt-get install chromium` ' +
    '(or set CHROMIUM_PATH) and run `npm test` again.';
  if (isCi) {
    console.error(`\n${message}\nCI=true: failing, because CI must run the browser tests.`);
    process.exit(1);
  }
  console.log(`\n${message}`);
  process.exit(unit);
}

console.log(`\n── Browser tests (${chromium}) ──\n`);
process.env.CHROMIUM_PATH = chromium;
const e2e = vitest(['--config', 'vitest.e2e.config.ts', '--passWithNoTests', ...args]);

if (unit !== 0 || e2e !== 0) {
  console.error(
    `\nnpm test failed: ${[unit !== 0 && 'unit/service/route tests', e2e !== 0 && 'browser tests']
      .filter(Boolean)
      .join(' and ')}.`,
  );
  process.exit(1);
}
