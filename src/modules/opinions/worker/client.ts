/**
 * Runs the opinion map engine in a worker thread, so the server keeps answering requests while a
 * large conversation is recomputed: `recomputeInWorker` for typed arrays in hand (the bench, the
 * tests), `recomputeMapInWorker` for a stored map (the server's recompute: the worker reads the
 * votes and the previous map from the database on its own connection, computes, and stores the
 * new map; service/recompute-transaction.ts).
 *
 * One worker serves the calls of this thread one after the other, and ends after `IDLE_MS` without
 * work. Kept between recomputes, its compiled code is warm and its memory already mapped: at 5
 * million votes a fresh worker spends about as much again on compiling the engine and on page
 * faults as on the arithmetic (docs/benchmarks.md, opinions). Ending it when idle hands the memory
 * back. A recompute already fills a core, so calls queue rather than start a second worker. When
 * the worker dies (out of memory, say), the call it was serving fails and the next call starts a
 * new one.
 *
 * recomputeInWorker's typed arrays are transferred to the worker, not copied: after the call they
 * are detached (length 0) in the caller. `previous` is copied (the caller usually keeps it).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OpinionMap, OpinionMapInput } from '../math/compute';
import type { RecomputeRequest, TransactionOutcome } from '../service/recompute-transaction';
import { transferablesOf } from '../math/transferables';
import type { WorkerRequest } from './thread';

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
    return { url: new URL('./thread.ts', self), execArgv: ['--import', 'tsx'] };
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
  return queued(() =>
    callWorker<{ map: OpinionMap }>({ kind: 'map', input, previous }, transferablesOf(input)),
  ).then((answer) => answer.map);
}

/**
 * The whole recompute of a stored map in the worker, on a connection of its own to the database
 * at `connectionString` (service/recompute-transaction.ts): what the server does.
 */
export function recomputeMapInWorker(
  connectionString: string,
  request: RecomputeRequest,
): Promise<TransactionOutcome> {
  return queued(() =>
    callWorker<{ outcome: TransactionOutcome }>({ kind: 'recompute', connectionString, request }),
  ).then((answer) => answer.outcome);
}

/** One call at a time: the next starts when the last one queued has ended. */
function queued<T>(run: () => Promise<T>): Promise<T> {
  const call = queue.then(run);
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

/**
 * Sends one call to the worker and waits for its one answer: `{ error }` rejects. A message that
 * cannot be sent (postMessage throws: something in it cannot be cloned) rejects at once.
 */
function callWorker<T>(message: WorkerRequest, transfer?: ArrayBuffer[]): Promise<T> {
  clearTimeout(idleTimer);
  if (!worker) {
    const { url, execArgv } = workerEntry();
    worker = new Worker(url, { execArgv });
  }
  const current = worker;
  // Referenced while it works (a script awaiting the map must not exit), not while it waits.
  current.ref();
  return new Promise<T>((resolve, reject) => {
    const settle = () => {
      current.off('message', onMessage);
      current.off('error', onError);
      current.off('exit', onExit);
    };
    /** Idle again: unreferenced, and ended after IDLE_MS unless another call comes. */
    const idle = () => {
      current.unref();
      idleTimer = setTimeout(() => {
        if (worker === current) worker = undefined;
        void current.terminate();
      }, IDLE_MS);
      idleTimer.unref();
    };
    /** The worker cannot be trusted after a failure of its own: the next call starts another. */
    const discard = () => {
      if (worker === current) worker = undefined;
      void current.terminate();
    };
    const onMessage = (answer: T | { error: string }) => {
      settle();
      idle();
      if (answer && typeof answer === 'object' && 'error' in answer) {
        reject(new Error(`opinion map worker: ${answer.error}`));
      } else resolve(answer);
    };
    const onError = (error: unknown) => {
      settle();
      discard();
      reject(asError(error));
    };
    const onExit = (code: number) => {
      settle();
      discard();
      reject(new Error(`opinion map worker exited with code ${code} before answering`));
    };
    current.on('message', onMessage);
    current.on('error', onError);
    current.on('exit', onExit);
    try {
      current.postMessage(message, transfer);
    } catch (error) {
      settle();
      idle();
      reject(asError(error));
    }
  });
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
