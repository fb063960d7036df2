/**
 * The opinion maps' worker thread: its entry, started (and ended when idle) by client.ts. It serves one call
 * at a time, in the order the messages come:
 * - `{ kind: 'map', input, previous }` → `{ map }`: computeOpinionMap on typed arrays;
 * - `{ kind: 'begin', start }`, then `{ kind: 'votes', packed }` per chunk, then `{ kind: 'end' }` →
 *   `{ stored }`: a recompute from the database's own forms (stored-recompute.ts), fed by the
 *   caller; `{ kind: 'abort' }` instead of `end` drops it and answers `{ error }`;
 * - `{ kind: 'recompute', connectionString, request }` → `{ outcome }`: the whole recompute of a
 *   stored map, its transaction on a connection of this thread's own, opened for the call and
 *   closed after it (service/recompute-transaction.ts). This is what the server uses: the engine
 *   (math/) stays pure, and the votes and maps never cross into the main thread.
 * Any failure answers `{ error }`. Typed arrays and the JSON bytes go back transferred, not copied.
 */
import { parentPort } from 'node:worker_threads';
import pg from 'pg';
import { computeOpinionMap, type OpinionMap, type OpinionMapInput } from '../math/compute';
import { runStoredRecompute, StoredRecompute, type StoredRecomputeStart } from '../math/stored-recompute';
import { transferablesOf } from '../math/transferables';
import { recomputeInTransaction, type RecomputeRequest } from '../service/recompute-transaction';

export type WorkerRequest =
  | { kind: 'map'; input: OpinionMapInput; previous?: OpinionMap }
  | { kind: 'begin'; start: StoredRecomputeStart }
  | { kind: 'votes'; packed: string }
  | { kind: 'end' }
  | { kind: 'abort' }
  | { kind: 'recompute'; connectionString: string; request: RecomputeRequest };

if (!parentPort) throw new Error('worker/thread.ts runs as a worker thread only');
const port = parentPort;

/** The stored recompute being fed; the first error it met is kept for the answer to `end`. */
let job: { recompute: StoredRecompute | undefined; failure: string | undefined } | undefined;

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
    case 'begin':
      try {
        job = { recompute: new StoredRecompute(message.start), failure: undefined };
      } catch (error) {
        job = { recompute: undefined, failure: messageOf(error) };
      }
      return;
    case 'votes':
      if (!job?.recompute) return;
      try {
        job.recompute.addVotes(message.packed);
      } catch (error) {
        job = { recompute: undefined, failure: messageOf(error) };
      }
      return;
    case 'end': {
      const current = job;
      job = undefined;
      try {
        if (!current?.recompute) throw new Error(current?.failure ?? 'no recompute was begun');
        const stored = current.recompute.finish();
        port.postMessage({ stored }, [stored.json.buffer as ArrayBuffer]);
      } catch (error) {
        port.postMessage({ error: messageOf(error) });
      }
      return;
    }
    case 'abort':
      job = undefined;
      port.postMessage({ error: 'aborted by the caller' });
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
