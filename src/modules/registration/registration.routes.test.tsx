// The registration pages: bad input gets a clear refusal in the page's language with the values
// kept, never a 500; the account always comes from the session; the secretariat's pages.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { makeSeries, makeSession } from '../../../test/factories';
import { signedInUser, type SignedInUser } from '../../../test/accounts';
import type { SettingsInput } from './registration.schema';
import { OPEN_SETTINGS, postForm } from './registration.test-support';
import { saveSettings } from './service/registrations';

let deps: TestDeps;
let app: Awaited<ReturnType<typeof createApp>>['app'];
let secretariat: SignedInUser;
let seriesId: string;
let sessionNumber = 0;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

beforeAll(async () => {
  deps = await createTestDeps({ env: { PUBLIC_URL: 'https://colloquy.test' } });
  app = (await createApp(deps)).app;
  secretariat = await signedInUser(deps, { roles: ['secretariat'] });
  seriesId = (await makeSeries(deps.db, { slug: 'ip-frontier' })).id;
});
afterAll(async () => {
  await app?.close();
  await deps?.close();
});

const SETTINGS: SettingsInput = OPEN_SETTINGS;

async function openSession(settings: Partial<SettingsInput> = {}, startsAt = '2026-12-10T09:00:00Z') {
  const number = ++sessionNumber;
  const session = await makeSession(deps.db, {
    seriesId,
    number,
    startsAt: new Date(startsAt),
    endsAt: new Date(new Date(startsAt).getTime() + 3 * 3600_000),
  });
  const actor = {
    userId: secretariat.id,
    label: 'sec',
    roles: new Set(['participant', 'secretariat'] as const),
  };
  await saveSettings(deps, actor, session.id, { ...SETTINGS, ...settings });
  return { id: session.id, path: `ip-frontier/sessions/${number}` };
}

function form(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}

const GOOD = {
  mode: 'online',
  participantCategory: 'other',
  stakeholderGroup: 'creator',
  country: 'MX',
  displayName: 'Ana Prueba',
  organisationName: 'Colectivo de Prueba',
  consentPublicList: 'on',
};

function post(url: string, person: SignedInUser, values: Record<string, string>) {
  return postForm(app, url, person, values);
}

async function rowsOf(sessionId: string) {
  const result = await deps.db.execute<{ user_id: string; status: string; country: string }>(
    sql`SELECT user_id, status::text, country FROM registration_registrations WHERE session_id = ${sessionId}`,
  );
  return result.rows;
}

describe('the registration form', () => {
  test('asks a visitor to sign in first', async () => {
    const { path } = await openSession();
    const res = await app.inject({ method: 'GET', url: `/es/series/${path}/register` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/es\/sign-in\?next=/);
  });

  test('is prefilled, personal and never cached', async () => {
    const { path } = await openSession();
    const person = await signedInUser(deps, { name: 'Ana Prueba' });
    const res = await app.inject({
      method: 'GET',
      url: `/es/series/${path}/register`,
      headers: person.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toContain('value="Ana Prueba"');
    expect(res.body).toContain(`name="_csrf" value="${person.csrfToken}"`);
    // Only the categories the session allows are offered.
    expect(res.body).not.toContain('value="igo_observer"');
  });

  test('an unknown country code: a refusal in Spanish, the values kept, nothing stored', async () => {
    const { id, path } = await openSession();
    const person = await signedInUser(deps);
    const res = await post(`/es/series/${path}/register`, person, { ...GOOD, country: 'XX' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Elija un país de la lista.');
    expect(res.body).toContain('value="Ana Prueba"');
    expect(res.body).toContain('value="Colectivo de Prueba"');
    expect(await rowsOf(id)).toEqual([]);
  });

  test('a category the session does not allow: a refusal in French, the values kept', async () => {
    const { id, path } = await openSession();
    const person = await signedInUser(deps);
    const res = await post(`/fr/series/${path}/register`, person, {
      ...GOOD,
      participantCategory: 'igo_observer',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Cette séance n’est pas ouverte à cette catégorie de participants.');
    expect(res.body).toContain('value="Ana Prueba"');
    expect(await rowsOf(id)).toEqual([]);
  });

  test('after registration closed: a refusal in Arabic', async () => {
    const { id, path } = await openSession({ closesAt: '2026-11-20T12:00' });
    const person = await signedInUser(deps);
    const page = await app.inject({
      method: 'GET',
      url: `/ar/series/${path}/register`,
      headers: person.headers,
    });
    expect(page.body).toContain('أُغلق باب التسجيل في هذه الدورة.');
    expect(page.body).not.toContain('name="displayName"');
    const res = await post(`/ar/series/${path}/register`, person, GOOD);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('أُغلق باب التسجيل في هذه الدورة.');
    expect(res.body).toContain('value="Ana Prueba"');
    expect(await rowsOf(id)).toEqual([]);
  });

  test('a full session: registered on the waitlist, and told so clearly', async () => {
    const { id, path } = await openSession({ onlineCapacity: 1 });
    const first = await signedInUser(deps);
    const second = await signedInUser(deps);
    expect((await post(`/es/series/${path}/register`, first, GOOD)).statusCode).toBe(303);
    const res = await post(`/es/series/${path}/register`, second, GOOD);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/es/series/${path}/register`);
    const page = await app.inject({ method: 'GET', url: res.headers.location, headers: second.headers });
    expect(page.body).toContain(
      'La sesión está completa (en línea): está en la lista de espera, en el puesto 1.',
    );
    expect((await rowsOf(id)).map((r) => r.status).sort()).toEqual(['confirmed', 'waitlisted']);
  });

  test('a forged user id in the form is ignored: the account comes from the session', async () => {
    const { id, path } = await openSession();
    const person = await signedInUser(deps);
    const victim = await signedInUser(deps);
    const res = await post(`/en/series/${path}/register`, person, {
      ...GOOD,
      userId: victim.id,
      status: 'confirmed',
    });
    expect(res.statusCode).toBe(303);
    expect(await rowsOf(id)).toEqual([{ user_id: person.id, status: 'confirmed', country: 'MX' }]);
  });

  test('registering twice is refused kindly (409), with the registration shown', async () => {
    const { id, path } = await openSession();
    const person = await signedInUser(deps);
    await post(`/es/series/${path}/register`, person, GOOD);
    const res = await post(`/es/series/${path}/register`, person, GOOD);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Ya está inscrito/a en esta sesión: su inscripción figura más abajo.');
    expect(res.body).toContain('Su inscripción');
    expect(await rowsOf(id)).toHaveLength(1);
  });

  test('malformed input of every kind is a 4xx, never a 500', async () => {
    const { path } = await openSession();
    const person = await signedInUser(deps);
    for (const values of [
      {},
      { ...GOOD, mode: 'teleport' },
      { ...GOOD, stakeholderGroup: 'x'.repeat(5000) },
      { ...GOOD, displayName: '' },
      { ...GOOD, interpretationLanguage: 'tlh' },
      { ...GOOD, country: 'fr\u0000' },
      { ...GOOD, consentRecording: 'maybe' },
    ]) {
      const res = await post(`/en/series/${path}/register`, person, values);
      expect(res.statusCode, JSON.stringify(values).slice(0, 80)).toBe(422);
    }
    const unknown = await post('/en/series/ip-frontier/sessions/999/register', person, GOOD);
    expect(unknown.statusCode).toBe(404);
    const noToken = await app.inject({
      method: 'POST',
      url: `/en/series/${path}/register`,
      headers: { ...FORM, ...person.headers },
      payload: form(GOOD),
    });
    expect(noToken.statusCode).toBe(403);
  });

  test('cancelling from the page frees the place; registering again works', async () => {
    const { id, path } = await openSession();
    const person = await signedInUser(deps);
    await post(`/en/series/${path}/register`, person, GOOD);
    const cancel = await post(`/en/series/${path}/register/cancel`, person, {});
    expect(cancel.statusCode).toBe(303);
    const page = await app.inject({ method: 'GET', url: cancel.headers.location!, headers: person.headers });
    expect(page.body).toContain('Your registration is cancelled.');
    expect((await rowsOf(id)).map((r) => r.status)).toEqual(['cancelled']);
    expect((await post(`/en/series/${path}/register`, person, GOOD)).statusCode).toBe(303);
    expect((await rowsOf(id)).map((r) => r.status)).toEqual(['confirmed']);
  });
});

describe('the public list of participants', () => {
  test('lists only confirmed people who agreed, Member State delegates by delegation', async () => {
    const { id, path } = await openSession({ onsiteApprovalCategories: [] });
    const listed = await signedInUser(deps);
    const hidden = await signedInUser(deps);
    const delegate = await signedInUser(deps);
    await post(`/en/series/${path}/register`, listed, { ...GOOD, displayName: 'Listed Person' });
    await post(`/en/series/${path}/register`, hidden, {
      ...GOOD,
      displayName: 'Hidden Person',
      consentPublicList: '',
    });
    await post(`/en/series/${path}/register`, delegate, {
      ...GOOD,
      mode: 'onsite',
      participantCategory: 'member_state',
      stakeholderGroup: 'government',
      country: 'GH',
      displayName: 'Delegate Person',
    });
    expect(await rowsOf(id)).toHaveLength(3);
    const res = await app.inject({ method: 'GET', url: `/en/series/${path}/participants` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Listed Person (Colectivo de Prueba)');
    expect(res.body).not.toContain('Hidden Person');
    expect(res.body).toMatch(/<h3>Ghana<\/h3><ul><li>Delegate Person<\/li>/);
  });
});

describe('the secretariat', () => {
  test('a participant cannot open the back office pages; nobody signed in is sent to sign in', async () => {
    const { id } = await openSession();
    const person = await signedInUser(deps);
    const res = await app.inject({
      method: 'GET',
      url: `/en/admin/registrations/${id}`,
      headers: person.headers,
    });
    expect(res.statusCode).toBe(403);
    const csv = await app.inject({
      method: 'GET',
      url: `/en/admin/registrations/${id}/export.csv`,
      headers: person.headers,
    });
    expect(csv.statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url: '/en/admin/registrations' });
    expect(anonymous.statusCode).toBe(303);
  });

  test('approves a delegate, checks them in by code, exports everything as CSV', async () => {
    const { id, path } = await openSession();
    const delegate = await signedInUser(deps);
    await post(`/en/series/${path}/register`, delegate, {
      ...GOOD,
      mode: 'onsite',
      participantCategory: 'member_state',
      stakeholderGroup: 'ip_office',
      country: 'BR',
      displayName: 'Delegada, "Brasil"',
    });
    const [row] = (
      await deps.db.execute<{ id: string; check_in_code: string; status: string }>(
        sql`SELECT id, check_in_code, status::text FROM registration_registrations WHERE session_id = ${id}`,
      )
    ).rows;
    expect(row!.status).toBe('pending_approval');
    const list = await app.inject({
      method: 'GET',
      url: `/en/admin/registrations/${id}`,
      headers: secretariat.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/en/admin/registrations/${id}/${row!.id}/approve`);

    const badCode = await post(`/en/admin/registrations/${id}/check-in`, secretariat, { code: '!!' });
    expect(badCode.statusCode).toBe(422);
    expect(badCode.body).toContain('Enter the code shown on the confirmation');
    const early = await post(`/en/admin/registrations/${id}/check-in`, secretariat, {
      code: row!.check_in_code,
    });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('This registration holds no confirmed place');

    const approve = await post(`/en/admin/registrations/${id}/${row!.id}/approve`, secretariat, {});
    expect(approve.statusCode).toBe(303);
    const code = row!.check_in_code.toLowerCase().replace(/^(....)/, '$1-');
    const checkIn = await post(`/en/admin/registrations/${id}/check-in`, secretariat, { code });
    expect(checkIn.statusCode).toBe(200);
    expect(checkIn.body).toContain('Delegada, &quot;Brasil&quot; is checked in.');

    const csv = await app.inject({
      method: 'GET',
      url: `/en/admin/registrations/${id}/export.csv`,
      headers: secretariat.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(
      lines[0]!.startsWith('id,status,mode,participant_category,stakeholder_group,country,name,email'),
    ).toBe(true);
    expect(lines[1]).toContain(
      `,confirmed,onsite,member_state,ip_office,BR,"Delegada, ""Brasil""",${delegate.email},`,
    );

    const settings = await post(`/en/admin/registrations/${id}/settings`, secretariat, {
      isEnabled: 'on',
      onsiteCapacity: '-3',
      onlineCapacity: 'lots',
    });
    expect(settings.statusCode).toBe(422);
    expect(settings.body).toContain('Enter a whole number, 0 or more.');
    const audit = await deps.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE subject_id = ${row!.id} ORDER BY at`,
    );
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['registration.approve', 'registration.check-in']);
  });
});
