import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  exportPolisComments,
  exportPolisParticipantsVotes,
  exportPolisVotes,
  importPolisComments,
  importPolisParticipantsVotes,
  importPolisVotes,
  parseCsv,
  PolisImportError,
} from './polis-csv';
import { buildVoteMatrix } from './vote-matrix';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'london.youth.policing');
const read = (file: string) => fs.readFileSync(path.join(FIXTURE, file));

/** The error a call throws (fails the test when it does not throw). */
function errorOf(run: () => unknown): PolisImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof PolisImportError) return error;
    throw error;
  }
  throw new Error('expected a PolisImportError');
}

describe('parseCsv', () => {
  test('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a byte order mark', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, ""y""",3\r\n4,"two\nlines",6\n';

    const table = parseCsv(text);

    expect(table).toEqual({
      header: ['a', 'b', 'c'],
      rows: [
        ['1', 'x, "y"', '3'],
        ['4', 'two\nlines', '6'],
      ],
      lines: [2, 3],
    });
  });

  test('names the line of an unclosed quote, a stray quote and a row of the wrong width', () => {
    expect(errorOf(() => parseCsv('a,b\n1,2\n3,"open\n\n')).message).toBe(
      'line 3: quoted field is never closed',
    );
    expect(errorOf(() => parseCsv('a,b\n1,x"y\n')).message).toBe('line 2: quote inside an unquoted field');
    expect(errorOf(() => parseCsv('a,b\n1,"q"x\n')).message).toBe(
      'line 2: unexpected character after a closing quote',
    );
    expect(errorOf(() => parseCsv('a,b\n1,2\n"multi\nline",2,3\n')).message).toBe(
      'line 3: 3 fields where the header has 2',
    );
    expect(errorOf(() => parseCsv('')).line).toBe(1);
  });

  test('refuses input over the size limit before reading it', () => {
    const fifty = 'a\n' + '1\n'.repeat(25 * 1024 * 1024); // 50 MB

    expect(errorOf(() => parseCsv(fifty)).message).toBe(
      `file is ${fifty.length} bytes, larger than the limit of 33554432 bytes`,
    );
    expect(errorOf(() => parseCsv('a,b\n1,2\n', { maxBytes: 4 })).line).toBe(0);
  });

  test('refuses bytes that are not UTF-8', () => {
    expect(() => parseCsv(Uint8Array.of(0x61, 0x0a, 0xff, 0x0a))).toThrow(TypeError);
  });
});

describe('pol.is import', () => {
  test('reads the London youth policing conversation: 39 comments, 640 vote rows, 26 participants', () => {
    const { comments, statements } = importPolisComments(read('comments.csv'));
    const votes = importPolisVotes(read('votes.csv'));
    const pv = importPolisParticipantsVotes(read('participants-votes.csv'));

    expect([comments.length, votes.vote.length, pv.participants.length]).toEqual([39, 640, 26]);
    expect(comments.find((c) => c.id === 35)).toMatchObject({
      authorId: 23,
      moderated: 1,
      agrees: 2,
      disagrees: 1,
    });
    // The latest vote of each pair in votes.csv is the cell of participants-votes.csv.
    const fromHistory = buildVoteMatrix(statements, votes);
    const fromCells = buildVoteMatrix(statements, pv.votes);
    expect(Array.from(fromHistory.value)).toEqual(Array.from(fromCells.value));
    expect(Array.from(fromHistory.column)).toEqual(Array.from(fromCells.column));
  });

  test('refuses missing columns, naming them', () => {
    const error = errorOf(() => importPolisVotes('timestamp,datetime,comment-id,voter\n1,x,1,1\n'));

    expect(error.message).toBe(
      'line 1: votes.csv: missing column(s) voter-id, vote (found: timestamp, datetime, comment-id, voter)',
    );
  });

  test('refuses a non-numeric vote, a vote out of range and a bad id, with the line', () => {
    const head = 'timestamp,datetime,comment-id,voter-id,vote\n';

    expect(errorOf(() => importPolisVotes(`${head}1,x,1,1,1\n2,x,1,2,agree\n`)).message).toBe(
      'line 3: vote "agree" is not an integer',
    );
    expect(errorOf(() => importPolisVotes(`${head}1,x,1,1,2\n`)).message).toBe(
      'line 2: vote 2 is not -1, 0 or 1',
    );
    expect(errorOf(() => importPolisVotes(`${head}1,x,1,-4,1\n`)).message).toBe(
      'line 2: voter-id -4 is not between 0 and 2147483647',
    );
    expect(
      errorOf(() =>
        importPolisParticipantsVotes(
          'participant,group-id,n-comments,n-votes,n-agree,n-disagree,7\n1,,0,1,1,0,1.5\n',
        ),
      ).message,
    ).toBe('line 2: vote for comment 7 "1.5" is not an integer');
  });

  test('refuses a duplicated comment and a bad moderation value', () => {
    const head = 'timestamp,comment-id,author-id,moderated,comment-body\n';

    expect(errorOf(() => importPolisComments(`${head}1,1,1,0,a\n2,1,1,0,b\n`)).message).toBe(
      'line 3: comment-id 1 appears twice',
    );
    expect(errorOf(() => importPolisComments(`${head}1,1,1,5,a\n`)).message).toBe(
      'line 2: moderated 5 is not -1, 0 or 1',
    );
  });
});

describe('pol.is export', () => {
  test('writes files that read back to the same comments, vote history and latest votes', () => {
    const { comments, statements } = importPolisComments(read('comments.csv'));
    const votes = importPolisVotes(read('votes.csv'));

    const commentsBack = importPolisComments(exportPolisComments(comments, votes));
    const votesBack = importPolisVotes(exportPolisVotes(votes));
    const pvBack = importPolisParticipantsVotes(exportPolisParticipantsVotes(comments, votes));

    expect(commentsBack.comments).toEqual([...comments].sort((a, b) => a.id - b.id));
    const history = (v: typeof votes) =>
      Array.from(v.vote.keys(), (r) =>
        [v.time[r], v.participant[r], v.statement[r], v.vote[r]].join(':'),
      ).sort();
    expect(history(votesBack)).toEqual(history(votes));
    const original = buildVoteMatrix(statements, votes);
    const back = buildVoteMatrix(statements, pvBack.votes);
    expect([Array.from(back.participantIds), Array.from(back.value)]).toEqual([
      Array.from(original.participantIds),
      Array.from(original.value),
    ]);
  });

  test('quotes bodies with commas, quotes and line breaks', () => {
    const comments = [
      {
        id: 1,
        authorId: 2,
        timestamp: 1658934589213,
        moderated: 1 as const,
        isMeta: false,
        body: 'a, "b"\nc',
        agrees: 0,
        disagrees: 0,
      },
    ];
    const none = {
      participant: new Int32Array(0),
      statement: new Int32Array(0),
      vote: new Int8Array(0),
      time: new Float64Array(0),
    };

    expect(exportPolisComments(comments, none)).toBe(
      'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n' +
        '1658934589213,Wed Jul 27 15:09:49 UTC 2022,1,2,0,0,1,"a, ""b""\nc"\n',
    );
  });
});
