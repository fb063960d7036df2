// scripts/build.mjs: the bundle it makes can start the opinion map worker. From the sources the
// worker runs through tsx; once bundled, recomputeInWorker looks for opinions-math-worker.js beside
// the bundle that contains it. Here the build writes into a scratch directory inside the project
// (--outdir), a small probe that imports recomputeInWorker is bundled into the same directory the
// way the server is, and the probe's answer through the built worker must be the map computed in
// this process, byte for byte.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeOpinionMap, opinionMapToJson, statementTable } from '../src/modules/opinions/math';
import { BUNDLED_WORKER_FILE } from '../src/modules/opinions/worker';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const outdir = path.join(ROOT, 'node_modules', '.cache', `build-test-${process.pid}`);

/** A small map with structure: two camps of 30 voters on 12 statements, seeded by arithmetic. */
function votes() {
  const participant: number[] = [];
  const statement: number[] = [];
  const vote: number[] = [];
  for (let p = 0; p < 60; p++) {
    for (let s = 0; s < 12; s++) {
      if ((p * 7 + s * 3) % 5 === 0) continue;
      participant.push(p);
      statement.push(s);
      const camp = p < 30 ? 1 : -1;
      vote.push(s < 6 ? camp : (p + s) % 3 === 0 ? 0 : -camp);
    }
  }
  return {
    participant: Int32Array.from(participant),
    statement: Int32Array.from(statement),
    vote: Int8Array.from(vote),
    time: Float64Array.from(participant, (_, i) => i),
  };
}

beforeAll(async () => {
  await run(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--outdir', outdir, '--force'], {
    cwd: ROOT,
  });
}, 120_000);

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

describe('npm run build', () => {
  it('emits the opinion map worker beside the server bundle', () => {
    expect(fs.existsSync(path.join(outdir, 'server.js'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, BUNDLED_WORKER_FILE))).toBe(true);
  });

  it('lets bundled code recompute a map in the built worker thread', async () => {
    const probeSource = path.join(outdir, 'probe-src.ts');
    fs.writeFileSync(
      probeSource,
      [
        `import { opinionMapToJson, statementTable } from ${JSON.stringify(
          path.join(ROOT, 'src/modules/opinions/math/index.ts'),
        )};`,
        `import { recomputeInWorker } from ${JSON.stringify(path.join(ROOT, 'src/modules/opinions/worker/index.ts'))};`,
        `const input = JSON.parse(process.argv[2]);`,
        `const votes = { participant: Int32Array.from(input.participant), statement: Int32Array.from(input.statement),`,
        `  vote: Int8Array.from(input.vote), time: Float64Array.from(input.time) };`,
        `const statements = statementTable(input.ids.map((id) => ({ id })));`,
        `const map = await recomputeInWorker({ statements, votes });`,
        `process.stdout.write(opinionMapToJson(map));`,
      ].join('\n'),
    );
    // Bundled as scripts/build.mjs bundles the server: one ESM file in the same directory.
    await esbuild.build({
      entryPoints: [probeSource],
      outfile: path.join(outdir, 'probe.js'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      logLevel: 'error',
    });
    const v = votes();
    const arg = JSON.stringify({
      participant: Array.from(v.participant),
      statement: Array.from(v.statement),
      vote: Array.from(v.vote),
      time: Array.from(v.time),
      ids: Array.from({ length: 12 }, (_, id) => id),
    });
    const { stdout } = await run(process.execPath, [path.join(outdir, 'probe.js'), arg], {
      cwd: outdir,
      maxBuffer: 16 * 1024 * 1024,
    });
    const here = computeOpinionMap({
      statements: statementTable(Array.from({ length: 12 }, (_, id) => ({ id }))),
      votes: v,
    });
    expect(here.groups.length).toBeGreaterThanOrEqual(2);
    expect(stdout).toBe(opinionMapToJson(here));
  }, 60_000);

  it('the probe fails loudly without the worker file (the check above is not vacuous)', async () => {
    fs.renameSync(path.join(outdir, BUNDLED_WORKER_FILE), path.join(outdir, 'moved.js'));
    try {
      const failed = await run(process.execPath, [
        path.join(outdir, 'probe.js'),
        JSON.stringify({ participant: [0], statement: [0], vote: [1], time: [0], ids: [0] }),
      ]).then(
        () => null,
        (error: Error & { stderr: string }) => error.stderr,
      );
      expect(failed).toContain('opinion map worker not found');
    } finally {
      fs.renameSync(path.join(outdir, 'moved.js'), path.join(outdir, BUNDLED_WORKER_FILE));
    }
  }, 60_000);
});
