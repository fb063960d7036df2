// Each statement's vote counts (opinions_statement_counts), kept by triggers on opinions_votes in
// the transaction of every vote write (docs/adr/0027-which-statement-next.md): right after a vote,
// a change of vote, a participant's own statement, account deletion, a pol.is import, deletes by
// cascade, and after a random sequence of all of these, compared with a grouped count of the votes.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { makeUser } from '../../../test/accounts';
import { dbTest as test } from '../../../test/test-deps';
import type { Deps } from '../../deps';
import { accountsModule, type Actor } from '../accounts';
import { deleteOwnAccount } from '../accounts/service/personal-data';
import { createPrng } from './math/prng';
import { opinionsModule } from './index';
import { listStatementsWithCounts, upsertVote } from './opinions.repo';
import { importPolisConversation, type Upload } from './service/interop';
import { addStatement, castVote } from './service/participation';
import { insertMap, insertParticipants, insertStatements, insertVotes } from './service/results.test-support';

type Counts = Record<number, { agree: number; disagree: number; pass: number }>;

/** The counter rows of a map's statements (all-zero rows left out). */
async function counters(deps: Deps, mapId: string): Promise<Counts> {
  const { rows } = await deps.db.$client.query<{ id: number; agree: number; disagree: number; pass: number }>(
    `SELECT c.statement_id AS id, c.agree, c.disagree, c.pass FROM opinions_statement_counts c
       JOIN opinions_statements s ON s.id = c.statement_id
      WHERE s.map_id = $1 AND (c.agree, c.disagree, c.pass) <> (0, 0, 0)`,
    [mapId],
  );
  return Object.fromEntries(rows.map((r) => [r.id, { agree: r.agree, disagree: r.disagree, pass: r.pass }]));
}

/** The same, counted from the votes. */
async function grouped(deps: Deps, mapId: string): Promise<Counts> {
  const { rows } = await deps.db.$client.query<{ id: number; agree: number; disagree: number; pass: number }>(
    `SELECT statement_id AS id, count(*) FILTER (WHERE vote = 1)::int AS agree,
            count(*) FILTER (WHERE vote = -1)::int AS disagree, count(*) FILTER (WHERE vote = 0)::int AS pass
       FROM opinions_votes WHERE map_id = $1 GROUP BY statement_id`,
    [mapId],
  );
  return Object.fromEntries(rows.map((r) => [r.id, { agree: r.agree, disagree: r.disagree, pass: r.pass }]));
}

async function expectCountsRight(deps: Deps, mapId: string) {
  expect(await counters(deps, mapId)).toEqual(await grouped(deps, mapId));
}

const actorOf = (userId: string): Actor => ({ userId, label: userId, roles: new Set(['participant']) });

test('a vote, a change of vote, the same vote again and an own statement', async ({ deps }) => {
  const map = await insertMap(deps);
  const [s1, s2] = await insertStatements(deps, map.id, [{ body: 'First' }, { body: 'Second' }]);
  const [ada, bo] = await Promise.all([makeUser(deps), makeUser(deps)]);
  const counts = async () =>
    Object.fromEntries(
      (await listStatementsWithCounts(deps.db, map.id)).map((s) => [s.body, [s.agree, s.disagree, s.pass]]),
    );

  expect(await counts()).toEqual({ First: [0, 0, 0], Second: [0, 0, 0] });
  await castVote(deps, actorOf(ada.id), map.slug, { statementId: s1!, vote: 'agree' });
  await castVote(deps, actorOf(bo.id), map.slug, { statementId: s1!, vote: 'disagree' });
  await castVote(deps, actorOf(bo.id), map.slug, { statementId: s2!, vote: 'pass' });
  expect(await counts()).toEqual({ First: [1, 1, 0], Second: [0, 0, 1] });

  // Changing a vote moves it from the old value to the new one; the same vote again changes nothing.
  await castVote(deps, actorOf(ada.id), map.slug, { statementId: s1!, vote: 'pass' });
  await castVote(deps, actorOf(bo.id), map.slug, { statementId: s2!, vote: 'pass' });
  expect(await counts()).toEqual({ First: [0, 1, 1], Second: [0, 0, 1] });

  // A participant's statement counts as their agree vote.
  const added = await addStatement(deps, actorOf(ada.id), map.slug, { body: 'Third, by Ada' }, 'en');
  expect(added.ok).toBe(true);
  expect(await counts()).toEqual({ First: [0, 1, 1], Second: [0, 0, 1], 'Third, by Ada': [1, 0, 0] });
  await expectCountsRight(deps, map.id);
});

test('account deletion keeps the votes and their counts; deleting participants or statements takes theirs off', async ({
  deps,
}) => {
  const map = await insertMap(deps);
  const statements = await insertStatements(deps, map.id, [{ body: 'One' }, { body: 'Two' }]);
  const people = await Promise.all([makeUser(deps), makeUser(deps), makeUser(deps)]);
  for (const [i, person] of people.entries()) {
    for (const statementId of statements) {
      await castVote(deps, actorOf(person.id), map.slug, {
        statementId,
        vote: i === 0 ? 'disagree' : 'agree',
      });
    }
  }
  const before = await counters(deps, map.id);
  expect(before[statements[0]!]).toEqual({ agree: 2, disagree: 1, pass: 0 });

  // The account goes; its participant and votes stay in the map, without it.
  await deleteOwnAccount(deps, actorOf(people[0].id), [accountsModule, opinionsModule]);
  expect(await counters(deps, map.id)).toEqual(before);

  // A participant removed (by hand, or with its map) takes its votes off the counts.
  await deps.db.$client.query(`DELETE FROM opinions_participants WHERE map_id = $1 AND user_id IS NULL`, [
    map.id,
  ]);
  expect((await counters(deps, map.id))[statements[0]!]).toEqual({ agree: 2, disagree: 0, pass: 0 });
  await expectCountsRight(deps, map.id);

  // A statement removed takes its counter row with it; a map removed, all of them.
  await deps.db.$client.query(`DELETE FROM opinions_statements WHERE id = $1`, [statements[1]]);
  const { rows } = await deps.db.$client.query(
    `SELECT 1 FROM opinions_statement_counts WHERE statement_id = $1`,
    [statements[1]],
  );
  expect(rows).toEqual([]);
  await deps.db.$client.query(`DELETE FROM opinions_maps WHERE id = $1`, [map.id]);
  const left = await deps.db.$client.query(
    `SELECT 1 FROM opinions_statement_counts WHERE statement_id = ANY($1)`,
    [statements],
  );
  expect(left.rows).toEqual([]);
});

test('a pol.is import counts the votes it writes in bulk', async ({ deps }) => {
  const fixture = path.resolve(import.meta.dirname, 'math', 'fixtures', 'london.youth.policing');
  const upload = (file: string): Upload => ({
    fileName: file,
    bytes: fs.readFileSync(path.join(fixture, file)),
    truncated: false,
  });
  const secretariat = await makeUser(deps, { roles: ['secretariat'] });
  const result = await importPolisConversation(deps, {
    actor: {
      userId: secretariat.id,
      label: secretariat.email,
      roles: new Set(['participant', 'secretariat']),
    },
    input: {
      slug: 'london-counts',
      title: 'London youth policing',
      titleLocale: 'en',
      language: 'en',
      attribution: 'pol.is open data: london.youth.policing, CC BY 4.0, The Computational Democracy Project',
      files: { comments: upload('comments.csv'), votes: upload('votes.csv') },
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const counts = await counters(deps, result.mapId);
  const total = Object.values(counts).reduce((n, c) => n + c.agree + c.disagree + c.pass, 0);
  expect(total).toBe(result.counts.votes);
  await expectCountsRight(deps, result.mapId);
});

test('after a random sequence of writes, the counters equal a grouped count of the votes', async ({
  deps,
}) => {
  const prng = createPrng(20261125);
  const int = (n: number) => Math.floor(prng.next() * n);
  const maps = [await insertMap(deps), await insertMap(deps)];
  const state = await Promise.all(
    maps.map(async (map) => ({
      map,
      participants: await insertParticipants(deps, map.id, Array<null>(12).fill(null)),
      statements: await insertStatements(
        deps,
        map.id,
        Array.from({ length: 8 }, (_, i) => ({ body: `Statement ${i}` })),
      ),
    })),
  );
  const vote = () => (int(3) - 1) as -1 | 0 | 1;
  for (let step = 0; step < 150; step++) {
    const { map, participants, statements } = state[int(2)]!;
    const participant = participants[int(participants.length)];
    const statement = statements[int(statements.length)];
    const op = int(7);
    if (participant === undefined || statement === undefined) continue;
    if (op <= 1) {
      // One vote cast or changed, as participation writes it.
      await upsertVote(deps.db, {
        mapId: map.id,
        participantId: participant,
        statementId: statement,
        vote: vote(),
        votedAt: new Date(),
      });
    } else if (op === 2) {
      // Many at once, new and changed, in one statement (as an import or the seed writes them).
      const pairs = new Map<string, { participant: number; statement: number }>();
      for (let k = 0; k < 20; k++) {
        const p = participants[int(participants.length)]!;
        const s = statements[int(statements.length)]!;
        pairs.set(`${p}:${s}`, { participant: p, statement: s });
      }
      await insertVotes(
        deps,
        map.id,
        [...pairs.values()].map((v) => ({ ...v, vote: vote(), at: '2026-11-20T10:00:00Z' })),
      );
    } else if (op === 3) {
      // Every vote on a statement set to one value.
      await deps.db.$client.query(`UPDATE opinions_votes SET vote = $2 WHERE statement_id = $1`, [
        statement,
        vote(),
      ]);
    } else if (op === 4) {
      await deps.db.$client.query(
        `DELETE FROM opinions_votes WHERE participant_id = $1 AND statement_id = $2`,
        [participant, statement],
      );
    } else if (op === 5 && int(6) === 0) {
      // Rarely: a participant removed with all their votes (a cascade).
      await deps.db.$client.query(`DELETE FROM opinions_participants WHERE id = $1`, [participant]);
      participants.splice(participants.indexOf(participant), 1);
    } else if (op === 6 && int(10) === 0) {
      await deps.db.$client.query(`DELETE FROM opinions_statements WHERE id = $1`, [statement]);
      statements.splice(statements.indexOf(statement), 1);
    } else {
      // A write that rolls back leaves the counters as they were.
      await deps.db
        .transaction(async (tx) => {
          await upsertVote(tx, {
            mapId: map.id,
            participantId: participant,
            statementId: statement,
            vote: vote(),
            votedAt: new Date(),
          });
          throw new Error('rolled back');
        })
        .catch(() => undefined);
    }
    await expectCountsRight(deps, map.id);
  }
  for (const { map } of state) await expectCountsRight(deps, map.id);
});

test("the migration's backfill counts the votes written before it", async ({ deps }) => {
  const map = await insertMap(deps);
  const [p1, p2] = await insertParticipants(deps, map.id, [null, null]);
  const [s1, s2] = await insertStatements(deps, map.id, [{ body: 'A' }, { body: 'B' }]);
  const at = '2026-11-20T10:00:00Z';
  await insertVotes(deps, map.id, [
    { participant: p1!, statement: s1!, vote: 1, at },
    { participant: p2!, statement: s1!, vote: -1, at },
    { participant: p2!, statement: s2!, vote: 0, at },
  ]);
  const expected = await grouped(deps, map.id);
  // As before the migration: no counters. Then the migration's last statement, as written.
  await deps.db.$client.query(`DELETE FROM opinions_statement_counts`);
  const migrations = path.resolve(import.meta.dirname, '..', '..', 'db', 'migrations');
  const file = fs.readdirSync(migrations).find((f) => f.endsWith('_opinion_statement_counts_backfill.sql'))!;
  const backfill = fs.readFileSync(path.join(migrations, file), 'utf8').trim();
  await deps.db.$client.query(backfill);
  expect(await counters(deps, map.id)).toEqual(expected);
});
