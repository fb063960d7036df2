import { describe, expect, test } from 'vitest';
import { computeOpinionMap } from './compute';
import {
  decodePackedVotes,
  emptyVoteTable,
  PACKED_VOTE_BYTES,
  PACKED_VOTE_BYTES_WITH_TIME,
} from './packed-votes';
import { createPrng } from './prng';
import { opinionMapToJson } from './serialize';
import { runStoredRecompute, type StoredRecomputeCall } from './stored-recompute';
import { statementTable, voteTable } from './vote-matrix';

type Row = { participant: number; statement: number; vote: number; time: number };

/**
 * What PostgreSQL's `encode(string_agg(int4send || int4send || int2send [|| float8send]), 'base64')`
 * gives for these rows: base64 with a line break every 76 characters.
 */
function packed(rows: readonly Row[], { withTime = false } = {}): string {
  const size = withTime ? PACKED_VOTE_BYTES_WITH_TIME : PACKED_VOTE_BYTES;
  const bytes = Buffer.alloc(rows.length * size);
  rows.forEach((r, i) => {
    const o = i * size;
    bytes.writeInt32BE(r.participant, o);
    bytes.writeInt32BE(r.statement, o + 4);
    bytes.writeInt16BE(r.vote, o + 8);
    if (withTime) bytes.writeDoubleBE(r.time, o + 10);
  });
  return bytes.toString('base64').replace(/.{76}/g, '$&\n');
}

/** Two leanings on 8 statements, 40 participants, a few passes and gaps. */
function rows(seed = 1): Row[] {
  const prng = createPrng(seed);
  const out: Row[] = [];
  for (let p = 0; p < 40; p++) {
    for (let s = 0; s < 8; s++) {
      if (prng.next() < 0.2) continue;
      const vote = prng.next() < 0.1 ? 0 : (p % 2 === 0) === (s % 2 === 0) ? 1 : -1;
      out.push({ participant: 100 + p, statement: 10 + s, vote, time: 1.7e12 + out.length + 0.5 });
    }
  }
  return out;
}

const statements = () => statementTable(Array.from({ length: 8 }, (_, s) => ({ id: 10 + s, moderated: 1 })));

async function* chunksOf(all: readonly Row[], size: number, failAfter?: number): AsyncGenerator<string> {
  for (let at = 0, n = 0; at < all.length; at += size, n++) {
    if (n === failAfter) throw new Error('the database went away');
    yield packed(all.slice(at, at + size));
  }
}

const call = (all: readonly Row[], previousBase64?: string, failAfter?: number): StoredRecomputeCall => ({
  start: { statements: statements(), voteCount: all.length, previousBase64 },
  chunks: chunksOf(all, 37, failAfter),
});
const text = (json: Uint8Array) => Buffer.from(json).toString('utf8');
const base64Of = (json: string) => Buffer.from(json, 'utf8').toString('base64');

describe('decodePackedVotes', () => {
  test('reads the packed rows exactly, from where it is told, with the times when asked', () => {
    const some = rows().slice(0, 12);
    const expected = voteTable(some);
    const columns = (t: typeof expected, n: number) => ({
      participant: Array.from(t.participant.subarray(0, n)),
      statement: Array.from(t.statement.subarray(0, n)),
      vote: Array.from(t.vote.subarray(0, n)),
    });

    const table = emptyVoteTable(14);
    let at = decodePackedVotes(packed(some.slice(0, 9)), table, 0); // 90 bytes: more than one line
    at = decodePackedVotes(packed(some.slice(9)), table, at);
    expect(at).toBe(12);
    expect(columns(table, 12)).toEqual(columns(expected, 12));
    expect(Array.from(table.time.subarray(0, 12)).every((t) => t === 0)).toBe(true);

    const timed = emptyVoteTable(12);
    expect(decodePackedVotes(packed(some, { withTime: true }), timed, 0, { withTime: true })).toBe(12);
    expect(columns(timed, 12)).toEqual(columns(expected, 12));
    expect(Array.from(timed.time)).toEqual(some.map((r) => r.time));
  });

  test('refuses a chunk that is not whole votes, or that does not fit', () => {
    expect(() => decodePackedVotes('AAE=', emptyVoteTable(1), 0)).toThrow('not a whole number of votes');
    expect(() => decodePackedVotes(packed(rows().slice(0, 3)), emptyVoteTable(2), 0)).toThrow(
      '3 votes do not fit in 2',
    );
  });
});

// In the server the stored recompute runs in the worker thread, on its own connection: that path
// is tested with a database in service/recompute.test.ts.
describe('the stored recompute', () => {
  const all = rows();
  const cold = computeOpinionMap({ statements: statements(), votes: voteTable(all) });
  const more = [...all, ...rows(2).map((r) => ({ ...r, participant: r.participant + 1000 }))];
  more.sort((a, b) => a.participant - b.participant);
  const warm = computeOpinionMap({ statements: statements(), votes: voteTable(more) }, cold);

  test('gives the same bytes as the engine on typed arrays, cold and warm', async () => {
    const coldResult = await runStoredRecompute(call(all));
    expect(text(coldResult.json)).toBe(opinionMapToJson(cold));
    expect(coldResult).toMatchObject({
      participants: 40,
      votes: all.length,
      groups: cold.groups.length,
      warm: false,
    });

    const warmResult = await runStoredRecompute(call(more, base64Of(opinionMapToJson(cold))));
    expect(text(warmResult.json)).toBe(opinionMapToJson(warm));
    expect(warmResult.warm).toBe(true);
  });

  test('computes cold, and says why, when the stored map cannot be read', async () => {
    const result = await runStoredRecompute(call(all, base64Of('{"not": "a map"')));
    expect(text(result.json)).toBe(opinionMapToJson(cold));
    expect(result.warm).toBe(false);
    expect(result.previousUnreadable).toMatch(/JSON/);
  });

  test('fails with the reader’s error, or when the votes are not as many as announced', async () => {
    await expect(runStoredRecompute(call(all, undefined, 2))).rejects.toThrow('the database went away');
    await expect(
      runStoredRecompute({
        start: { statements: statements(), voteCount: all.length + 1 },
        chunks: chunksOf(all, 50),
      }),
    ).rejects.toThrow(`${all.length} votes received of ${all.length + 1} announced`);
  });
});
