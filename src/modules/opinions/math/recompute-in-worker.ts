/**
 * Runs computeOpinionMap in a worker thread, so the server keeps answering requests while a large
 * conversation is recomputed. One worker per call: a recompute is seconds at most and memory is
 * returned to the system when the worker ends.
 *
 * The input's typed arrays are transferred to the worker, not copied: after the call they are
 * detached (length 0) in the caller. `previous` is copied (the caller usually keeps it).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OpinionMap, OpinionMapInput } from './compute';
import { transferablesOf } from './transferables';

/** File name of the bundled worker, beside the bundle (dist/) that contains this module. */
export const BUNDLED_WORKER_FILE = 'opinions-math-worker.js';

/**
 * Where the worker code is: from the sources (tests, `npm run dev`), worker.ts run through tsx;
 * from a bundle, opinions-math-worker.js beside it.
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  const self = new URL(import.meta.url);
  if (self.pathname.endsWith('.ts')) {
    return { url: new URL('./worker.ts', self), execArgv: ['--import', 'tsx'] };
  }
  const url = new URL(`./${BUNDLED_WORKER_FILE}`, self);
  if (!fs.existsSync(fileURLToPath(url))) {
    throw new Error(`opinion map worker not found at ${fileURLToPath(url)}: the build must emit it`);
  }
  return { url, execArgv: [] };
}

export function recomputeInWorker(input: OpinionMapInput, previous?: OpinionMap): Promise<OpinionMap> {
  const { url, execArgv } = workerEntry();
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { execArgv });
    let settled = false;
    worker.once('message', (message: { map?: OpinionMap; error?: string }) => {
      settled = true;
      void worker.terminate();
      if (message.map) resolve(message.map);
      else reject(new Error(`opinion map worker: ${message.error ?? 'no answer'}`));
    });
    worker.once('error', (error) => {
      if (!settled) reject(error instanceof Error ? error : new Error(String(error)));
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`opinion map worker exited with code ${code} before answering`));
      settled = true;
    });
    worker.postMessage({ input, previous }, transferablesOf(input));
  });
}
