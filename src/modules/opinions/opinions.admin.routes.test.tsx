// The secretariat's pages for opinion maps: create and edit a map (422 with the values kept and the
// message in the page's language), publish, seed statements, edit only while nobody has voted,
// mark meta, the moderation queue; every change audited; others refused.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app';
import { makeSeries, makeSession } from '../../../test/factories';
import { signedInUser, type SignedInUser, postForm } from '../../../test/accounts';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import en from '../../platform/i18n/messages/en.json' with { type: 'json' };
import ar from '../../platform/i18n/messages/ar.json' with { type: 'json' };
import es from '../../platform/i18n/messages/es.json' with { type: 'json' };
import fr from '../../platform/i18n/messages/fr.json' with { type: 'json' };
import { findMapBySlug, listStatementsWithCounts } from './opinions.repo';

let deps: TestDeps;
let app: Awaited<ReturnType<typeof createApp>>['app'];
let sec: SignedInUser;
let sessionId: string;

beforeAll(async () => {
  deps = await createTestDeps({ env: { PUBLIC_URL: 'https://colloquy.test' } });
  app = (await createApp(deps)).app;
  sec = await signedInUser(deps, { roles: ['secretariat'] });
  const series = await makeSeries(deps.db, { slug: 'ip-frontier' });
  sessionId = (await makeSession(deps.db, { seriesId: series.id, number: 9 })).id;
});
afterAll(async () => {
  await app?.close();
  await deps?.close();
});

const post = (who: SignedInUser, url: string, values: Record<string, string>) =>
  postForm(app, who, url, values);

const MAP = {
  slug: 'training-data',
  topic_en: 'Training data and copyright',
  topic_fr: 'Données d’entraînement et droit d’auteur',
  description_en: 'What should the rules be?',
  moderation: 'pre',
  allowStatements: 'on',
  opensAt: '2026-11-01T09:00',
  closesAt: '',
};

const auditActions = async (subjectId: string) =>
  (
    await deps.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE subject_id = ${subjectId} ORDER BY at, id`,
    )
  ).rows.map((r) => r.action);

describe('maps', () => {
  test('a bad form: 422 in the page’s language, every value kept', async () => {
    const res = await post(sec, '/fr/admin/opinions', {
      ...MAP,
      slug: 'Not A Slug',
      topic_en: '',
      topic_fr: '',
      opensAt: '2026-11-01T09:00',
      closesAt: '2026-10-01T09:00',
      description_en: 'Gardé tel quel',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(fr['admin.error.slug']);
    expect(res.body).toContain(fr['admin.error.textRequired']);
    expect(res.body).toContain(fr['opinions.error.closesBeforeOpens']);
    expect(res.body).toContain('value="Not A Slug"');
    expect(res.body).toContain('Gardé tel quel');
  });

  test('create (a draft, audited), edit, a taken slug, publish', async () => {
    const created = await post(sec, '/en/admin/opinions', { ...MAP, sessionId });
    expect(created.statusCode).toBe(303);
    const map = (await findMapBySlug(deps.db, 'training-data'))!;
    expect(created.headers.location).toBe(`/en/admin/opinions/${map.id}?done=created`);
    expect(map).toMatchObject({
      sessionId,
      moderation: 'pre',
      allowStatements: true,
      isPublished: false,
      topic: { en: 'Training data and copyright', fr: 'Données d’entraînement et droit d’auteur' },
      // 09:00 on the session's clock (Europe/Zurich, winter time)
      opensAt: new Date('2026-11-01T08:00:00Z'),
      closesAt: null,
    });
    const page = await app.inject({ url: `/en/admin/opinions/${map.id}`, headers: sec.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('lang="ar" dir="rtl"');

    const taken = await post(sec, '/en/admin/opinions', { ...MAP });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain(en['admin.error.slugTaken']);

    const saved = await post(sec, `/en/admin/opinions/${map.id}`, {
      ...MAP,
      moderation: 'post',
      allowStatements: '',
      closesAt: '2026-12-31T18:00',
    });
    expect(saved.statusCode).toBe(303);
    expect(await findMapBySlug(deps.db, 'training-data')).toMatchObject({
      moderation: 'post',
      allowStatements: false,
      sessionId: null,
      closesAt: new Date('2026-12-31T18:00:00Z'),
    });
    expect((await post(sec, `/en/admin/opinions/${map.id}/publish`, {})).statusCode).toBe(303);
    expect((await findMapBySlug(deps.db, 'training-data'))!.isPublished).toBe(true);
    expect(await auditActions(map.id)).toEqual([
      'opinions.map.create',
      'opinions.map.update',
      'opinions.map.publish',
    ]);
  });

  test('a participant or a moderator is refused; a visitor is sent to sign in', async () => {
    const participant = await signedInUser(deps);
    const moderator = await signedInUser(deps, { roles: ['moderator'] });
    expect((await app.inject({ url: '/en/admin/opinions', headers: participant.headers })).statusCode).toBe(
      403,
    );
    expect((await post(moderator, '/en/admin/opinions', MAP)).statusCode).toBe(403);
    expect((await app.inject({ url: '/en/admin/opinions' })).statusCode).toBe(303);
  });
});

describe('opening and closing on the clock of the map’s session', () => {
  test('typed in the session’s zone, shown back in it, the zone named beside the fields', async () => {
    const created = await post(sec, '/en/admin/opinions', {
      ...MAP,
      slug: 'zoned',
      sessionId,
      opensAt: '2026-07-01T09:30',
      closesAt: '2026-12-01T18:00',
    });

    expect(created.statusCode).toBe(303);
    const map = (await findMapBySlug(deps.db, 'zoned'))!;
    // Zurich: summer time (UTC+2) in July, winter time (UTC+1) in December
    expect(map.opensAt).toEqual(new Date('2026-07-01T07:30:00Z'));
    expect(map.closesAt).toEqual(new Date('2026-12-01T17:00:00Z'));
    const page = await app.inject({ url: `/fr/admin/opinions/${map.id}`, headers: sec.headers });
    expect(page.body).toContain('name="opensAt" type="datetime-local" value="2026-07-01T09:30"');
    expect(page.body).toContain('name="closesAt" type="datetime-local" value="2026-12-01T18:00"');
    expect(page.body).toContain(
      `<legend>${fr['opinions.admin.when'].replace('{zone}', 'Europe/Zurich')}</legend>`,
    );
    expect(page.body).toContain(fr['opinions.admin.opensHint'].replace('{zone}', 'Europe/Zurich'));
  });

  test('without a session the times are UTC', async () => {
    await post(sec, '/en/admin/opinions', { ...MAP, slug: 'utc-map', opensAt: '2026-07-01T09:30' });

    const map = (await findMapBySlug(deps.db, 'utc-map'))!;
    const page = await app.inject({ url: `/en/admin/opinions/${map.id}`, headers: sec.headers });

    expect(map.opensAt).toEqual(new Date('2026-07-01T09:30:00Z'));
    expect(page.body).toContain(`<legend>${en['opinions.admin.when'].replace('{zone}', 'UTC')}</legend>`);
  });

  test('a time the zone skips, a day that does not exist, closing before opening: 422, the form kept, in the page’s language', async () => {
    // 29 March 2026, 02:30 does not happen in Zurich: the clocks go from 02:00 to 03:00.
    const skipped = await post(sec, '/fr/admin/opinions', {
      ...MAP,
      slug: 'skipped-hour',
      sessionId,
      opensAt: '2026-03-29T02:30',
    });
    const noDay = await post(sec, '/ar/admin/opinions', {
      ...MAP,
      slug: 'no-such-day',
      opensAt: '2026-02-30T10:00',
    });
    const backwards = await post(sec, '/es/admin/opinions', {
      ...MAP,
      slug: 'backwards',
      sessionId,
      opensAt: '2026-11-02T10:00',
      closesAt: '2026-11-02T09:59',
    });

    expect(skipped.statusCode).toBe(422);
    expect(skipped.body).toContain(fr['opinions.error.noSuchTime']);
    expect(skipped.body).toContain('value="2026-03-29T02:30"');
    expect(skipped.body).toContain('value="skipped-hour"');
    expect(noDay.statusCode).toBe(422);
    expect(noDay.body).toContain(ar['opinions.error.noSuchTime']);
    expect(noDay.body).toContain('value="2026-02-30T10:00"');
    expect(backwards.statusCode).toBe(422);
    expect(backwards.body).toContain(es['opinions.error.closesBeforeOpens']);
    expect(backwards.body).toContain('value="2026-11-02T09:59"');
    expect(await findMapBySlug(deps.db, 'skipped-hour')).toBeUndefined();
  });

  test('the same wall-clock times saved under another session are read on its clock', async () => {
    const tokyo = await makeSession(deps.db, {
      seriesId: (await makeSeries(deps.db)).id,
      number: 1,
      timeZone: 'Asia/Tokyo',
    });
    await post(sec, '/en/admin/opinions', { ...MAP, slug: 'moved', sessionId, opensAt: '2026-11-02T10:00' });
    const map = (await findMapBySlug(deps.db, 'moved'))!;

    await post(sec, `/en/admin/opinions/${map.id}`, {
      ...MAP,
      slug: 'moved',
      sessionId: tokyo.id,
      opensAt: '2026-11-02T10:00',
    });

    expect((await findMapBySlug(deps.db, 'moved'))!.opensAt).toEqual(new Date('2026-11-02T01:00:00Z'));
  });
});

describe('statements and moderation', () => {
  test('seed, edit while nobody voted, text fixed once voted (meta still), accept and reject', async () => {
    await post(sec, '/en/admin/opinions', { ...MAP, slug: 'seeded', moderation: 'pre' });
    const map = (await findMapBySlug(deps.db, 'seeded'))!;
    await post(sec, `/en/admin/opinions/${map.id}/publish`, {});
    const base = `/en/admin/opinions/${map.id}`;

    const empty = await post(sec, `${base}/statements`, { 'new-body': '', 'new-language': 'en' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain(en['opinions.error.statementEmpty']);
    const tooLong = await post(sec, `${base}/statements`, {
      'new-body': 'z'.repeat(1001),
      'new-language': 'en',
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('z'.repeat(1001));

    expect(
      (await post(sec, `${base}/statements`, { 'new-body': 'Licences first.', 'new-language': 'en' }))
        .statusCode,
    ).toBe(303);
    const [seed] = await listStatementsWithCounts(deps.db, map.id);
    expect(seed).toMatchObject({ body: 'Licences first.', status: 'accepted', isSeed: true, isMeta: false });

    const edited = await post(sec, `${base}/statements/${seed!.id}`, {
      [`s${seed!.id}-body`]: 'Licences must come first.',
      [`s${seed!.id}-language`]: 'en',
    });
    expect(edited.statusCode).toBe(303);

    // Someone votes: the text is fixed from then on, but it can still be marked meta.
    const voter = await signedInUser(deps);
    expect(
      (await post(voter, `/en/opinions/seeded/vote`, { statementId: String(seed!.id), vote: 'agree' }))
        .statusCode,
    ).toBe(303);
    const refused = await post(sec, `${base}/statements/${seed!.id}`, {
      [`s${seed!.id}-body`]: 'Something else entirely.',
      [`s${seed!.id}-language`]: 'en',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(en['opinions.error.hasVotes']);
    expect(refused.body).toContain('Something else entirely.');
    const meta = await post(sec, `${base}/statements/${seed!.id}`, {
      [`s${seed!.id}-body`]: 'Licences must come first.',
      [`s${seed!.id}-language`]: 'en',
      [`s${seed!.id}-isMeta`]: 'on',
    });
    expect(meta.statusCode).toBe(303);

    // A participant's statement waits in the queue (pre-moderation); accept it, then reject it later.
    await post(voter, `/en/opinions/seeded/statements`, { body: 'Pay the translators too.' });
    const queue = await app.inject({ url: `${base}/moderation`, headers: sec.headers });
    expect(queue.body).toContain('Pay the translators too.');
    const mine = (await listStatementsWithCounts(deps.db, map.id)).find((s) => !s.isSeed)!;
    expect(mine.status).toBe('pending');
    const accepted = await post(sec, `${base}/statements/${mine.id}/accept`, { returnTo: 'moderation' });
    expect(accepted.headers.location).toBe(`${base}/moderation?done=accepted`);
    expect((await post(sec, `${base}/statements/${mine.id}/reject`, {})).statusCode).toBe(303);
    const after = await listStatementsWithCounts(deps.db, map.id);
    expect(after.map((s) => [s.body, s.status, s.isMeta])).toEqual([
      ['Licences must come first.', 'accepted', true],
      ['Pay the translators too.', 'rejected', false],
    ]);
    expect(await auditActions(String(mine.id))).toEqual([
      'opinions.statement.accept',
      'opinions.statement.reject',
    ]);
    expect(await auditActions(String(seed!.id))).toEqual([
      'opinions.statement.seed',
      'opinions.statement.edit',
      'opinions.statement.edit',
    ]);
    // A statement of another map, or none: 404, not a 500.
    expect((await post(sec, `/en/admin/opinions/${map.id}/statements/999999/accept`, {})).statusCode).toBe(
      404,
    );
  });
});
