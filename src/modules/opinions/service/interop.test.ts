// Import from and export to pol.is's open data format against a real PostgreSQL, on the
// london.youth.policing fixture (math/fixtures, CC BY 4.0, attribution in its README): what lands
// in the tables, the round trip, every kind of malformed file refused with nothing written.
import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeUser } from '../../../../test/accounts';
import { createTestDeps, type TestDeps } from '../../../../test/test-deps';
import { AppError } from '../../../platform/errors';
import type { Actor } from '../../accounts';
import { auditLog } from '../../audit/audit.tables';
import {
  importPolisComments,
  importPolisParticipantsVotes,
  importPolisVotes,
  PolisImportError,
} from '../math';
import { opinionMaps, opinionParticipants, opinionStatements, opinionVotes } from '../opinions.tables';
import {
  exportIds,
  exportPolisFile,
  importPolisConversation,
  IMPORT_MAX_BYTES,
  latestVotes,
  problemOf,
  type ImportInput,
  type Upload,
} from './interop';

const FIXTURE = path.resolve(import.meta.dirname, '..', 'math', 'fixtures', 'london.youth.policing');
const read = (file: string) => fs.readFileSync(path.join(FIXTURE, file));
const upload = (bytes: Buffer | string, fileName = 'file.csv'): Upload => ({
  fileName,
  bytes: Buffer.from(bytes),
  truncated: false,
});

let deps: TestDeps;
let secretariat: Actor;
let slugs = 0;

beforeAll(async () => {
  deps = await createTestDeps();
  const user = await makeUser(deps, { roles: ['secretariat'] });
  secretariat = { userId: user.id, label: user.email, roles: new Set(['participant', 'secretariat']) };
});
afterAll(async () => {
  await deps?.close();
});

function input(files: ImportInput['files'], overrides: Partial<ImportInput> = {}): ImportInput {
  return {
    slug: `london-${++slugs}`,
    title: 'London youth policing',
    titleLocale: 'en',
    language: 'en',
    attribution: 'pol.is open data: london.youth.policing, CC BY 4.0, The Computational Democracy Project',
    files,
    ...overrides,
  };
}

async function tableCounts() {
  const n = async (table: typeof opinionMaps | typeof opinionVotes | typeof opinionStatements) =>
    (await deps.db.select({ n: count() }).from(table))[0]!.n;
  return { maps: await n(opinionMaps), statements: await n(opinionStatements), votes: await n(opinionVotes) };
}

async function importFixture(files: ImportInput['files'], overrides: Partial<ImportInput> = {}) {
  const result = await importPolisConversation(deps, { actor: secretariat, input: input(files, overrides) });
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.errors)}`);
  return result;
}

describe('importing a pol.is conversation', () => {
  test('creates an unpublished, closed map with participants, statements and the current votes', async () => {
    const result = await importFixture({
      comments: upload(read('comments.csv')),
      votes: upload(read('votes.csv')),
    });
    const comments = importPolisComments(read('comments.csv')).comments;
    const current = latestVotes(importPolisVotes(read('votes.csv')));
    // 26 voters, and one author who never voted (pol.is's participants-votes.csv leaves them out).
    const people = new Set([...comments.map((c) => c.authorId), ...current.participant]);
    expect(people.size).toBe(27);
    expect(result.counts).toEqual({
      participants: people.size,
      statements: comments.length,
      votes: current.vote.length,
    });

    const [map] = await deps.db.select().from(opinionMaps).where(eq(opinionMaps.id, result.mapId));
    expect(map!.isPublished).toBe(false);
    expect(map!.topic).toEqual({ en: 'London youth policing' });
    expect(map!.importedFrom).toContain('CC BY 4.0');
    expect(map!.closesAt!.toISOString()).toBe(deps.clock.now().toISOString());
    expect(map!.opensAt.getTime()).toBe(Math.min(...comments.map((c) => c.timestamp), ...current.time));

    const statements = await deps.db
      .select()
      .from(opinionStatements)
      .where(eq(opinionStatements.mapId, result.mapId));
    const participants = await deps.db
      .select()
      .from(opinionParticipants)
      .where(eq(opinionParticipants.mapId, result.mapId));
    const pid = new Map(participants.map((p) => [p.id, Number(p.externalId)]));
    expect(participants.every((p) => p.userId === null)).toBe(true);
    for (const c of comments) {
      const s = statements.find((row) => row.externalId === String(c.id))!;
      expect(s.body).toBe(c.body);
      expect(s.status).toBe({ '-1': 'rejected', '0': 'pending', '1': 'accepted' }[c.moderated]);
      expect(s.language).toBe('en');
      expect(pid.get(s.authorParticipantId!)).toBe(c.authorId);
      expect(s.createdAt.getTime()).toBe(c.timestamp);
    }

    const [audit] = await deps.db.select().from(auditLog).where(eq(auditLog.subjectId, result.mapId));
    expect(audit!.action).toBe('opinions.import');
    expect(audit!.actorId).toBe(secretariat.userId);
  });

  test('keeps the latest of changed votes, ties broken towards the higher value', () => {
    const rows = {
      participant: Int32Array.from([1, 1, 1, 2, 2]),
      statement: Int32Array.from([5, 5, 6, 5, 5]),
      vote: Int8Array.from([1, -1, 0, -1, 0]),
      time: Float64Array.from([10, 20, 5, 7, 7]),
    };
    const latest = latestVotes(rows);
    expect(Array.from(latest.participant)).toEqual([1, 1, 2]);
    expect(Array.from(latest.statement)).toEqual([5, 6, 5]);
    expect(Array.from(latest.vote)).toEqual([-1, 0, 0]);
    // Rows already one per pair in order are kept as they are.
    expect(latestVotes(latest)).toBe(latest);
    const unordered = { ...latest, statement: Int32Array.from([6, 5, 5]) };
    expect(Array.from(latestVotes(unordered).statement)).toEqual([5, 6, 5]);
  });

  test('takes participants-votes.csv when votes.csv is not there (votes without times)', async () => {
    const result = await importFixture({
      comments: upload(read('comments.csv')),
      participantsVotes: upload(read('participants-votes.csv')),
    });
    const pv = importPolisParticipantsVotes(read('participants-votes.csv'));
    expect(result.counts.votes).toBe(pv.votes.vote.length);
    const authors = importPolisComments(read('comments.csv')).comments.map((c) => c.authorId);
    expect(result.counts.participants).toBe(new Set([...pv.participants, ...authors]).size);
  });
});

describe('round trip: import, export, import again', () => {
  test('the exported files hold what was imported, and a re-import exports the same bytes', async () => {
    const first = await importFixture({
      comments: upload(read('comments.csv')),
      votes: upload(read('votes.csv')),
    });
    const exported = async (mapId: string) =>
      Object.fromEntries(
        await Promise.all(
          (['comments.csv', 'votes.csv', 'participants-votes.csv'] as const).map(async (file) => [
            file,
            (await exportPolisFile(deps, { actor: secretariat, mapId, file })).csv,
          ]),
        ),
      ) as Record<'comments.csv' | 'votes.csv' | 'participants-votes.csv', string>;
    const out = await exported(first.mapId);

    // comments.csv: every field pol.is gave, the same (the counts are over current votes now).
    const strip = ({ agrees: _a, disagrees: _d, ...rest }: { agrees: number; disagrees: number }) => rest;
    const byId = <T extends { id: number }>(list: T[]) => [...list].sort((a, b) => a.id - b.id);
    expect(byId(importPolisComments(out['comments.csv']).comments).map(strip)).toEqual(
      byId(importPolisComments(read('comments.csv')).comments).map(strip),
    );
    // votes.csv: the current vote of each participant on each statement, with its time.
    const sorted = (v: ReturnType<typeof latestVotes>) =>
      Array.from(v.vote.keys())
        .map((r) => [v.participant[r], v.statement[r], v.vote[r], v.time[r]].join(' '))
        .sort();
    expect(sorted(latestVotes(importPolisVotes(out['votes.csv'])))).toEqual(
      sorted(latestVotes(importPolisVotes(read('votes.csv')))),
    );
    // participants-votes.csv: the same cells as pol.is's own (no map computed yet: no group-id).
    const cells = (pv: ReturnType<typeof importPolisParticipantsVotes>) =>
      Array.from(pv.votes.vote.keys())
        .map((r) => [pv.votes.participant[r], pv.votes.statement[r], pv.votes.vote[r]].join(' '))
        .sort();
    const ours = importPolisParticipantsVotes(out['participants-votes.csv']);
    const theirs = importPolisParticipantsVotes(read('participants-votes.csv'));
    expect(cells(ours)).toEqual(cells(theirs));
    expect(Array.from(ours.groupIds).every((g) => g === -1)).toBe(true);

    const second = await importFixture({
      comments: upload(out['comments.csv']),
      votes: upload(out['votes.csv']),
    });
    expect(await exported(second.mapId)).toEqual(out);
  });

  test('rows made here get ids after the imported ones, in the order they were made', () => {
    const ids = exportIds([
      { id: 40, externalId: null },
      { id: 10, externalId: '7' },
      { id: 30, externalId: null },
      { id: 20, externalId: '3' },
    ]);
    expect([...ids].sort((a, b) => a[0] - b[0])).toEqual([
      [10, 7],
      [20, 3],
      [30, 8],
      [40, 9],
    ]);
    expect([
      ...exportIds([
        { id: 5, externalId: null },
        { id: 2, externalId: null },
      ]),
    ]).toEqual([
      [2, 0],
      [5, 1],
    ]);
  });

  test('export needs the content permission', async () => {
    const participant: Actor = { userId: secretariat.userId, label: 'p', roles: new Set(['participant']) };
    await expect(
      exportPolisFile(deps, { actor: participant, mapId: crypto.randomUUID(), file: 'votes.csv' }),
    ).rejects.toThrow(AppError);
  });
});

describe('malformed files: refused with a message in the person’s language, nothing written', () => {
  const comments = read('comments.csv').toString('utf8');
  const votes = read('votes.csv').toString('utf8');
  const lines = votes.split('\n');
  const cases: [string, ImportInput['files'], string, Record<string, unknown>][] = [
    [
      'wrong columns in votes.csv',
      { comments: upload(comments), votes: upload(votes.replace('voter-id', 'person')) },
      'votes',
      { key: 'opinions.import.error.columns', params: { columns: 'voter-id' } },
    ],
    [
      'a non-numeric vote',
      {
        comments: upload(comments),
        votes: upload([...lines.slice(0, 5), '1658934589213,x,35,3,yes', ...lines.slice(5)].join('\n')),
      },
      'votes',
      { key: 'opinions.import.error.number', params: { line: 6 } },
    ],
    [
      'a vote of 2',
      { comments: upload(comments), votes: upload(`${lines[0]}\n1658934589213,x,35,3,2\n`) },
      'votes',
      { key: 'opinions.import.error.vote', params: { line: 2 } },
    ],
    [
      'a vote for an unknown statement',
      {
        comments: upload(comments),
        votes: upload(`${lines[0]}\n1658934589213,x,35,3,1\n1658934589214,x,999,3,1\n`),
      },
      'votes',
      { key: 'opinions.import.error.unknownStatement', params: { line: 3, id: 999 } },
    ],
    [
      'a participants-votes column for an unknown statement',
      {
        comments: upload(comments),
        participantsVotes: upload(
          'participant,group-id,n-comments,n-votes,n-agree,n-disagree,35,999\n0,,0,1,1,0,1,\n',
        ),
      },
      'participantsVotes',
      { key: 'opinions.import.error.unknownColumn', params: { id: 999 } },
    ],
    [
      'a file cut off at the upload limit',
      { comments: upload(comments), votes: { ...upload(votes), truncated: true } },
      'votes',
      { key: 'opinions.import.error.tooLarge', params: { mb: IMPORT_MAX_BYTES / 1024 / 1024 } },
    ],
    [
      'no comments.csv',
      { votes: upload(votes) },
      'comments',
      { key: 'opinions.import.error.commentsMissing' },
    ],
    [
      'no votes at all',
      { comments: upload(comments) },
      'votes',
      { key: 'opinions.import.error.votesMissing' },
    ],
    [
      'comments.csv not in UTF-8',
      { comments: upload(Buffer.from([0x63, 0x6f, 0xff, 0xfe, 0x0a])), votes: upload(votes) },
      'comments',
      { key: 'opinions.import.error.encoding' },
    ],
    [
      'an empty comments.csv',
      { comments: upload(''), votes: upload(votes) },
      'comments',
      { key: 'opinions.import.error.empty' },
    ],
    [
      'a comment id twice',
      {
        comments: upload(`${comments.trimEnd()}\n${comments.split('\n')[1]}\n`),
        votes: upload(votes),
      },
      'comments',
      { key: 'opinions.import.error.twice', params: { line: comments.trimEnd().split('\n').length + 1 } },
    ],
    [
      'a statement longer than 1,000 characters',
      {
        comments: upload(`${comments.split('\n')[0]}\n1658934589213,x,35,23,0,0,1,${'a'.repeat(1001)}\n`),
        votes: upload(`${lines[0]}\n1658934589213,x,35,3,1\n`),
      },
      'comments',
      { key: 'opinions.import.error.body', params: { id: 35, max: 1000 } },
    ],
    [
      'an unclosed quote',
      { comments: upload(`${comments.split('\n')[0]}\n1,x,35,23,0,0,1,"open\n`), votes: upload(votes) },
      'comments',
      { key: 'opinions.import.error.quotes', params: { line: 2 } },
    ],
    [
      'a row with a missing field',
      { comments: upload(comments), votes: upload(`${lines[0]}\n1658934589213,x,35,3\n`) },
      'votes',
      { key: 'opinions.import.error.fieldCount', params: { line: 2 } },
    ],
    [
      'a time no date can hold',
      { comments: upload(comments), votes: upload(`${lines[0]}\n300000000000000,x,35,3,1\n`) },
      'votes',
      { key: 'opinions.import.error.time', params: { line: 2 } },
    ],
  ];

  test.each(cases)('%s', async (_name, files, field, problem) => {
    const before = await tableCounts();
    const result = await importPolisConversation(deps, { actor: secretariat, input: input(files) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[field]).toEqual(problem);
    expect(result.status).toBe(problem.key === 'opinions.import.error.tooLarge' ? 413 : 422);
    expect(await tableCounts()).toEqual(before);
  });

  test('a file over the limit, not cut off before (32 MiB + 1 byte), is refused too', () => {
    const problem = problemOf(
      new PolisImportError('file is 33554433 bytes, larger than the limit of 33554432 bytes', 0),
    );
    expect(problem.problem.key).toBe('opinions.import.error.tooLarge');
    expect(problem.status).toBe(413);
  });

  test('a short name already taken: 409 on the slug, nothing written', async () => {
    const files = { comments: upload(comments), votes: upload(votes) };
    await importFixture(files, { slug: 'taken' });
    const before = await tableCounts();
    const again = await importPolisConversation(deps, {
      actor: secretariat,
      input: input(files, { slug: 'taken' }),
    });
    expect(again).toEqual({ ok: false, status: 409, errors: { slug: { key: 'admin.error.slugTaken' } } });
    expect(await tableCounts()).toEqual(before);
  });

  test('only the secretariat may import', async () => {
    const participant: Actor = { userId: secretariat.userId, label: 'p', roles: new Set(['participant']) };
    await expect(
      importPolisConversation(deps, { actor: participant, input: input({ comments: upload(comments) }) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
