/**
 * Worker-thread entry: receives { input, previous }, answers { map } or { error }. The map's typed
 * arrays are transferred back, not copied. Started by recomputeInWorker (recompute-in-worker.ts).
 */
import { parentPort } from 'node:worker_threads';
import { computeOpinionMap, type OpinionMap, type OpinionMapInput } from './compute';
import { transferablesOf } from './transferables';

if (!parentPort) throw new Error('worker.ts runs as a worker thread only');
const port = parentPort;
port.once('message', (message: { input: OpinionMapInput; previous?: OpinionMap }) => {
  try {
    const map = computeOpinionMap(message.input, message.previous);
    port.postMessage({ map }, transferablesOf(map));
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
