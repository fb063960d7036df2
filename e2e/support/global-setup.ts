// Builds the app once for the whole browser run, the way production runs it (esbuild bundle,
// migrations and client scripts beside it), into a directory of its own so that a `npm start`
// running from dist/ is left alone. Each spec then starts servers from it (./server.ts).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built server entry the browser tests run (an absolute path). */
    e2eServerEntry: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Named dist/ like the real one: src/server.ts finds its assets beside a bundle in a `dist` folder.
// One directory per run, so that two runs at once (two engineers, one machine) do not rebuild
// each other's bundle underneath a running server.
const runDir = path.join(root, 'node_modules', '.cache', 'colloquy-e2e', String(process.pid));
const outdir = path.join(runDir, 'dist');

export default function setup(project: TestProject): () => void {
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--outdir', outdir], {
      cwd: root,
      stdio: 'inherit',
    });
  } catch {
    throw new Error(
      'The app does not build (see the esbuild errors above), so the browser tests cannot run.',
    );
  }
  project.provide('e2eServerEntry', path.join(outdir, 'server.js'));
  return () => rmSync(runDir, { recursive: true, force: true });
}
