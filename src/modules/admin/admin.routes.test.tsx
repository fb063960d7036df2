import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signedInUser, type SignedInUser } from '../../../test/accounts';
import { makeOutgoingMail, makeSeries, makeSession } from '../../../test/factories';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { createApp, type App } from '../../app';

let deps: TestDeps;
let app: App['app'];
let secretariat: SignedInUser;
let moderator: SignedInUser;
let participant: SignedInUser;

beforeAll(async () => {
  deps = await createTestDeps();
  app = (await createApp(deps)).app;
  secretariat = await signedInUser(deps, { roles: ['secretariat'], name: 'Sam Secretariat' });
  moderator = await signedInUser(deps, { roles: ['moderator'], name: 'Mo Moderator' });
  participant = await signedInUser(deps);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const get = (url: string, user?: SignedInUser) => app.inject({ url, headers: user?.headers ?? {} });

describe('the back office home', () => {
  test('the secretariat sees every section and what waits: drafts and held mail', async () => {
    const series = await makeSeries(deps.db, { isPublished: false });
    await makeSession(deps.db, { seriesId: series.id, number: 1, isPublished: false });
    await deps.mailer.send(makeOutgoingMail({ subject: 'Held one' }));

    const response = await get('/en/admin', secretariat);

    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    for (const href of [
      '/en/admin/series',
      '/en/admin/sessions',
      '/en/admin/documents',
      '/en/admin/outbox',
      '/en/admin/audit',
    ]) {
      expect(response.body).toContain(`<a href="${href}">`);
    }
    expect(response.body).toContain('Series not yet published: 1');
    expect(response.body).toContain('Sessions not yet published: 1');
    expect(response.body).toMatch(/Messages held \(not sent, no mail server configured\): [1-9]/);
    expect(response.body).toContain('<a href="/en/admin" aria-current="page">Overview</a>');
  });

  test('a moderator enters but sees neither content, outbox nor audit; a participant is refused', async () => {
    const asModerator = await get('/ar/admin', moderator);
    const asParticipant = await get('/en/admin', participant);
    const asNobody = await get('/en/admin');

    expect(asModerator.statusCode).toBe(200);
    expect(asModerator.body).toContain('<html lang="ar" dir="rtl">');
    expect(asModerator.body).not.toContain('/ar/admin/sessions');
    expect(asModerator.body).not.toContain('/ar/admin/outbox');
    expect(asModerator.body).not.toContain('/ar/admin/audit');
    expect(asParticipant.statusCode).toBe(403);
    expect(asNobody.statusCode).toBe(303);
    expect(asNobody.headers.location).toBe('/en/sign-in?next=%2Fen%2Fadmin');
  });
});

describe('the outbox', () => {
  test('lists held mail with its details, filters by status, and shows one message as text', async () => {
    const { id } = await deps.mailer.send(
      makeOutgoingMail({
        to: 'lea@example.org',
        locale: 'fr',
        kind: 'accounts.sign-in',
        subject: 'Votre lien de connexion',
        text: 'Bonjour Léa,\nvoici votre lien.',
        html: '<p>Bonjour <script>alert(1)</script></p>',
      }),
    );

    const list = await get('/en/admin/outbox?status=held', secretariat);
    const failedOnly = await get('/en/admin/outbox?status=failed', secretariat);
    const detail = await get(`/en/admin/outbox/${id}`, secretariat);
    const html = await get(`/en/admin/outbox/${id}/message.html`, secretariat);

    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`<a href="/en/admin/outbox/${id}" lang="fr">Votre lien de connexion</a>`);
    expect(list.body).toContain('lea@example.org');
    expect(list.body).toContain('<option value="held" selected>Held (not sent)');
    expect(failedOnly.body).not.toContain('Votre lien de connexion');
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Bonjour Léa,\nvoici votre lien.');
    expect(detail.body).not.toContain('<script>alert(1)</script>');
    expect(html.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': `attachment; filename="message-${id}.html"`,
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
    });
    expect(html.body).toBe('<p>Bonjour <script>alert(1)</script></p>');
  });

  test('moderators may not read mail; a malformed filter is a bad request', async () => {
    const { id } = await deps.mailer.send(makeOutgoingMail());

    expect((await get('/en/admin/outbox', moderator)).statusCode).toBe(403);
    expect((await get(`/en/admin/outbox/${id}`, moderator)).statusCode).toBe(403);
    expect((await get(`/en/admin/outbox/${id}/message.html`, participant)).statusCode).toBe(403);
    const bad = await get('/en/admin/outbox?status=lost', secretariat);
    expect(bad.statusCode).toBe(400);
    expect((await get('/en/admin/outbox/not-a-uuid', secretariat)).statusCode).toBe(404);
  });
});
