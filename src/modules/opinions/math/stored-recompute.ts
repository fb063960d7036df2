/**
 * A recompute from what the database holds, as the database hands it over: the statements, the
 * votes as packed chunks (packed-votes.ts) and the stored result's bytes, both in base64. Out come the
 * new result's JSON bytes and a summary. Every step that costs time in proportion to the map's
 * size (decoding the votes, parsing the previous map, computing, writing the JSON) happens in the
 * thread that runs the job, which in the server is the worker thread, reading from PostgreSQL on
 * its own connection (service/recompute-transaction.ts), so the main thread keeps answering
 * requests (docs/adr/0028).
 */
import { computeOpinionMap, type OpinionMap } from './compute';
import { decodePackedVotes, emptyVoteTable } from './packed-votes';
import { opinionMapFromJson, opinionMapToJson } from './serialize';
import type { StatementTable } from './vote-matrix';

export interface StoredRecomputeStart {
  statements: StatementTable;
  /** How many votes the chunks hold in all. */
  voteCount: number;
  /** The stored result (`opinions_results.result`) in base64; none: a cold start. */
  previousBase64?: string;
}

export interface StoredRecomputeResult {
  /** `opinionMapToJson` of the new map, UTF-8. */
  json: Uint8Array;
  participants: number;
  votes: number;
  groups: number;
  /** True when there was a previous map and it warm-started this one. */
  warm: boolean;
  /** Why the previous map could not be read (the map was then computed cold). */
  previousUnreadable?: string;
}

export interface StoredRecomputeCall {
  start: StoredRecomputeStart;
  /** The packed vote chunks in order (base64 of each). */
  chunks: AsyncIterable<string>;
}

/**
 * Runs one stored recompute in this thread, decoding each chunk as it is read (in the server:
 * the worker thread, reading from its own connection).
 *
 * @throws Error when reading the chunks fails, or when they hold another number of votes than
 * announced.
 */
export async function runStoredRecompute(call: StoredRecomputeCall): Promise<StoredRecomputeResult> {
  const { statements, voteCount, previousBase64 } = call.start;
  const votes = emptyVoteTable(voteCount);
  let received = 0;
  for await (const packed of call.chunks) received = decodePackedVotes(packed, votes, received);
  if (received !== voteCount) {
    throw new Error(`stored recompute: ${received} votes received of ${voteCount} announced`);
  }
  let previous: OpinionMap | undefined;
  let previousUnreadable: string | undefined;
  if (previousBase64 !== undefined) {
    try {
      previous = opinionMapFromJson(Buffer.from(previousBase64, 'base64').toString('utf8'));
    } catch (error) {
      previousUnreadable = error instanceof Error ? error.message : String(error);
    }
  }
  // The votes were decoded for this job alone: the matrix may be built in their memory.
  const map = computeOpinionMap({ statements, votes, reuseVoteArrays: true }, previous);
  return {
    json: new TextEncoder().encode(opinionMapToJson(map)),
    participants: map.counts.participants,
    votes: map.counts.votes,
    groups: map.groups.length,
    warm: previous !== undefined,
    ...(previousUnreadable === undefined ? {} : { previousUnreadable }),
  };
}
