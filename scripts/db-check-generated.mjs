// Fails when the Drizzle tables (src/**/*.tables.ts) and the committed migrations disagree, i.e.
// when someone changed a table but did not run `npm run db:generate`.
//
// It runs `drizzle-kit generate` with the project's drizzle.config.ts, but writes into a temporary
// copy of src/db/migrations, so nothing in the working tree is ever touched. The tree is in sync
// when drizzle-kit says "No schema changes" and has written no file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const migrations = path.join(root, 'src', 'db', 'migrations');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'colloquy-db-check-'));

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

let exitCode = 0;
try {
  const out = path.join(temp, 'migrations');
  if (fs.existsSync(migrations)) fs.cpSync(migrations, out, { recursive: true });
  const before = listFiles(out);

  // The project's config, with only the output folder changed.
  const config = path.join(temp, 'drizzle.check.config.ts');
  fs.writeFileSync(
    config,
    `import base from ${JSON.stringify(path.join(root, 'drizzle.config.ts'))};\n` +
      // drizzle-kit reads `out` relative to the working directory, whatever it looks like.
      `export default { ...base, out: ${JSON.stringify(path.relative(root, out))} };\n`,
  );

  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'drizzle-kit', 'bin.cjs'), 'generate', '--config', config],
    {
      cwd: root,
      encoding: 'utf8',
      // No terminal: drizzle-kit cannot ask its rename questions. Such a change needs a person anyway.
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const created = listFiles(out).filter((file) => !before.includes(file));

  if (result.status === 0 && output.includes('No schema changes') && created.length === 0) {
    console.log('db:check: the migrations match the tables (drizzle-kit generate: no schema changes).');
  } else if (result.status === 0 || created.length > 0) {
    exitCode = 1;
    console.error(output.trim());
    console.error(
      '\ndb:check FAILED: the tables in src/**/*.tables.ts differ from the committed migrations' +
        (created.length > 0 ? ` (drizzle-kit would write ${created.join(', ')})` : '') +
        '.\nRun `npm run db:generate -- --name <what_changed>`, read the SQL it writes, and commit it.',
    );
  } else {
    exitCode = 1;
    console.error(output.trim());
    console.error(
      `\ndb:check FAILED: drizzle-kit generate did not run to the end (${result.error?.message ?? `exit code ${result.status}`}).` +
        '\nIf it stopped to ask whether a column was renamed, run `npm run db:generate` yourself and answer it.',
    );
  }
} finally {
  fs.rmSync(temp, { recursive: true, force: true });
}
process.exit(exitCode);
