// Bad input and refusals on the newsletter's pages: each gets a clear answer in the page's
// language, never a 500. (Mail itself is in newsletter.mail.test.tsx.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { makeSeries, makeSession, makeTheme } from '../../../test/factories';
import { signedInUser, type SignedInUser } from '../../../test/accounts';
import { listOutboxMail } from '../../platform/mail/outbox.repo';
import { findSubscriberByEmail } from './newsletter.repo';
import { subscribeToNewsletter } from './newsletter.service';
import { newsletterModule } from './index';

let deps: TestDeps;
let app: Awaited<ReturnType<typeof createApp>>['app'];
let participant: SignedInUser;
let secretariat: SignedInUser;
let themeId: string;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
let client = 0;
const fromClient = () => `198.51.100.${++client}`;

beforeAll(async () => {
  deps = await createTestDeps({ env: { PUBLIC_URL: 'https://colloquy.test' } });
  app = (await createApp(deps)).app;
  const series = await makeSeries(deps.db, { slug: 'ip-frontier' });
  themeId = (
    await makeTheme(deps.db, {
      seriesId: series.id,
      title: { en: 'AI and IP', ar: 'الذكاء الاصطناعي والملكية الفكرية' },
    })
  ).id;
  // The home lists the themes that have sessions.
  await makeSession(deps.db, { seriesId: series.id, number: 1, themeId });
  participant = await signedInUser(deps);
  secretariat = await signedInUser(deps, { roles: ['secretariat'] });
});
afterAll(async () => {
  await app?.close();
  await deps?.close();
});

const post = (url: string, payload: string, extra: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, headers: { ...FORM, ...extra }, payload, remoteAddress: fromClient() });

describe('the sign-up form', () => {
  test('is on the series home, the same for every visitor, with the themes and the page’s language chosen', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/fr/series/ip-frontier' });
    const signedIn = await app.inject({
      method: 'GET',
      url: '/fr/series/ip-frontier',
      headers: participant.headers,
    });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('action="/fr/newsletter"');
    expect(anonymous.body).toContain(`value="${themeId}"`);
    expect(anonymous.body).toMatch(/<option value="fr" selected[^>]*>Français<\/option>/);
    expect(anonymous.body).not.toContain('_csrf');
    expect(signedIn.body).toBe(anonymous.body);
  });

  test('a malformed address comes back with the message in the page’s language and the values kept', async () => {
    const res = await post('/fr/newsletter', `email=not-an-address&locale=es&themes=${themeId}`);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="not-an-address"');
    expect(res.body).toMatch(/<option value="es" selected[^>]*>Español<\/option>/);
    expect(res.body).toMatch(new RegExp(`value="${themeId}" checked`));
    expect(res.body).toContain('Veuillez saisir une adresse électronique, par exemple nom@exemple.org.');
  });

  test('an unknown theme, a malformed theme id or an unknown language is refused, nothing written', async () => {
    const unknown = await post(
      '/en/newsletter',
      'email=a1@example.org&locale=en&themes=00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Choose themes from the list.');
    const malformed = await post('/ar/newsletter', 'email=a2@example.org&locale=ar&themes=1%20OR%201=1');
    expect(malformed.statusCode).toBe(422);
    expect(malformed.body).toContain('اختر المواضيع من القائمة.');
    const language = await post('/en/newsletter', 'email=a3@example.org&locale=de');
    expect(language.statusCode).toBe(422);
    expect(language.body).toContain('Choose one of the six languages.');
    for (const email of ['a1@example.org', 'a2@example.org', 'a3@example.org']) {
      expect(await findSubscriberByEmail(deps.db, email)).toBeUndefined();
    }
  });

  test('a signed-in visitor may post it without the session token; another site may not', async () => {
    const signedIn = await app.inject({
      method: 'POST',
      url: '/en/newsletter',
      headers: { ...FORM, ...participant.headers, 'sec-fetch-site': 'same-origin' },
      payload: 'email=signed.in@example.org&locale=en',
      remoteAddress: fromClient(),
    });
    expect(signedIn.statusCode).toBe(303);
    const crossSite = await post('/en/newsletter', 'email=victim@example.org&locale=en', {
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.statusCode).toBe(403);
    expect(await findSubscriberByEmail(deps.db, 'victim@example.org')).toBeUndefined();
  });

  test('is rate-limited per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/en/newsletter',
        headers: FORM,
        payload: 'email=bad',
        remoteAddress: '203.0.113.9',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 422)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('links from e-mails', () => {
  test('unknown or malformed tokens get a clear page, never a 500', async () => {
    for (const url of [
      '/en/newsletter/confirm?token=nope',
      '/en/newsletter/confirm',
      '/en/newsletter/unsubscribe?token=00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAA',
      '/en/newsletter/preferences?token=%00%01',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('This link does not work');
    }
    const post1 = await post('/ru/newsletter/unsubscribe?token=abc', 'List-Unsubscribe=One-Click');
    expect(post1.statusCode).toBe(404);
    expect(post1.body).toContain('Эта ссылка не работает');
    const post2 = await post('/en/newsletter/confirm', 'token=');
    expect(post2.statusCode).toBe(404);
    const post3 = await post('/en/newsletter/preferences', 'token=x&locale=fr');
    expect(post3.statusCode).toBe(404);
  });

  test('a forged manage token (right subscriber, wrong MAC) unsubscribes nobody', async () => {
    await subscribeToNewsletter(deps, { email: 'forged@example.org', locale: 'en', themes: [] });
    const subscriber = (await findSubscriberByEmail(deps.db, 'forged@example.org'))!;
    const res = await post(
      `/en/newsletter/unsubscribe?token=${subscriber.id}.AAAAAAAAAAAAAAAAAAAAAA`,
      'List-Unsubscribe=One-Click',
    );
    expect(res.statusCode).toBe(404);
    expect((await findSubscriberByEmail(deps.db, 'forged@example.org'))!.status).toBe('pending');
  });

  test('the preferences page changes language and themes, and refuses an unknown theme', async () => {
    await subscribeToNewsletter(deps, { email: 'prefs@example.org', locale: 'en', themes: [] });
    const [held] = (await listOutboxMail(deps.db, { limit: 50 })).filter(
      (m) => m.toAddress === 'prefs@example.org',
    );
    // A confirmed subscriber's link comes in every edition; take it from an "already subscribed" mail.
    const token = new URL(/(https:\/\/\S+confirm\?token=\S+)/.exec(held!.text)![1]!).searchParams.get(
      'token',
    )!;
    await post('/en/newsletter/confirm', `token=${token}`);
    const { manageTokens } = await import('./service/tokens');
    const subscriber = (await findSubscriberByEmail(deps.db, 'prefs@example.org'))!;
    const manage = (await manageTokens(deps)).tokenFor(subscriber);

    const page = await app.inject({ method: 'GET', url: `/en/newsletter/preferences?token=${manage}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('prefs@example.org');
    const bad = await post(
      '/en/newsletter/preferences',
      `token=${manage}&locale=fr&themes=00000000-0000-4000-8000-000000000000`,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Choose themes from the list.');
    const good = await post('/en/newsletter/preferences', `token=${manage}&locale=fr&themes=${themeId}`);
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain('Your preferences are saved.');
    expect(await findSubscriberByEmail(deps.db, 'prefs@example.org')).toMatchObject({
      locale: 'fr',
      status: 'confirmed',
    });
  });
});

describe('the back office', () => {
  const routes = (id: string) => [
    { method: 'GET' as const, url: '/en/admin/newsletter' },
    { method: 'GET' as const, url: '/en/admin/newsletter/editions/new' },
    { method: 'POST' as const, url: '/en/admin/newsletter/editions' },
    { method: 'GET' as const, url: `/en/admin/newsletter/editions/${id}` },
    { method: 'POST' as const, url: `/en/admin/newsletter/editions/${id}` },
    { method: 'GET' as const, url: `/en/admin/newsletter/editions/${id}/preview?as=fr` },
    { method: 'GET' as const, url: `/en/admin/newsletter/editions/${id}/send` },
    { method: 'POST' as const, url: `/en/admin/newsletter/editions/${id}/send` },
  ];

  test('a participant calling the edition routes is refused with 403, in the page’s language', async () => {
    const created = await post(
      '/en/admin/newsletter/editions',
      `_csrf=${secretariat.csrfToken}&subject_en=Hello&body_en=Text`,
      secretariat.headers,
    );
    expect(created.statusCode).toBe(303);
    const id = /editions\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    for (const route of routes(id)) {
      const res = await app.inject({
        method: route.method,
        url: route.url,
        headers: { ...participant.headers, ...(route.method === 'POST' ? FORM : {}) },
        payload:
          route.method === 'POST' ? `_csrf=${participant.csrfToken}&subject_en=x&body_en=y` : undefined,
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
    const fr = await app.inject({ method: 'GET', url: '/fr/admin/newsletter', headers: participant.headers });
    expect(fr.statusCode).toBe(403);
    expect(fr.body).toContain('<html lang="fr"');
  });

  test('an edition without any complete language, or with an unknown theme, comes back with the values kept', async () => {
    const none = await post(
      '/en/admin/newsletter/editions',
      `_csrf=${secretariat.csrfToken}&subject_fr=Objet`,
      secretariat.headers,
    );
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Write the text in this language too, or remove the subject.');
    expect(none.body).toContain('Write the subject and the text in at least one language.');
    expect(none.body).toContain('value="Objet"');
    const theme = await post(
      '/en/admin/newsletter/editions',
      `_csrf=${secretariat.csrfToken}&subject_en=S&body_en=B&themes=00000000-0000-4000-8000-000000000000`,
      secretariat.headers,
    );
    expect(theme.statusCode).toBe(422);
    expect(theme.body).toContain('Choose themes from the list.');
    const missing = await app.inject({
      method: 'GET',
      url: '/en/admin/newsletter/editions/00000000-0000-4000-8000-000000000000',
      headers: secretariat.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  test('sending an edition nobody would receive is refused, not a 500', async () => {
    const created = await post(
      '/en/admin/newsletter/editions',
      `_csrf=${secretariat.csrfToken}&subject_zh=标题&body_zh=正文&locales=zh`,
      secretariat.headers,
    );
    const id = /editions\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    const page = await app.inject({
      method: 'GET',
      url: `/en/admin/newsletter/editions/${id}`,
      headers: secretariat.headers,
    });
    expect(page.body).toContain('0 confirmed subscribers will receive it.');
    expect(page.body).toContain('Missing languages: Arabic, English, French, Russian, Spanish.');
    const send = await post(
      `/en/admin/newsletter/editions/${id}/send`,
      `_csrf=${secretariat.csrfToken}`,
      secretariat.headers,
    );
    expect(send.statusCode).toBe(409);
  });

  test('the preview shows the fallback with its note for a language the edition lacks', async () => {
    const created = await post(
      '/en/admin/newsletter/editions',
      `_csrf=${secretariat.csrfToken}&subject_en=Hello&body_en=First+paragraph.&subject_fr=Bonjour&body_fr=Premier.`,
      secretariat.headers,
    );
    const id = /editions\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    const fr = await app.inject({
      method: 'GET',
      url: `/en/admin/newsletter/editions/${id}/preview?as=fr`,
      headers: secretariat.headers,
    });
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Premier.');
    const es = await app.inject({
      method: 'GET',
      url: `/en/admin/newsletter/editions/${id}/preview?as=es`,
      headers: secretariat.headers,
    });
    expect(es.body).toContain('Este número no está disponible en español; aquí lo tiene en inglés.');
    expect(es.body).toContain('First paragraph.');
    const bad = await app.inject({
      method: 'GET',
      url: `/en/admin/newsletter/editions/${id}/preview?as=xx`,
      headers: secretariat.headers,
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('personal data', () => {
  test('an account’s export holds the subscription of its address, and deletion removes it', async () => {
    await subscribeToNewsletter(deps, { email: 'mine@example.org', locale: 'ru', themes: [themeId] });
    const hook = newsletterModule.personalData!;
    const exported = await hook.exportFor(deps, { id: participant.id, email: 'Mine@Example.org' });
    expect(exported).toMatchObject({
      email: 'mine@example.org',
      status: 'pending',
      language: 'ru',
      themes: [{ id: themeId, title: { en: 'AI and IP' } }],
      confirmedAt: null,
    });
    expect(JSON.stringify(exported)).not.toMatch(/token|nonce|hash/i);
    await deps.db.transaction((tx) =>
      hook.eraseFor(deps, tx, { id: participant.id, email: 'mine@example.org' }),
    );
    expect(await findSubscriberByEmail(deps.db, 'mine@example.org')).toBeUndefined();
    expect(await hook.exportFor(deps, { id: participant.id, email: 'mine@example.org' })).toBeNull();
  });
});
