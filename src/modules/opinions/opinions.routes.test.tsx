// Participation: a signed-in participant votes agree / disagree / pass, changes a vote and adds a
// statement with plain form posts (303 back to the map); every refusal is a 422 with a message in
// the page's language, never a 500; the next statement follows the documented priority rule.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app';
import { signedInUser, type SignedInUser, postForm } from '../../../test/accounts';
import { makeSeries, makeSession } from '../../../test/factories';
import { makeOpinionMap } from '../../../test/opinions';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import ar from '../../platform/i18n/messages/ar.json' with { type: 'json' };
import en from '../../platform/i18n/messages/en.json' with { type: 'json' };
import type { Actor } from '../accounts';
import type { MapFormInput } from './opinions.schema';
import { findParticipantOfUser, listStatementsWithCounts, listVotesOfParticipant } from './opinions.repo';
import { addSeedStatement, moderateStatement } from './service/maps';
import { exportOpinions, eraseOpinions } from './service/participation';
import { chooseNextStatement } from './service/next-statement';

let deps: TestDeps;
let app: Awaited<ReturnType<typeof createApp>>['app'];
let person: SignedInUser;
let secretariat: Actor;
let mapNumber = 0;

beforeAll(async () => {
  deps = await createTestDeps({ env: { PUBLIC_URL: 'https://colloquy.test' } });
  app = (await createApp(deps)).app;
  person = await signedInUser(deps);
  const sec = await signedInUser(deps, { roles: ['secretariat'] });
  secretariat = { userId: sec.id, label: 'sec', roles: new Set(['participant', 'secretariat']) };
});
afterAll(async () => {
  await app?.close();
  await deps?.close();
});

/** A published map with statements, open now (the test clock: 2026-11-25 10:00 UTC) unless told. */
async function makeMap(
  overrides: Partial<MapFormInput> = {},
  bodies = ['First statement', 'Second statement'],
) {
  const slug = `map-${++mapNumber}`;
  const { map } = await makeOpinionMap(
    deps,
    secretariat,
    { slug, topic: { en: `Topic ${mapNumber}`, ar: `الموضوع ${mapNumber}` }, ...overrides },
    { published: true },
  );
  const ids: number[] = [];
  for (const body of bodies) {
    const added = await addSeedStatement(deps, secretariat, map.id, {
      body,
      language: 'en',
      isMeta: false,
    });
    if (!added.ok) throw new Error('seed');
    ids.push(added.statement.id);
  }
  return { id: map.id, slug, statementIds: ids };
}

const post = (who: SignedInUser | undefined, url: string, values: Record<string, string>) =>
  postForm(app, who, url, values);

describe('reading', () => {
  test('the list and the map page are public; a visitor is asked to sign in to vote, with next=', async () => {
    const map = await makeMap();
    const list = await app.inject({ url: '/en/opinions' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/en/opinions/${map.slug}`);
    const page = await app.inject({ url: `/en/opinions/${map.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Topic ${mapNumber}`);
    expect(page.body).toContain(`/en/sign-in?next=${encodeURIComponent(`/en/opinions/${map.slug}`)}`);
    expect(page.body).not.toContain('name="vote"');
    expect(page.body).toContain(`href="/en/opinions/${map.slug}/results"`);
  });

  test('opening and closing: on the clock of the session (its zone named), the viewer’s beside it', async () => {
    const series = await makeSeries(deps.db);
    const session = await makeSession(deps.db, { seriesId: series.id, number: 1, timeZone: 'Europe/Zurich' });
    const open = await makeMap({ sessionId: session.id, closesAt: '2026-12-01T18:00' });
    const later = await makeMap({ sessionId: session.id, opensAt: '2026-12-02T09:00' });
    const utc = await makeMap({ closesAt: '2026-12-01T18:00' });

    const page = (await app.inject({ url: `/en/opinions/${open.slug}` })).body;
    const laterAr = (await app.inject({ url: `/ar/opinions/${later.slug}` })).body;
    const utcPage = (await app.inject({ url: `/en/opinions/${utc.slug}` })).body;
    const list = (await app.inject({ url: '/en/opinions' })).body;

    const closes = 'Open for votes until December 1, 2026 at 6:00 PM (Central European Standard Time)';
    expect(page).toContain(closes);
    expect(page).toContain(
      '<span class="viewer-time" data-start="2026-12-01T17:00:00.000Z" data-end="2026-12-01T17:00:00.000Z" data-label="Your time"><noscript>Coordinated Universal Time (UTC): December 1, 2026 at 5:00 PM</noscript></span>',
    );
    expect(laterAr).toContain('data-start="2026-12-02T08:00:00.000Z"');
    expect(laterAr).toContain(ar['opinions.window.opensAt'].split('{date}')[0]!);
    expect(utcPage).toContain(
      'Open for votes until December 1, 2026 at 6:00 PM (Coordinated Universal Time)',
    );
    expect(utcPage).not.toContain('<noscript>Coordinated Universal Time');
    expect(list).toContain(closes);
  });

  test('a draft map is not found', async () => {
    // A draft (not published); makeOpinionMap throws, failing the test, if the service refuses it.
    await makeOpinionMap(deps, secretariat, { slug: 'draft-map', topic: { en: 'Draft' } });

    expect((await app.inject({ url: '/en/opinions/draft-map' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/en/opinions' })).body).not.toContain('draft-map');
  });
});

describe('voting', () => {
  test('agree, disagree, pass, then change a vote: 303 back each time, the votes are stored', async () => {
    const map = await makeMap({}, ['One', 'Two', 'Three']);
    const [a, b, c] = map.statementIds as [number, number, number];
    for (const [statementId, vote] of [
      [a, 'agree'],
      [b, 'disagree'],
      [c, 'pass'],
    ] as const) {
      const res = await post(person, `/en/opinions/${map.slug}/vote`, {
        statementId: String(statementId),
        vote,
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/en/opinions/${map.slug}?done=voted#statement`);
    }
    const changed = await post(person, `/en/opinions/${map.slug}/vote`, {
      statementId: String(b),
      vote: 'agree',
      returnTo: 'your-votes',
    });
    expect(changed.headers.location).toBe(`/en/opinions/${map.slug}?done=changed#your-votes`);
    const participant = (await findParticipantOfUser(deps.db, map.id, person.id))!;
    const votes = await listVotesOfParticipant(deps.db, participant);
    expect(Object.fromEntries(votes.map((v) => [v.statementId, v.vote]))).toEqual({ [a]: 1, [b]: 1, [c]: 0 });

    const page = await app.inject({ url: `/en/opinions/${map.slug}?done=changed`, headers: person.headers });
    expect(page.body).toContain(en['opinions.done.changed']);
    expect(page.body).toContain(en['opinions.next.allDone']);
    expect(page.body).toContain('aria-pressed="true"');
  });

  test('the statement shown is the one the priority rule draws for this participant', async () => {
    const map = await makeMap({}, ['P1', 'P2', 'P3', 'P4', 'P5']);
    const other = await signedInUser(deps);
    // Someone else has voted on two statements: without a computed map, fewest votes first.
    await post(other, `/en/opinions/${map.slug}/vote`, {
      statementId: String(map.statementIds[0]),
      vote: 'agree',
    });
    await post(other, `/en/opinions/${map.slug}/vote`, {
      statementId: String(map.statementIds[1]),
      vote: 'agree',
    });
    const viewer = await signedInUser(deps);
    const page = await app.inject({ url: `/en/opinions/${map.slug}`, headers: viewer.headers });
    const shown = Number(/name="statementId" value="(\d+)"/.exec(page.body)?.[1]);
    const expected = chooseNextStatement({
      candidates: map.statementIds.map((id, i) => ({ id, agree: i < 2 ? 1 : 0, disagree: 0, pass: 0 })),
      extremity: undefined,
      seed: `u${viewer.id}:0:5`,
    });
    expect(shown).toBe(expected);
    expect(map.statementIds.slice(2)).toContain(shown);
    // The same state gives the same statement.
    const again = await app.inject({ url: `/en/opinions/${map.slug}`, headers: viewer.headers });
    expect(/name="statementId" value="(\d+)"/.exec(again.body)?.[1]).toBe(String(shown));
  });

  test('signed out: 401, nothing stored', async () => {
    const map = await makeMap();
    const res = await post(undefined, `/en/opinions/${map.slug}/vote`, {
      statementId: String(map.statementIds[0]),
      vote: 'agree',
    });
    expect(res.statusCode).toBe(401);
    expect((await listStatementsWithCounts(deps.db, map.id))[0]!.agree).toBe(0);
  });
});

describe('refusals: 422 with the reason in the page’s language', () => {
  const expectRefused = async (
    res: Awaited<ReturnType<typeof post>>,
    key: keyof typeof en,
    catalog: Record<string, unknown> = en,
  ) => {
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(catalog[key] as string);
  };

  test('a closed map, and one not open yet', async () => {
    const closed = await makeMap({
      opensAt: '2026-10-01T00:00',
      closesAt: '2026-11-01T00:00',
    });
    await expectRefused(
      await post(person, `/en/opinions/${closed.slug}/vote`, {
        statementId: String(closed.statementIds[0]),
        vote: 'agree',
      }),
      'opinions.error.closed',
    );
    const later = await makeMap({ opensAt: '2026-12-01T00:00' });
    await expectRefused(
      await post(person, `/ar/opinions/${later.slug}/vote`, {
        statementId: String(later.statementIds[0]),
        vote: 'agree',
      }),
      'opinions.error.notYetOpen',
      ar,
    );
    await expectRefused(
      await post(person, `/en/opinions/${later.slug}/statements`, { body: 'Too early' }),
      'opinions.error.notYetOpen',
    );
  });

  test('a rejected statement, a pending one under pre-moderation, one of another map', async () => {
    const map = await makeMap({ moderation: 'pre' });
    await moderateStatement(deps, secretariat, map.id, map.statementIds[0]!, 'reject');
    await expectRefused(
      await post(person, `/en/opinions/${map.slug}/vote`, {
        statementId: String(map.statementIds[0]),
        vote: 'agree',
      }),
      'opinions.error.statementRejected',
    );
    const writer = await signedInUser(deps);
    expect(
      (await post(writer, `/en/opinions/${map.slug}/statements`, { body: 'Waiting for review' })).statusCode,
    ).toBe(303);
    const pending = (await listStatementsWithCounts(deps.db, map.id)).find(
      (s) => s.body === 'Waiting for review',
    )!;
    expect(pending.status).toBe('pending');
    await expectRefused(
      await post(person, `/en/opinions/${map.slug}/vote`, { statementId: String(pending.id), vote: 'agree' }),
      'opinions.error.statementPending',
    );
    const other = await makeMap();
    await expectRefused(
      await post(person, `/en/opinions/${map.slug}/vote`, {
        statementId: String(other.statementIds[0]),
        vote: 'agree',
      }),
      'opinions.error.statementNotHere',
    );
    await expectRefused(
      await post(person, `/en/opinions/${map.slug}/vote`, { statementId: '999999999', vote: 'agree' }),
      'opinions.error.statementNotHere',
    );
  });

  test('a vote other than agree / disagree / pass', async () => {
    const map = await makeMap();
    for (const vote of ['maybe', '1', '']) {
      await expectRefused(
        await post(person, `/en/opinions/${map.slug}/vote`, {
          statementId: String(map.statementIds[0]),
          vote,
        }),
        'opinions.error.voteValue',
      );
    }
    await expectRefused(
      await post(person, `/en/opinions/${map.slug}/vote`, { statementId: 'abc', vote: 'agree' }),
      'opinions.error.statementNotHere',
    );
  });

  test('an empty statement, one over 1,000 characters (the limit is said, the text kept), when writing is off', async () => {
    const map = await makeMap();
    await expectRefused(
      await post(person, `/en/opinions/${map.slug}/statements`, { body: '   ' }),
      'opinions.error.statementEmpty',
    );
    const long = 'x'.repeat(1001);
    const res = await post(person, `/en/opinions/${map.slug}/statements`, { body: long });
    await expectRefused(res, 'opinions.error.statementTooLong');
    expect(en['opinions.error.statementTooLong']).toContain('1,000');
    expect(res.body).toContain(long);
    const arabic = await post(person, `/ar/opinions/${map.slug}/statements`, { body: long });
    await expectRefused(arabic, 'opinions.error.statementTooLong', ar);
    expect(
      await post(person, `/en/opinions/${map.slug}/statements`, { body: 'y'.repeat(1000) }),
    ).toMatchObject({ statusCode: 303 });
    await expectRefused(
      await post(person, `/en/opinions/${map.slug}/statements`, { body: 'first  STATEMENT' }),
      'opinions.error.duplicate',
    );

    const closedToWriting = await makeMap({ allowStatements: false });
    await expectRefused(
      await post(person, `/en/opinions/${closedToWriting.slug}/statements`, { body: 'Mine' }),
      'opinions.error.statementsOff',
    );
  });
});

describe('adding a statement', () => {
  test('post-moderated: shown to others at once, with the author’s agree vote', async () => {
    const map = await makeMap();
    const writer = await signedInUser(deps);
    const res = await post(writer, `/en/opinions/${map.slug}/statements`, {
      body: 'Authors should be asked first.',
    });
    expect(res.headers.location).toBe(`/en/opinions/${map.slug}?done=added#statement`);
    const added = (await listStatementsWithCounts(deps.db, map.id)).find(
      (s) => s.body === 'Authors should be asked first.',
    )!;
    expect(added).toMatchObject({ status: 'pending', agree: 1, isSeed: false, language: 'en' });
    // Someone else can vote on it straight away.
    expect(
      (
        await post(person, `/en/opinions/${map.slug}/vote`, {
          statementId: String(added.id),
          vote: 'disagree',
        })
      ).statusCode,
    ).toBe(303);
  });

  test('pre-moderated: the author is told it awaits review', async () => {
    const map = await makeMap({ moderation: 'pre' });
    const writer = await signedInUser(deps);
    const res = await post(writer, `/es/opinions/${map.slug}/statements`, {
      body: 'Hay que pagar a los autores.',
    });
    expect(res.headers.location).toBe(`/es/opinions/${map.slug}?done=pending#statement`);
    const page = await app.inject({ url: res.headers.location!, headers: writer.headers });
    expect(page.body).toContain('Secretaría');
    const added = (await listStatementsWithCounts(deps.db, map.id)).find((s) =>
      s.body.startsWith('Hay que'),
    )!;
    expect(added.language).toBe('es');
  });
});

describe('personal data', () => {
  test('export lists the votes and statements; erase keeps them but detaches the account', async () => {
    const map = await makeMap();
    const someone = await signedInUser(deps);
    await post(someone, `/en/opinions/${map.slug}/vote`, {
      statementId: String(map.statementIds[0]),
      vote: 'disagree',
    });
    await post(someone, `/en/opinions/${map.slug}/statements`, { body: 'My own view.' });
    const exported = (await exportOpinions(deps, { id: someone.id, email: someone.email })) as {
      opinionMaps: { map: string; votes: { vote: string }[]; statements: { body: string }[] }[];
    };
    expect(exported.opinionMaps).toHaveLength(1);
    expect(exported.opinionMaps[0]!.map).toBe(map.slug);
    expect(exported.opinionMaps[0]!.votes.map((v) => v.vote).sort()).toEqual(['agree', 'disagree']);
    expect(exported.opinionMaps[0]!.statements.map((s) => s.body)).toEqual(['My own view.']);

    await deps.db.transaction((tx) => eraseOpinions(deps, tx, { id: someone.id, email: someone.email }));
    expect(await findParticipantOfUser(deps.db, map.id, someone.id)).toBeUndefined();
    const statements = await listStatementsWithCounts(deps.db, map.id);
    expect(statements.find((s) => s.body === 'My own view.')).toMatchObject({ agree: 1 });
    expect(statements.find((s) => s.id === map.statementIds[0])).toMatchObject({ disagree: 1 });
  });
});
