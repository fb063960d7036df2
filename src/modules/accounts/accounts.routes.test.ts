import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { createApp } from '../../app';
import { makeUser, signedInUser, signIn, type SignedInUser } from '../../../test/accounts';
import { useTestDeps, TEST_NOW } from '../../../test/test-deps';
import type { Clock } from '../../platform/clock';
import { mailOutbox } from '../../platform/mail/mail.tables';
import { auditLog } from '../audit/audit.tables';
import { authSessions, userRoles, users } from './accounts.tables';

/** A clock the tests move forward, to expire links. */
let now = new Date(TEST_NOW);
const clock: Clock = { now: () => new Date(now) };
const deps = useTestDeps({ clock });

async function app() {
  return (await createApp(deps())).app;
}

let counter = 0;
const newEmail = () => `visitor-${Date.now().toString(36)}-${++counter}@example.org`;

/** The sign-in messages held in the outbox for an address, oldest first. */
async function mailsTo(email: string) {
  const rows = await deps().db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function linkAndCode(text: string | null): { token: string; path: string; code: string } {
  if (!text) throw new Error('no text part');
  const link = /https?:\/\/[^\s]+\/sign-in\/link\?token=([\w-]+)/.exec(text);
  const code = /^(\d{6})$/m.exec(text);
  if (!link?.[1] || !code?.[1]) throw new Error(`no link or code in: ${text}`);
  return { token: link[1], path: new URL(link[0]).pathname + new URL(link[0]).search, code: code[1] };
}

const cookieOf = (res: { headers: Record<string, unknown> }) => {
  const cookies = [res.headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string');
  return cookies.find((c) => c.startsWith('colloquy_session='))?.split(';')[0];
};

async function requestLink(a: Awaited<ReturnType<typeof app>>, email: string, locale = 'en', next = '') {
  return a.inject({ method: 'POST', url: `/${locale}/sign-in`, payload: { email, next } });
}

describe('sign-up and sign-in by e-mail', () => {
  test('the link in the mail (in the page’s language) creates the account once and signs in', async () => {
    const a = await app();
    const email = newEmail();

    const asked = await requestLink(a, `  ${email.toUpperCase()} `, 'fr');

    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toMatch(/^\/fr\/sign-in\/check-mail\?request=[0-9a-f-]{36}$/);
    const [mail] = await mailsTo(email);
    expect(mail).toMatchObject({
      locale: 'fr',
      kind: 'accounts.sign-in',
      subject: 'Votre lien de connexion à Colloquy',
    });
    expect(mail!.text).toContain(
      'Ouvrez ce lien pour vous connecter. Il ne sert qu’une fois, pendant 15 minutes :',
    );
    expect(mail!.html).toContain('<html lang="fr" dir="ltr">');
    const { token, path, code } = linkAndCode(mail!.text);
    expect(mail!.html).toContain(code);
    expect(path).toBe(`/fr/sign-in/link?token=${token}`);

    const page = await a.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(email);
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(await deps().db.select().from(users).where(eq(users.email, email))).toEqual([]);

    const signedIn = await a.inject({ method: 'POST', url: '/fr/sign-in/link', payload: { token } });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/fr/account?notice=welcome');
    const cookie = cookieOf(signedIn);
    expect(cookie).toBeDefined();
    const [user] = await deps().db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ preferredLocale: 'fr', lastSignInAt: new Date(TEST_NOW) });

    const account = await a.inject({ url: '/fr/account?notice=welcome', headers: { cookie: cookie! } });
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Bienvenue ! Votre compte est prêt.');
    expect(account.body).toContain(email);

    const again = await a.inject({ method: 'POST', url: '/fr/sign-in/link', payload: { token } });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Ce lien ou ce code de connexion a déjà été utilisé');
    expect(again.body).toContain('action="/fr/sign-in"');
    const reopened = await a.inject({ url: path });
    expect(reopened.statusCode).toBe(400);
    expect(reopened.body).toContain('a déjà été utilisé');
  });

  test('an address with an account and one without get the same answer and the same mail', async () => {
    const a = await app();
    const known = await makeUser(deps(), { email: newEmail() });
    const unknown = newEmail();

    const [one, two] = [await requestLink(a, known.email), await requestLink(a, unknown)];

    expect([one.statusCode, two.statusCode]).toEqual([303, 303]);
    expect(one.headers.location?.replace(/request=.*/, '')).toBe(
      two.headers.location?.replace(/request=.*/, ''),
    );
    const [mailOne, mailTwo] = [(await mailsTo(known.email))[0]!, (await mailsTo(unknown))[0]!];
    expect(mailOne.subject).toBe(mailTwo.subject);
    expect(mailOne.text?.replace(/token=[\w-]+|\d{6}/g, '')).toBe(
      mailTwo.text?.replace(/token=[\w-]+|\d{6}/g, ''),
    );
  });

  test('the code signs in on the page that asked; a wrong code says how many tries are left', async () => {
    const a = await app();
    const user = await makeUser(deps(), { email: newEmail() });
    const asked = await requestLink(a, user.email, 'es');
    const requestId = /request=([0-9a-f-]+)/.exec(asked.headers.location!)![1]!;
    const { code } = linkAndCode((await mailsTo(user.email))[0]!.text);
    const wrongCode = code === '000000' ? '111111' : '000000';

    const checkPage = await a.inject({ url: asked.headers.location! });
    expect(checkPage.body).toContain('Revise su correo');
    const wrong = await a.inject({
      method: 'POST',
      url: '/es/sign-in/code',
      payload: { request: requestId, code: wrongCode },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Este código no es el del mensaje.');
    expect(wrong.body).toContain('Le quedan 4 intentos.');
    const malformed = await a.inject({
      method: 'POST',
      url: '/es/sign-in/code',
      payload: { request: requestId, code: '12ab' },
    });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.body).toContain('El código tiene seis cifras');

    const right = await a.inject({
      method: 'POST',
      url: '/es/sign-in/code',
      payload: { request: requestId, code: `${code.slice(0, 3)} ${code.slice(3)}` },
    });

    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/es/account?notice=signedIn');
    expect(cookieOf(right)).toBeDefined();
  });

  test('five wrong codes spend the sign-in: the right code no longer works', async () => {
    const a = await app();
    const email = newEmail();
    const asked = await requestLink(a, email);
    const requestId = /request=([0-9a-f-]+)/.exec(asked.headers.location!)![1]!;
    const { code } = linkAndCode((await mailsTo(email))[0]!.text);
    const wrongCode = code === '000000' ? '111111' : '000000';

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await a.inject({
        method: 'POST',
        url: '/en/sign-in/code',
        payload: { request: requestId, code: wrongCode },
      });
      statuses.push(res.statusCode);
    }
    const right = await a.inject({
      method: 'POST',
      url: '/en/sign-in/code',
      payload: { request: requestId, code },
    });

    expect(statuses).toEqual([422, 422, 422, 422, 429]);
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('Too many wrong codes.');
    expect(cookieOf(right)).toBeUndefined();
  });

  test('an expired link is refused with a way to get a new one; a forged token is unknown', async () => {
    const a = await app();
    const email = newEmail();
    await requestLink(a, email, 'ru');
    const { token } = linkAndCode((await mailsTo(email))[0]!.text);

    now = new Date(new Date(TEST_NOW).getTime() + 16 * 60_000);
    try {
      const expired = await a.inject({ method: 'POST', url: '/ru/sign-in/link', payload: { token } });
      expect(expired.statusCode).toBe(400);
      expect(expired.body).toContain('Срок действия этой ссылки или кода истек');
      expect(expired.body).toContain(`value="${email}"`);
      expect(cookieOf(expired)).toBeUndefined();
    } finally {
      now = new Date(TEST_NOW);
    }
    const forged = await a.inject({ url: '/en/sign-in/link?token=not-a-real-token' });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('We do not recognise this sign-in link.');
  });

  test('a malformed address gets the form back with the message and what was typed; no mail', async () => {
    const a = await app();

    const res = await requestLink(a, 'not-an-address@', 'fr', '/fr/documents');

    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Veuillez saisir une adresse électronique');
    expect(res.body).toContain('value="not-an-address@"');
    expect(res.body).toContain('value="/fr/documents"');
    expect(await mailsTo('not-an-address@')).toEqual([]);
  });

  test('next leads back to a local page only (no open redirect)', async () => {
    const a = await app();
    const signInWith = async (next: string) => {
      const email = newEmail();
      await requestLink(a, email, 'en', next);
      const { token } = linkAndCode((await mailsTo(email))[0]!.text);
      return (await a.inject({ method: 'POST', url: '/en/sign-in/link', payload: { token } })).headers
        .location;
    };

    expect(await signInWith('/en/documents?session=9')).toBe('/en/documents?session=9');
    expect(await signInWith('https://evil.example/')).toBe('/en/account?notice=welcome');
    expect(await signInWith('//evil.example/x')).toBe('/en/account?notice=welcome');
    expect(await signInWith('/\\evil.example')).toBe('/en/account?notice=welcome');
  });

  test('more than five links for one address within an hour are refused in the page’s language', async () => {
    const a = await app();
    const email = newEmail();

    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await requestLink(a, email, 'fr')).statusCode);
    const last = await requestLink(a, email, 'fr');

    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    expect(last.body).toContain('Trop de requêtes');
    expect(await mailsTo(email)).toHaveLength(5);
  });

  test('a browser signed in as someone else can use a sign-in link: its forms carry its token', async () => {
    const a = await app();
    const current = await signedInUser(deps(), { email: newEmail() });
    const email = newEmail();
    await requestLink(a, email);
    const { path, token } = linkAndCode((await mailsTo(email))[0]!.text);

    const page = await a.inject({ url: path, headers: current.headers });
    const withoutToken = await a.inject({
      method: 'POST',
      url: '/en/sign-in/link',
      headers: current.headers,
      payload: { token },
    });
    const switched = await a.inject({
      method: 'POST',
      url: '/en/sign-in/link',
      headers: current.headers,
      payload: { token, _csrf: current.csrfToken },
    });

    expect(page.body).toContain(`name="_csrf" value="${current.csrfToken}"`);
    expect(withoutToken.statusCode).toBe(403);
    expect(switched.statusCode).toBe(303);
    const cookie = cookieOf(switched)!;
    expect(cookie).not.toBe(current.headers.cookie);
    const account = await a.inject({ url: '/en/account', headers: { cookie } });
    expect(account.body).toContain(email);
    const old = await deps().db.select().from(authSessions).where(eq(authSessions.userId, current.id));
    expect(old).toEqual([]);
  });

  test('/account sends a visitor to sign in and back', async () => {
    const a = await app();

    const res = await a.inject({ url: '/ar/account' });

    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/ar/sign-in?next=${encodeURIComponent('/ar/account')}`);
    const page = await a.inject({ url: res.headers.location! });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain('تسجيل الدخول أو إنشاء حساب');
    expect(page.body).toContain('value="/ar/account"');
  });
});

describe('password', () => {
  test('set on the profile, then used to sign in; a wrong one says so without telling which part', async () => {
    const a = await app();
    const person = await signedInUser(deps(), { email: newEmail() });

    const tooShort = await a.inject({
      method: 'POST',
      url: '/en/account/password',
      headers: person.headers,
      payload: { _csrf: person.csrfToken, password: 'short', confirm: 'short' },
    });
    const set = await a.inject({
      method: 'POST',
      url: '/en/account/password',
      headers: person.headers,
      payload: {
        _csrf: person.csrfToken,
        password: 'correct horse battery',
        confirm: 'correct horse battery',
      },
    });
    const [row] = await deps().db.select().from(users).where(eq(users.id, person.id));
    const wrong = await a.inject({
      method: 'POST',
      url: '/en/sign-in/password',
      payload: { email: person.email, password: 'wrong horse battery' },
    });
    const unknown = await a.inject({
      method: 'POST',
      url: '/en/sign-in/password',
      payload: { email: newEmail(), password: 'correct horse battery' },
    });
    const right = await a.inject({
      method: 'POST',
      url: '/en/sign-in/password',
      payload: { email: person.email.toUpperCase(), password: 'correct horse battery', next: '/en/speakers' },
    });

    expect(tooShort.statusCode).toBe(422);
    expect(tooShort.body).toContain('Use at least 10 characters.');
    expect(set.statusCode).toBe(303);
    expect(set.headers.location).toBe('/en/account?notice=passwordSaved');
    expect(row!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('This e-mail address and password do not match an account with a password.');
    expect(wrong.body).toContain(`value="${person.email}"`);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('do not match an account with a password');
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/en/speakers');
    expect(cookieOf(right)).toBeDefined();
  });
});

describe('password cost', () => {
  test('signing in with a hash of an older cost replaces it with one of today’s', async () => {
    const a = await app();
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const key = scryptSync('an older cost password', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const person = await makeUser(deps(), { email: newEmail() });
    await deps()
      .db.update(users)
      .set({ passwordHash: `scrypt$16384$8$1$${salt.toString('base64url')}$${key.toString('base64url')}` })
      .where(eq(users.id, person.id));

    const res = await a.inject({
      method: 'POST',
      url: '/en/sign-in/password',
      payload: { email: person.email, password: 'an older cost password' },
    });

    expect(res.statusCode).toBe(303);
    const [row] = await deps().db.select().from(users).where(eq(users.id, person.id));
    expect(row!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });
});

describe('profile', () => {
  test('saves name, organisation, country, stakeholder group and language; offers to switch language', async () => {
    const a = await app();
    const person = await signedInUser(deps(), { email: newEmail() });

    const saved = await a.inject({
      method: 'POST',
      url: '/en/account/profile',
      headers: person.headers,
      payload: {
        _csrf: person.csrfToken,
        name: '  Amina Diallo ',
        organisation: 'Université Cheikh Anta Diop',
        country: 'SN',
        stakeholderGroup: 'academia',
        preferredLocale: 'fr',
      },
    });
    const page = await a.inject({ url: '/en/account?notice=profileSaved', headers: person.headers });

    expect(saved.statusCode).toBe(303);
    const [row] = await deps().db.select().from(users).where(eq(users.id, person.id));
    expect(row).toMatchObject({
      name: 'Amina Diallo',
      organisation: 'Université Cheikh Anta Diop',
      country: 'SN',
      stakeholderGroup: 'academia',
      preferredLocale: 'fr',
    });
    expect(page.body).toContain('Your profile is saved.');
    expect(page.body).toContain('href="/fr/account"');
    expect(page.body).toContain('Show the site in Français');
    expect(page.body).toContain('<option value="SN" selected>Senegal</option>');
  });

  test('bad input keeps the values and says what is wrong, in the page’s language', async () => {
    const a = await app();
    const person = await signedInUser(deps(), { email: newEmail() });

    const res = await a.inject({
      method: 'POST',
      url: '/fr/account/profile',
      headers: person.headers,
      payload: {
        _csrf: person.csrfToken,
        name: 'Jean Dupont',
        organisation: 'x'.repeat(201),
        country: 'XX',
        stakeholderGroup: 'aliens',
        preferredLocale: 'de',
      },
    });

    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="Jean Dupont"');
    expect(res.body).toContain('Choisissez un pays dans la liste.');
    expect(res.body).toContain('Choisissez une catégorie de parties prenantes dans la liste.');
    expect(res.body).toContain('Choisissez l’une des six langues.');
    expect(res.body).toContain('Ce texte est trop long.');
    const [row] = await deps().db.select().from(users).where(eq(users.id, person.id));
    expect(row!.name).toBe('Test Person');
  });

  test('a forged CSRF token on the profile form is refused in the page’s language', async () => {
    const a = await app();
    const person = await signedInUser(deps(), { email: newEmail() });
    const other = await signedInUser(deps(), { email: newEmail() });

    const res = await a.inject({
      method: 'POST',
      url: '/fr/account/profile',
      headers: person.headers,
      payload: { _csrf: other.csrfToken, name: 'Pirate', preferredLocale: 'en' },
    });

    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Ce formulaire a expiré');
    const [row] = await deps().db.select().from(users).where(eq(users.id, person.id));
    expect(row!.name).toBe('Test Person');
  });
});

describe('sessions', () => {
  test('sign out ends this browser’s session; sign out everywhere ends all of them', async () => {
    const a = await app();
    const user = await makeUser(deps(), { email: newEmail() });
    const [laptop, phone, tablet] = [
      await signIn(deps(), user),
      await signIn(deps(), user),
      await signIn(deps(), user),
    ];
    const sessionsLeft = async () =>
      (await deps().db.select().from(authSessions).where(eq(authSessions.userId, user.id))).length;

    const out = await a.inject({
      method: 'POST',
      url: '/en/sign-out',
      headers: laptop.headers,
      payload: { _csrf: laptop.csrfToken },
    });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/en/sign-in?notice=signedOut');
    expect(await sessionsLeft()).toBe(2);
    const page = await a.inject({ url: '/en/sign-in?notice=signedOut' });
    expect(page.body).toContain('You are signed out.');

    const everywhere = await a.inject({
      method: 'POST',
      url: '/en/account/sign-out-everywhere',
      headers: phone.headers,
      payload: { _csrf: phone.csrfToken },
    });
    expect(everywhere.statusCode).toBe(303);
    expect(await sessionsLeft()).toBe(0);
    expect((await a.inject({ url: '/en/account', headers: tablet.headers })).statusCode).toBe(303);
  });
});

describe('download my data and delete my account', () => {
  const deleteAccount = (
    a: Awaited<ReturnType<typeof app>>,
    user: SignedInUser,
    payload: Record<string, string>,
  ) =>
    a.inject({
      method: 'POST',
      url: '/en/account/delete',
      headers: user.headers,
      payload: { _csrf: user.csrfToken, ...payload },
    });

  test('the download holds the profile, roles and sessions, and no secret', async () => {
    const a = await app();
    const person = await signedInUser(deps(), { email: newEmail(), roles: ['speaker'] });
    await deps()
      .db.update(users)
      .set({ passwordHash: 'scrypt$1$1$1$salt$hash', organisation: 'WIPO' })
      .where(eq(users.id, person.id));

    const res = await a.inject({ url: '/en/account/data', headers: person.headers });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="colloquy-my-data-2026-11-25.json"',
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
    const data = res.json();
    expect(data).toMatchObject({
      format: 'colloquy-personal-data/1',
      accounts: {
        profile: { email: person.email, organisation: 'WIPO', hasPassword: true },
        roles: [{ role: 'participant' }, { role: 'speaker' }],
      },
    });
    expect(data.accounts.sessions).toHaveLength(1);
    expect(res.body).not.toContain('scrypt$');
    expect(res.body).not.toContain(person.token);
    expect(res.body).not.toContain(person.csrfToken);
    expect((await a.inject({ url: '/en/account/data' })).statusCode).toBe(303);
  });

  test('deleting asks to confirm, then removes the account and anonymises the audit log', async () => {
    const a = await app();
    const keeper = await signedInUser(deps(), { email: newEmail(), roles: ['secretariat'] });
    const leaver = await signedInUser(deps(), { email: newEmail(), roles: ['secretariat'] });
    const target = await makeUser(deps(), { email: newEmail() });
    await a.inject({
      method: 'POST',
      url: `/en/admin/people/${target.id}/roles`,
      headers: leaver.headers,
      payload: { _csrf: leaver.csrfToken, role: 'moderator' },
    });

    const unconfirmed = await deleteAccount(a, leaver, {});
    const confirmPage = await a.inject({ url: '/en/account/delete', headers: leaver.headers });
    const deleted = await deleteAccount(a, leaver, { confirm: 'yes' });

    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.body).toContain('Tick the box to confirm');
    expect(confirmPage.body).toContain('it now says “deleted account” instead of your name and address');
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe('/en/account/deleted');
    expect(String(deleted.headers['set-cookie'])).toContain('colloquy_session=;');
    expect(await deps().db.select().from(users).where(eq(users.id, leaver.id))).toEqual([]);
    expect(await deps().db.select().from(authSessions).where(eq(authSessions.userId, leaver.id))).toEqual([]);
    const entries = await deps().db.select().from(auditLog).where(eq(auditLog.subjectId, target.id));
    expect(entries.map((e) => [e.action, e.actorId, e.actorLabel])).toEqual([
      ['accounts.role.grant', null, 'deleted account'],
    ]);
    const page = await a.inject({ url: '/en/account/deleted' });
    expect(page.body).toContain('are kept without your name');
    // Roles the leaver granted stay.
    expect(
      await deps()
        .db.select()
        .from(userRoles)
        .where(and(eq(userRoles.userId, target.id), eq(userRoles.role, 'moderator'))),
    ).toHaveLength(1);
    expect(keeper.id).toBeDefined();
  });

  test('deleting the account takes the mail to the address out of the outbox, and only that', async () => {
    const a = await app();
    const leaver = await signedInUser(deps(), { email: newEmail() });
    const other = newEmail();
    for (const email of [leaver.email.toUpperCase(), other]) {
      await a.inject({ method: 'POST', url: '/en/sign-in', payload: { email } });
    }
    await deps().mailer.sendBulk(`test.retention:${leaver.id}`, [
      {
        kind: 'test.bulk',
        locale: 'en',
        subject: 'Edition',
        text: 'Hello',
        html: '<p>Hello</p>',
        recipients: [
          { to: leaver.email, vars: { token: 'secret-manage-token' } },
          { to: other, vars: { token: 'kept' } },
        ],
      },
    ]);
    const toLeaver = sql`lower(${mailOutbox.toAddress}) = lower(${leaver.email})`;
    expect(await deps().db.select().from(mailOutbox).where(toLeaver)).toHaveLength(2);

    const deleted = await deleteAccount(a, leaver, { confirm: 'yes' });

    expect(deleted.statusCode).toBe(303);
    expect(await deps().db.select().from(mailOutbox).where(toLeaver)).toEqual([]);
    const erased = await deps()
      .db.select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, '(erased)'), eq(mailOutbox.kind, 'test.bulk')));
    expect(erased).toMatchObject([{ status: 'held', vars: null, headers: {}, locale: 'en' }]);
    expect(JSON.stringify(erased)).not.toContain('secret-manage-token');
    const kept = await deps().db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, other));
    expect(kept.map((m) => m.kind).sort()).toEqual(['accounts.sign-in', 'test.bulk']);
  });
});

describe('people and roles in the back office', () => {
  test('the secretariat lists, searches, grants and removes roles, each change audited', async () => {
    const a = await app();
    const secretariat = await signedInUser(deps(), {
      email: newEmail(),
      name: 'Sec Retariat',
      roles: ['secretariat'],
    });
    const target = await makeUser(deps(), {
      email: `zz-target-${++counter}@example.org`,
      name: 'Grace Hopper',
    });

    const list = await a.inject({ url: '/en/admin/people?q=grace', headers: secretariat.headers });
    const granted = await a.inject({
      method: 'POST',
      url: `/en/admin/people/${target.id}/roles`,
      headers: secretariat.headers,
      payload: { _csrf: secretariat.csrfToken, role: 'delegate' },
    });
    const person = await a.inject({
      url: `/en/admin/people/${target.id}?notice=granted`,
      headers: secretariat.headers,
    });
    const removed = await a.inject({
      method: 'POST',
      url: `/en/admin/people/${target.id}/roles/remove`,
      headers: secretariat.headers,
      payload: { _csrf: secretariat.csrfToken, role: 'delegate' },
    });

    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(target.email);
    expect(list.body).toContain('1 person');
    expect(list.body).not.toContain(secretariat.email);
    expect(granted.statusCode).toBe(303);
    expect(granted.headers.location).toBe(`/en/admin/people/${target.id}?notice=granted`);
    expect(person.body).toContain('The role is granted.');
    expect(person.body).toContain('Remove the role Delegate');
    expect(removed.statusCode).toBe(303);
    const entries = await deps().db.select().from(auditLog).where(eq(auditLog.subjectId, target.id));
    expect(
      entries.map((e) => ({ action: e.action, actorId: e.actorId, before: e.before, after: e.after })),
    ).toEqual([
      {
        action: 'accounts.role.grant',
        actorId: secretariat.id,
        before: { roles: [] },
        after: { roles: ['delegate'] },
      },
      {
        action: 'accounts.role.remove',
        actorId: secretariat.id,
        before: { roles: ['delegate'] },
        after: { roles: [] },
      },
    ]);
    expect(entries[0]!.actorLabel).toBe(`Sec Retariat <${secretariat.email}>`);
  });

  test('people come 25 a page, with links to the next and previous pages', async () => {
    const a = await app();
    const secretariat = await signedInUser(deps(), { email: newEmail(), roles: ['secretariat'] });
    for (let i = 0; i < 27; i++) {
      await makeUser(deps(), { email: `paged-${String(i).padStart(2, '0')}@pagination.example` });
    }

    const first = await a.inject({
      url: '/en/admin/people?q=pagination.example',
      headers: secretariat.headers,
    });
    const second = await a.inject({
      url: '/en/admin/people?q=pagination.example&page=2',
      headers: secretariat.headers,
    });

    const emails = (body: string) =>
      [...body.matchAll(/>(paged-\d\d@pagination\.example)</g)].map((m) => m[1]);
    expect(first.body).toContain('27 people');
    expect(first.body).toContain('People, page 1 of 2');
    expect(emails(first.body)).toHaveLength(25);
    expect(emails(first.body)[0]).toBe('paged-00@pagination.example');
    expect(first.body).toContain('href="/en/admin/people?q=pagination.example&amp;page=2" rel="next"');
    expect(emails(second.body)).toEqual(['paged-25@pagination.example', 'paged-26@pagination.example']);
    expect(second.body).toContain('rel="prev"');
  });

  test('a participant calling the grant route is refused in their language, and nothing changes', async () => {
    const a = await app();
    const participant = await signedInUser(deps(), { email: newEmail() });

    const res = await a.inject({
      method: 'POST',
      url: `/fr/admin/people/${participant.id}/roles`,
      headers: participant.headers,
      payload: { _csrf: participant.csrfToken, role: 'secretariat' },
    });
    const list = await a.inject({ url: '/fr/admin/people', headers: participant.headers });
    const anonymous = await a.inject({ url: '/fr/admin/people' });

    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Vous n’êtes pas autorisé à effectuer cette action.');
    expect(await deps().db.select().from(userRoles).where(eq(userRoles.userId, participant.id))).toEqual([]);
    expect(list.statusCode).toBe(403);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/fr/sign-in?next=${encodeURIComponent('/fr/admin/people')}`);
  });
});
