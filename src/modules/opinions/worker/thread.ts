/**
 * The opinion maps' worker thread: its entry, started (and ended when idle) by client.ts. It serves one call
 * at a time, in the order the messages come:
 * - `{ kind: 'map', input, previous }` → `{ map }`: computeOpinionMap on typed arrays;
 * - `{ kind: 'recompute', connectionString, request }` → `{ outcome }`: the whole recompute of a
 *   stored map (service/recompute-transaction.ts, with math/stored-recompute.ts), its transaction
 *   on a connection of this thread's own, opened for the call and closed after it. This is what
 *   the server uses: the engine (math/) stays pure, and the votes and maps never cross into the
 *   main thread.
 * Any failure answers `{ error }`. Typed arrays and the JSON bytes go back transferred, not copied.
 */
import { parentPort } from 'node:worker_threads';
import pg from 'pg';
import { computeOpinionMap, type OpinionMap, type OpinionMapInput } from '../math/compute';
import { runStoredRecompute } from '../math/stored-recompute';
import { transferablesOf } from '../math/transferables';
import { recomputeInTransaction, type RecomputeRequest } from '../service/recompute-transaction';

export type WorkerRequest =
  | { kind: 'map'; input: OpinionMapInput; previous?: OpinionMap }
  | { kind: 'recompute'; connectionString: string; request: RecomputeRequest };

if (!parentPort) throw new Error('worker/thread.ts runs as a worker thread only');
const port = parentPort;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

port.on('message', (message: WorkerRequest) => {
  switch (message.kind) {
    case 'map':
      try {
        // The votes were transferred here: nobody else reads them, so the matrix may be built in them.
        const map = computeOpinionMap({ ...message.input, reuseVoteArrays: true }, message.previous);
        port.postMessage({ map }, transferablesOf(map));
      } catch (error) {
        port.postMessage({ error: messageOf(error) });
      }
      return;
    case 'recompute':
      void recomputeStored(message.connectionString, message.request).then(
        (outcome) => port.postMessage({ outcome }),
        (error: unknown) => port.postMessage({ error: messageOf(error) }),
      );
      return;
  }
});

async function recomputeStored(connectionString: string, request: RecomputeRequest) {
  const client = new pg.Client({ connectionString, application_name: 'colloquy-recompute' });
  await client.connect();
  try {
    return await recomputeInTransaction(client, request, runStoredRecompute);
  } finally {
    await client.end();
  }
}
