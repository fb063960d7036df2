/**
 * Runs computeOpinionMap in a worker thread, so the server keeps answering requests while a large
 * conversation is recomputed.
 *
 * One worker serves the calls of this thread one after the other, and ends after `IDLE_MS` without
 * work. Kept between recomputes, its compiled code is warm and its memory already mapped: at 5
 * million votes a fresh worker spends about as much again on compiling the engine and on page
 * faults as on the arithmetic (docs/benchmarks.md, opinions). Ending it when idle hands the memory
 * back. A recompute already fills a core, so calls queue rather than start a second worker. When
 * the worker dies (out of memory, say), the call it was serving fails and the next call starts a
 * new one.
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

/** How long the worker waits for the next call before it ends. */
export const IDLE_MS = 30_000;

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

let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
/** The end of the last call queued: the next one starts after it. */
let queue: Promise<unknown> = Promise.resolve();

export function recomputeInWorker(input: OpinionMapInput, previous?: OpinionMap): Promise<OpinionMap> {
  const call = queue.then(() => runOnWorker(input, previous));
  queue = call.catch(() => undefined);
  return call;
}

/** Ends the worker now, if there is one (tests; a call after it starts a new worker). */
export async function stopRecomputeWorker(): Promise<void> {
  await queue;
  clearTimeout(idleTimer);
  const ending = worker;
  worker = undefined;
  await ending?.terminate();
}

function runOnWorker(input: OpinionMapInput, previous: OpinionMap | undefined): Promise<OpinionMap> {
  clearTimeout(idleTimer);
  if (!worker) {
    const { url, execArgv } = workerEntry();
    worker = new Worker(url, { execArgv });
  }
  const current = worker;
  // Referenced while it works (a script awaiting the map must not exit), not while it waits.
  current.ref();
  return new Promise<OpinionMap>((resolve, reject) => {
    const settle = () => {
      current.off('message', onMessage);
      current.off('error', onError);
      current.off('exit', onExit);
    };
    /** The worker cannot be trusted after a failure of its own: the next call starts another. */
    const discard = () => {
      if (worker === current) worker = undefined;
      void current.terminate();
    };
    const onMessage = (message: { map?: OpinionMap; error?: string }) => {
      settle();
      current.unref();
      idleTimer = setTimeout(() => {
        if (worker === current) worker = undefined;
        void current.terminate();
      }, IDLE_MS);
      idleTimer.unref();
      if (message.map) resolve(message.map);
      else reject(new Error(`opinion map worker: ${message.error ?? 'no answer'}`));
    };
    const onError = (error: unknown) => {
      settle();
      discard();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onExit = (code: number) => {
      settle();
      discard();
      reject(new Error(`opinion map worker exited with code ${code} before answering`));
    };
    current.on('message', onMessage);
    current.on('error', onError);
    current.on('exit', onExit);
    current.postMessage({ input, previous }, transferablesOf(input));
  });
}
