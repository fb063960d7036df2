/**
 * Worker-thread entry: receives { input, previous } messages, one at a time, and answers each with
 * { map } or { error }. The map's typed arrays are transferred back, not copied. Started, and
 * ended when idle, by recomputeInWorker (recompute-in-worker.ts).
 */
import { parentPort } from 'node:worker_threads';
import { computeOpinionMap, type OpinionMap, type OpinionMapInput } from './compute';
import { transferablesOf } from './transferables';

if (!parentPort) throw new Error('worker.ts runs as a worker thread only');
const port = parentPort;
port.on('message', (message: { input: OpinionMapInput; previous?: OpinionMap }) => {
  try {
    // The votes were transferred here: nobody else reads them, so the matrix may be built in them.
    const map = computeOpinionMap({ ...message.input, reuseVoteArrays: true }, message.previous);
    port.postMessage({ map }, transferablesOf(map));
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
