// Open data (ADR 0030): a published map whose secretariat chose "publish open data" can be
// downloaded by anyone in pol.is's format: accepted statements only, anonymous participant
// numbers, no account data. Otherwise, and for unknown maps or files, the 404 page in the
// visitor's language. The results page links the files; the map's page says so before voting.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app';
import { signedInUser, type SignedInUser, postForm } from '../../../test/accounts';
import { makeOpinionMap } from '../../../test/opinions';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import ar from '../../platform/i18n/messages/ar.json' with { type: 'json' };
import en from '../../platform/i18n/messages/en.json' with { type: 'json' };
import fr from '../../platform/i18n/messages/fr.json' with { type: 'json' };
import type { Actor } from '../accounts';
import { findMapBySlug, listStatementsWithCounts } from './opinions.repo';
import { addSeedStatement, moderateStatement } from './service/maps';

let deps: TestDeps;
let app: Awaited<ReturnType<typeof createApp>>['app'];
let secretariat: Actor;
let sec: SignedInUser;
let alice: SignedInUser;
let bob: SignedInUser;

const post = (who: SignedInUser, url: string, values: Record<string, string>) =>
  postForm(app, who, url, values);

beforeAll(async () => {
  deps = await createTestDeps();
  app = (await createApp(deps)).app;
  sec = await signedInUser(deps, { roles: ['secretariat'] });
  secretariat = { userId: sec.id, label: 'sec', roles: new Set(['participant', 'secretariat']) };
  alice = await signedInUser(deps, { email: 'alice@example.org', name: 'Alice Private' });
  bob = await signedInUser(deps, { email: 'bob@example.org', name: 'Bob Private' });
});
afterAll(async () => {
  await app?.close();
  await deps?.close();
});

/**
 * A published, post-moderated map with two seed statements, one participant statement rejected
 * and one not reviewed yet, and votes from two accounts on all of them.
 */
async function arrange(slug: string, { open = true, published = true } = {}) {
  const { map } = await makeOpinionMap(
    deps,
    secretariat,
    { slug, topic: { en: 'Training data' }, publishOpenData: open },
    { published },
  );
  const mapId = map.id;
  for (const body of ['Licences first', 'Pay the creators'])
    await addSeedStatement(deps, secretariat, mapId, { body, language: 'en', isMeta: false });
  if (published) {
    await post(alice, `/en/opinions/${slug}/statements`, { body: 'Rejected words of Alice' });
    await post(bob, `/en/opinions/${slug}/statements`, { body: 'Unreviewed words of Bob' });
    const statements = await listStatementsWithCounts(deps.db, mapId);
    await moderateStatement(deps, secretariat, mapId, statements[2]!.id, 'reject');
    for (const [who, votes] of [
      [alice, ['agree', 'disagree', 'pass']],
      [bob, ['disagree', 'disagree', 'agree']],
    ] as const)
      for (const [i, vote] of votes.entries())
        await post(who, `/en/opinions/${slug}/vote`, { statementId: String(statements[i]!.id), vote });
  }
  return { mapId };
}

const get = (url: string) => app.inject({ url });

describe('the public download', () => {
  test('when published with open data: accepted statements and the votes on them, anonymous numbers only', async () => {
    await arrange('open-map');

    const comments = await get('/en/opinions/open-map/open-data/comments.csv');
    const votes = await get('/en/opinions/open-map/open-data/votes.csv');
    const matrix = await get('/fr/opinions/open-map/open-data/participants-votes.csv');

    expect(comments.statusCode).toBe(200);
    expect(comments.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(comments.headers['content-disposition']).toBe('attachment; filename="open-map-comments.csv"');
    expect(comments.headers.link).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    // Times are the test clock's (2026-11-25 10:00 UTC); the seed statements' author is the map's
    // "owner", numbered after the participants (0 Alice, 1 Bob), as pol.is numbers its moderator.
    const t = String(Date.parse('2026-11-25T10:00:00Z'));
    const when = 'Wed Nov 25 10:00:00 UTC 2026';
    expect(comments.body.trim().split('\n')).toEqual([
      'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body',
      `${t},${when},0,2,1,1,1,Licences first`,
      `${t},${when},1,2,0,2,1,Pay the creators`,
    ]);
    expect(votes.body.trim().split('\n')).toEqual([
      'timestamp,datetime,comment-id,voter-id,vote',
      `${t},${when},0,0,1`,
      `${t},${when},1,0,-1`,
      `${t},${when},0,1,-1`,
      `${t},${when},1,1,-1`,
    ]);
    expect(matrix.statusCode).toBe(200);
    expect(matrix.body.trim().split('\n')).toEqual([
      'participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1',
      '0,,0,2,1,1,1,-1',
      '1,,0,2,0,2,-1,-1',
    ]);
    for (const file of [comments, votes, matrix])
      for (const secret of ['Rejected words', 'Unreviewed words', 'example.org', 'Private'])
        expect(file.body).not.toContain(secret);
  });

  test('not flagged, or not published: the 404 page in the visitor’s language', async () => {
    await arrange('closed-data', { open: false });
    await arrange('draft-data', { published: false });

    const notFlagged = await get('/fr/opinions/closed-data/open-data/votes.csv');
    const draft = await get('/ar/opinions/draft-data/open-data/comments.csv');

    expect(notFlagged.statusCode).toBe(404);
    expect(notFlagged.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(notFlagged.body).toContain(fr['errors.NOT_FOUND']);
    expect(draft.statusCode).toBe(404);
    expect(draft.body).toContain(ar['errors.NOT_FOUND']);
    expect(draft.body).toContain('dir="rtl"');
  });

  test('an unknown map, a malformed one or a file that is not one of the three: 404 in the visitor’s language', async () => {
    await arrange('open-too');

    const unknown = await get('/fr/opinions/no-such-map/open-data/votes.csv');
    const malformed = await get('/fr/opinions/Bad_Slug!/open-data/votes.csv');
    const wrongFile = await get('/fr/opinions/open-too/open-data/passwords.csv');

    for (const res of [unknown, malformed, wrongFile]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain(fr['errors.NOT_FOUND']);
    }
  });
});

describe('what the pages say', () => {
  test('the results page links the three files with the licence; the map page tells participants first', async () => {
    await arrange('said-map');
    await arrange('quiet-map', { open: false });

    const results = (await get('/en/opinions/said-map/results')).body;
    const page = (await get('/en/opinions/said-map')).body;
    const quietResults = (await get('/en/opinions/quiet-map/results')).body;
    const quietPage = (await get('/en/opinions/quiet-map')).body;

    expect(results).toContain('<h2 id="open-data-heading">Open data</h2>');
    for (const file of ['comments.csv', 'votes.csv', 'participants-votes.csv'])
      expect(results).toContain(`href="/en/opinions/said-map/open-data/${file}"`);
    expect(results).toContain('href="https://creativecommons.org/licenses/by/4.0/"');
    expect(page).toContain(en['opinions.openData.notice']);
    expect(page).toContain('href="/en/opinions/said-map/results#open-data"');
    expect(quietResults).not.toContain('open-data');
    expect(quietPage).not.toContain(en['opinions.openData.notice']);
  });

  test('the secretariat sets the flag on the map’s form (audited), and can take it back', async () => {
    const form = {
      slug: 'form-flag',
      topic_en: 'Flagged from the form',
      moderation: 'post',
      opensAt: '2026-11-01T09:00',
      closesAt: '',
    };
    const created = await post(sec, '/en/admin/opinions', { ...form, publishOpenData: 'on' });
    const map = (await findMapBySlug(deps.db, 'form-flag'))!;
    const editPage = (await app.inject({ url: `/en/admin/opinions/${map.id}`, headers: sec.headers })).body;

    const saved = await post(sec, `/en/admin/opinions/${map.id}`, form);

    expect(created.statusCode).toBe(303);
    expect(map.publishOpenData).toBe(true);
    expect(editPage).toMatch(
      /<input type="checkbox" id="field-publishOpenData" name="publishOpenData" value="on" checked/,
    );
    expect(editPage).toContain(en['opinions.admin.publishOpenDataHint']);
    expect(saved.statusCode).toBe(303);
    expect((await findMapBySlug(deps.db, 'form-flag'))!.publishOpenData).toBe(false);
  });
});
