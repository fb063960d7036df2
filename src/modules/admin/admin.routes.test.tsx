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
    expect(list.body).toContain(
      `<a href="/en/admin/outbox/${id}" lang="fr" dir="ltr">Votre lien de connexion</a>`,
    );
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

describe('attachments in the outbox', () => {
  // Every byte value, so a download that went through text or lost a byte would differ.
  const binary = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));
  const calendar = 'BEGIN:VCALENDAR\r\nSUMMARY:Séance 9 — 知识产权\r\nEND:VCALENDAR\r\n';

  async function mailWithAttachments() {
    return deps.mailer.send(
      makeOutgoingMail({
        subject: 'Registration confirmed',
        attachments: [
          {
            filename: 'session-9.ics',
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: calendar,
          },
          { filename: 'check-in.png', contentType: 'image/png', content: binary, cid: 'check-in-qr' },
        ],
      }),
    );
  }

  test('the message and the list show each attachment’s name, type and size, and each downloads byte for byte', async () => {
    const { id } = await mailWithAttachments();

    const detail = await get(`/en/admin/outbox/${id}`, secretariat);
    const list = await get('/en/admin/outbox', secretariat);
    const ics = await get(`/en/admin/outbox/${id}/attachments/0`, secretariat);
    const png = await get(`/en/admin/outbox/${id}/attachments/1`, secretariat);

    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('<h2>Attachments</h2>');
    expect(detail.body).toContain(
      `<a href="/en/admin/outbox/${id}/attachments/0" download="session-9.ics" dir="auto">session-9.ics</a>`,
    );
    expect(detail.body).toContain('<code>text/calendar; charset=utf-8; method=PUBLISH</code>');
    expect(detail.body).toContain(
      `<a href="/en/admin/outbox/${id}/attachments/1" download="check-in.png" dir="auto">check-in.png</a> (shown in the message)`,
    );
    expect(detail.body).toContain('<code>image/png</code></td><td>0.5 KB</td>');
    expect(list.body).toContain(
      `<li><a href="/en/admin/outbox/${id}/attachments/1" download="check-in.png" dir="auto">check-in.png</a></li>`,
    );
    expect(ics.statusCode).toBe(200);
    expect(ics.headers).toMatchObject({
      'content-type': 'text/calendar; charset=utf-8; method=PUBLISH',
      'content-disposition': 'attachment; filename="session-9.ics"',
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    expect(ics.rawPayload.equals(Buffer.from(calendar))).toBe(true);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-disposition']).toBe('attachment; filename="check-in.png"');
    expect(png.rawPayload.equals(binary)).toBe(true);
  });

  test('a message keeps its own direction on a page in another script', async () => {
    const { id } = await deps.mailer.send(
      makeOutgoingMail({
        locale: 'fr',
        subject: 'Inscription confirmée',
        text: 'Votre place est confirmée.',
      }),
    );

    const detail = await get(`/ar/admin/outbox/${id}`, secretariat);

    expect(detail.body).toContain('<html lang="ar" dir="rtl">');
    expect(detail.body).toContain('<h1 lang="fr" dir="ltr">Inscription confirmée</h1>');
    expect(detail.body).toContain(
      '<pre class="mail-text" lang="fr" dir="ltr">Votre place est confirmée.</pre>',
    );
  });

  test('a message without attachments says so', async () => {
    const { id } = await deps.mailer.send(makeOutgoingMail({ subject: 'Plain' }));

    const detail = await get(`/es/admin/outbox/${id}`, secretariat);

    expect(detail.body).toContain('<p>Este mensaje no tiene archivos adjuntos.</p>');
    expect(detail.body).not.toContain(`/es/admin/outbox/${id}/attachments/`);
  });

  test('an unknown message or attachment is a 404 page in the viewer’s language', async () => {
    const { id } = await mailWithAttachments();
    const plain = await deps.mailer.send(makeOutgoingMail());

    const pastTheLast = await get(`/fr/admin/outbox/${id}/attachments/2`, secretariat);
    const noneAtAll = await get(`/ar/admin/outbox/${plain.id}/attachments/0`, secretariat);
    const unknownMessage = await get(
      '/fr/admin/outbox/00000000-0000-4000-8000-000000000000/attachments/0',
      secretariat,
    );
    const notAnIndex = await get(`/fr/admin/outbox/${id}/attachments/first`, secretariat);

    for (const res of [pastTheLast, unknownMessage, notAnIndex]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<html lang="fr" dir="ltr">');
      expect(res.body).toContain('Cette page est introuvable.');
    }
    expect(noneAtAll.statusCode).toBe(404);
    expect(noneAtAll.body).toContain('<html lang="ar" dir="rtl">');
  });

  test('only the secretariat may download one: a participant or moderator gets 403, nobody is sent to sign in', async () => {
    const { id } = await mailWithAttachments();

    const asParticipant = await get(`/en/admin/outbox/${id}/attachments/0`, participant);
    const asModerator = await get(`/en/admin/outbox/${id}/attachments/1`, moderator);
    const badIndexAsParticipant = await get(`/en/admin/outbox/${id}/attachments/x`, participant);
    const asNobody = await get(`/en/admin/outbox/${id}/attachments/0`);

    expect(asParticipant.statusCode).toBe(403);
    expect(asParticipant.body).not.toContain('VCALENDAR');
    expect(asModerator.statusCode).toBe(403);
    expect(badIndexAsParticipant.statusCode).toBe(403);
    expect(asNobody.statusCode).toBe(303);
    expect(asNobody.headers.location).toBe(
      `/en/sign-in?next=${encodeURIComponent(`/en/admin/outbox/${id}/attachments/0`)}`,
    );
  });
});
