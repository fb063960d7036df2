/**
 * Votes packed as bytes: how a map's votes travel from PostgreSQL to the math engine. The
 * database packs a chunk of them (`encode(string_agg(int4send(participant_id) ||
 * int4send(statement_id) || int2send(vote)), 'base64')`, see openVoteChunks in
 * service/recompute.repo.ts), node-postgres hands it over as one string, and the decoding happens
 * here, where the engine runs: in the worker thread, so the server's main thread only moves text
 * (docs/adr/0028). Base64 of 10 bytes a vote is the least text per vote PostgreSQL can produce
 * (hex would be twice the bytes): fewer large strings on the main thread, fewer of its garbage
 * collections while pages are served.
 *
 * The recompute asks for no time: a map stores one vote per participant and statement (the
 * primary key of opinions_votes), so no vote supersedes another and the engine's `time` column,
 * which only orders superseded votes, is left at 0. The pol.is export wants the times and asks for
 * them (`|| float8send(epoch ms)`, 8 bytes more a vote).
 */
import type { VoteTable } from './vote-matrix';

/** Bytes per vote: participant int4, statement int4, vote int2, all big-endian … */
export const PACKED_VOTE_BYTES = 10;
/** … and with the time: float8 epoch milliseconds after them. */
export const PACKED_VOTE_BYTES_WITH_TIME = 18;

/** An empty vote table with room for `count` votes. */
export function emptyVoteTable(count: number): VoteTable {
  return {
    participant: new Int32Array(count),
    statement: new Int32Array(count),
    vote: new Int8Array(count),
    time: new Float64Array(count),
  };
}

/**
 * Decodes one chunk (base64; line breaks, as PostgreSQL's `encode` writes them, are ignored) into
 * `into` from row `at`; returns the row after the last one written. `withTime`: the chunk carries
 * each vote's time; without, `time` is left as it is.
 *
 * @throws Error when the chunk is not whole votes or does not fit.
 */
export function decodePackedVotes(
  base64: string,
  into: VoteTable,
  at: number,
  { withTime = false }: { withTime?: boolean } = {},
): number {
  const bytes = Buffer.from(base64, 'base64');
  const size = withTime ? PACKED_VOTE_BYTES_WITH_TIME : PACKED_VOTE_BYTES;
  if (bytes.length % size !== 0) {
    throw new Error(`packed votes: ${bytes.length} bytes is not a whole number of votes`);
  }
  const rows = bytes.length / size;
  if (at + rows > into.vote.length) {
    throw new Error(`packed votes: ${at + rows} votes do not fit in ${into.vote.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let o = 0; o < bytes.length; o += size, at++) {
    into.participant[at] = view.getInt32(o);
    into.statement[at] = view.getInt32(o + 4);
    into.vote[at] = view.getInt16(o + 8);
    if (withTime) into.time[at] = view.getFloat64(o + 10);
  }
  return at;
}
