import { describe, expect, test } from 'vitest';
import { createPrng } from './prng';
import { buildVoteMatrix, statementTable, voteTable } from './vote-matrix';

const cells = (m: ReturnType<typeof buildVoteMatrix>) =>
  Array.from(m.participantIds, (pid, p) => [
    pid,
    Array.from({ length: m.rowStart[p + 1]! - m.rowStart[p]! }, (_, i) => [
      m.statementIds[m.column[m.rowStart[p]! + i]!],
      m.value[m.rowStart[p]! + i],
    ]),
  ]);

describe('buildVoteMatrix', () => {
  test('agrees with a plain Map-based reading of the rules on a random table, short and long rows alike', () => {
    // 3,000 statements: some rows hold a few votes spread far apart (sorted), others dozens close
    // together (read off a bitset); times repeat so that equal-time ties occur.
    const prng = createPrng(7);
    const statements = statementTable(Array.from({ length: 3000 }, (_, i) => ({ id: i * 3 })));
    const rows: { participant: number; statement: number; vote: number; time: number }[] = [];
    for (let participant = 0; participant < 60; participant++) {
      const count = participant % 3 === 0 ? 3 : 80;
      const span = participant % 3 === 0 ? 3000 : 200;
      for (let i = 0; i < count; i++) {
        rows.push({
          participant,
          statement: 3 * Math.floor(prng.next() * span),
          vote: Math.floor(prng.next() * 3) - 1,
          time: Math.floor(prng.next() * 20),
        });
      }
    }
    type Row = (typeof rows)[number];
    const expected = new Map<number, Map<number, Row>>();
    for (const row of rows) {
      const own = expected.get(row.participant) ?? new Map<number, Row>();
      expected.set(row.participant, own);
      const was = own.get(row.statement);
      if (!was || row.time > was.time || (row.time === was.time && row.vote > was.vote))
        own.set(row.statement, row);
    }
    const shuffled = rows.map((_, i) => rows[(i * 7919) % rows.length]!); // 7,919 is prime to the row count
    // As the service loads them: one row per pair, ORDER BY participant, statement.
    const latestOnly = [...expected.entries()]
      .flatMap(([, own]) => [...own.values()])
      .sort((a, b) => a.participant - b.participant || a.statement - b.statement);

    for (const table of [rows, shuffled, latestOnly]) {
      expect(cells(buildVoteMatrix(statements, voteTable(table)))).toEqual(
        [...expected.keys()]
          .sort((a, b) => a - b)
          .map((participant) => [
            participant,
            [...expected.get(participant)!.entries()]
              .sort((a, b) => a[0] - b[0])
              .map(([statement, { vote }]) => [statement, vote]),
          ]),
      );
    }
  });

  test('keeps the latest vote of each participant on each statement, in id order', () => {
    const statements = statementTable([{ id: 20 }, { id: 10 }]);
    const votes = voteTable([
      { participant: 7, statement: 20, vote: 1, time: 5 },
      { participant: 3, statement: 10, vote: -1, time: 1 },
      { participant: 7, statement: 20, vote: -1, time: 3 },
      { participant: 3, statement: 10, vote: 0, time: 2 },
      { participant: 7, statement: 10, vote: 1, time: 4 },
    ]);

    const matrix = buildVoteMatrix(statements, votes);

    expect(cells(matrix)).toEqual([
      [3, [[10, 0]]],
      [
        7,
        [
          [10, 1],
          [20, 1],
        ],
      ],
    ]);
  });

  test('gives the same matrix whatever the order of the rows', () => {
    const statements = statementTable([{ id: 1 }, { id: 2 }, { id: 3 }]);
    const rows = [
      { participant: 1, statement: 1, vote: 1, time: 1 },
      { participant: 1, statement: 1, vote: -1, time: 1 }, // same time: the higher value wins
      { participant: 2, statement: 3, vote: 0, time: 2 },
      { participant: 1, statement: 2, vote: -1, time: 3 },
      { participant: 2, statement: 1, vote: -1, time: 4 },
    ];

    const forward = buildVoteMatrix(statements, voteTable(rows));
    const backward = buildVoteMatrix(statements, voteTable([...rows].reverse()));

    expect(cells(backward)).toEqual(cells(forward));
    expect(cells(forward)[0]).toEqual([
      1,
      [
        [1, 1],
        [2, -1],
      ],
    ]);
  });

  test('gives the same matrix from rows grouped by participant (read in place) and from scattered rows', () => {
    const statements = statementTable([{ id: 1 }, { id: 2 }, { id: 3 }]);
    const grouped = [
      { participant: 1, statement: 3, vote: 1, time: 1 },
      { participant: 1, statement: 1, vote: 0, time: 2 },
      { participant: 1, statement: 3, vote: -1, time: 3 },
      { participant: 4, statement: 2, vote: 1, time: 4 },
      { participant: 4, statement: 2, vote: 0, time: 0 },
      { participant: 9, statement: 1, vote: -1, time: 5 },
    ];
    const scattered = [grouped[3]!, grouped[0]!, grouped[5]!, grouped[2]!, grouped[4]!, grouped[1]!];

    const fromGrouped = buildVoteMatrix(statements, voteTable(grouped));

    expect(cells(fromGrouped)).toEqual([
      [
        1,
        [
          [1, 0],
          [3, -1],
        ],
      ],
      [4, [[2, 1]]],
      [9, [[1, -1]]],
    ]);
    expect(cells(buildVoteMatrix(statements, voteTable(scattered)))).toEqual(cells(fromGrouped));
  });

  test('marks rejected and meta statements inactive, keeps their votes, and ignores unknown statements', () => {
    const statements = statementTable([
      { id: 1, moderated: -1 },
      { id: 2, isMeta: true },
      { id: 3, moderated: 1 },
      { id: 4 },
    ]);
    const votes = voteTable([
      { participant: 1, statement: 1, vote: 1 },
      { participant: 1, statement: 9, vote: 1 },
      { participant: 2, statement: 99, vote: 1 },
    ]);

    const matrix = buildVoteMatrix(statements, votes);

    expect(Array.from(matrix.active)).toEqual([0, 0, 1, 1]);
    expect(cells(matrix)).toEqual([[1, [[1, 1]]]]);
    expect(matrix.unknownStatementVotes).toBe(2);
  });

  test('refuses a vote value other than -1, 0 or 1 and duplicate statement ids', () => {
    expect(() =>
      buildVoteMatrix(statementTable([{ id: 1 }]), voteTable([{ participant: 1, statement: 1, vote: 2 }])),
    ).toThrow('vote row 0: value 2 is not -1, 0 or 1');
    expect(() => buildVoteMatrix(statementTable([{ id: 1 }, { id: 1 }]), voteTable([]))).toThrow(
      'duplicate statement id 1',
    );
  });

  test('handles sparse, large ids (binary search instead of a lookup table)', () => {
    const statements = statementTable([{ id: 2_000_000_000 }, { id: 5 }]);
    const votes = voteTable([
      { participant: 1_999_999_999, statement: 2_000_000_000, vote: -1 },
      { participant: 0, statement: 5, vote: 1 },
    ]);

    expect(cells(buildVoteMatrix(statements, votes))).toEqual([
      [0, [[5, 1]]],
      [1_999_999_999, [[2_000_000_000, -1]]],
    ]);
  });
});
