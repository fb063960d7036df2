// The registration service against a real PostgreSQL: capacity under concurrency, the waitlist,
// approval, check-in, online attendance, reminders, the cancel link and personal data.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { makeSeries, makeSession } from '../../../test/factories';
import { makeUser } from '../../../test/accounts';
import type { Viewer } from '../accounts';
import type { RegisterInput, SettingsInput } from './registration.schema';
import {
  cancelByToken,
  cancelOwnRegistration,
  checkCancelLink,
  checkIn,
  decideRegistration,
  eraseRegistrations,
  exportRegistrations,
  joinOnline,
  register,
  saveSettings,
  sendDueReminders,
} from './service/registrations';
import { cancelTokens } from './service/tokens';

let deps: TestDeps;
let secretariat: Viewer;
let seriesId: string;
let sessionNumber = 0;

beforeAll(async () => {
  deps = await createTestDeps({ env: { DB_POOL_SIZE: '20', PUBLIC_URL: 'https://colloquy.test' } });
  const admin = await makeUser(deps, { roles: ['secretariat'] });
  secretariat = viewerOf(admin.id, admin.email, ['secretariat']);
  seriesId = (await makeSeries(deps.db, { slug: 'ip-frontier' })).id;
});
afterAll(async () => {
  await deps?.close();
});

function viewerOf(userId: string, email: string, roles: string[] = []): Viewer {
  return {
    userId,
    label: email,
    roles: new Set(['participant', ...roles]) as Viewer['roles'],
    email,
    name: 'Test Person',
    preferredLocale: 'en',
    csrfToken: 'unused',
    sessionIdHash: 'unused',
  };
}

async function people(count: number): Promise<Viewer[]> {
  const rows = await deps.db.execute<{
    id: string;
    email: string;
  }>(sql`INSERT INTO accounts_users (email, name)
    SELECT 'bulk-' || ${randomUUID()} || '-' || i || '@example.org', 'Person ' || i FROM generate_series(1, ${count}) i
    RETURNING id, email`);
  return rows.rows.map((r) => viewerOf(r.id, r.email));
}

const SETTINGS: SettingsInput = {
  isEnabled: true,
  opensAt: null,
  closesAt: null,
  onsiteCapacity: 10,
  onlineCapacity: 100,
  allowedCategories: ['member_state', 'igo_observer', 'ngo_observer', 'other'],
  onsiteApprovalCategories: ['member_state'],
  onlineApprovalCategories: [],
};

/** A published session tomorrow (the test clock is 2026-11-25T10:00Z) with registration settings. */
async function openSession(settings: Partial<SettingsInput> = {}, startsAt = '2026-11-26T09:00:00Z') {
  const number = ++sessionNumber;
  const session = await makeSession(deps.db, {
    seriesId,
    number,
    startsAt: new Date(startsAt),
    endsAt: new Date(new Date(startsAt).getTime() + 3 * 3600_000),
    livestreamUrl: 'https://webcast.example.org/live',
  });
  const saved = await saveSettings(deps, secretariat, session.id, { ...SETTINGS, ...settings });
  expect(saved.ok).toBe(true);
  return { id: session.id, ref: { seriesSlug: 'ip-frontier', number } };
}

const INPUT: RegisterInput = {
  mode: 'online',
  participantCategory: 'other',
  stakeholderGroup: 'academia',
  country: 'KE',
  displayName: 'Wanjiru Test',
  organisationName: 'University of Nairobi',
  interpretationLanguage: null,
  accessibilityNeeds: '',
  consentPublicList: true,
  consentRecording: false,
  gender: null,
};

async function statusCounts(sessionId: string) {
  const result = await deps.db.execute<{ status: string; n: number }>(
    sql`SELECT status::text, count(*)::int AS n FROM registration_registrations WHERE session_id = ${sessionId} GROUP BY status`,
  );
  return Object.fromEntries(result.rows.map((r) => [r.status, r.n]));
}

async function mailOf(to: string) {
  const result = await deps.db.execute<{
    kind: string;
    subject: string;
    text: string;
    html: string;
    locale: string;
  }>(
    sql`SELECT kind, subject, text, html, locale FROM mail_outbox WHERE to_address = ${to} ORDER BY created_at, id`,
  );
  return result.rows;
}

describe('capacity under concurrency', () => {
  test('500 simultaneous registrations for 100 places: exactly 100 confirmed, 400 waitlisted, nobody twice, nothing lost; cancelling one promotes exactly one', async () => {
    const { id, ref } = await openSession({ onlineCapacity: 100 });
    const crowd = await people(500);
    const results = await Promise.all(crowd.map((v) => register(deps, v, ref, INPUT, 'en')));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await statusCounts(id)).toEqual({ confirmed: 100, waitlisted: 400 });
    const distinct = await deps.db.execute<{ rows: number; people: number; accounts: number }>(
      sql`SELECT count(*)::int AS rows, count(DISTINCT person_key)::int AS people, count(DISTINCT user_id)::int AS accounts
          FROM registration_registrations WHERE session_id = ${id}`,
    );
    expect(distinct.rows[0]).toEqual({ rows: 500, people: 500, accounts: 500 });
    // Each person got one message, the one for their outcome.
    const kinds = await deps.db.execute<{ kind: string; n: number }>(
      sql`SELECT kind, count(*)::int AS n FROM mail_outbox WHERE kind LIKE 'registration.%' AND to_address IN (
            SELECT u.email FROM accounts_users u JOIN registration_registrations r ON r.user_id = u.id
            WHERE r.session_id = ${id}) GROUP BY kind ORDER BY kind`,
    );
    expect(kinds.rows).toEqual([
      { kind: 'registration.confirmed', n: 100 },
      { kind: 'registration.waitlisted', n: 400 },
    ]);

    // Registering twice, even all at once, adds nothing.
    const again = await Promise.all(crowd.slice(0, 20).map((v) => register(deps, v, ref, INPUT, 'en')));
    expect(again.every((r) => !r.ok && r.errors._form === 'registration.error.already')).toBe(true);

    const first = await deps.db.execute<{ user_id: string }>(
      sql`SELECT user_id FROM registration_registrations WHERE session_id = ${id} AND status = 'confirmed' LIMIT 1`,
    );
    const next = await deps.db.execute<{ user_id: string }>(
      sql`SELECT user_id FROM registration_registrations WHERE session_id = ${id} AND status = 'waitlisted'
          ORDER BY waitlisted_at, id LIMIT 1`,
    );
    const leaving = crowd.find((c) => c.userId === first.rows[0]!.user_id)!;
    const promotedPerson = crowd.find((c) => c.userId === next.rows[0]!.user_id)!;
    expect(await cancelOwnRegistration(deps, leaving, ref)).toEqual({ state: 'cancelled', promoted: 1 });
    expect(await statusCounts(id)).toEqual({ confirmed: 100, waitlisted: 399, cancelled: 1 });
    const promotedMail = (await mailOf(promotedPerson.email)).map((m) => m.kind);
    expect(promotedMail.sort()).toEqual(['registration.promoted', 'registration.waitlisted']);

    // Cancelling twice frees nothing more.
    expect(await cancelOwnRegistration(deps, leaving, ref)).toEqual({ state: 'already' });
    expect(await statusCounts(id)).toEqual({ confirmed: 100, waitlisted: 399, cancelled: 1 });
  }, 60_000);
});

describe('registering', () => {
  test('the confirmation is in the registration’s language, with the calendar, the join link and a cancel link that works once', async () => {
    const { id, ref } = await openSession();
    const [person] = await people(1);
    const result = await register(deps, person!, ref, INPUT, 'es');
    expect(result.ok).toBe(true);
    const [mail] = await mailOf(person!.email);
    expect(mail!.kind).toBe('registration.confirmed');
    expect(mail!.locale).toBe('es');
    expect(mail!.subject).toBe(`Inscripción confirmada: Sesión ${ref.number}: Session title ${ref.number}`);
    expect(mail!.text).toContain(
      `https://colloquy.test/es/series/ip-frontier/sessions/${ref.number}/calendar.ics`,
    );
    expect(mail!.text).toContain(`https://colloquy.test/es/series/ip-frontier/sessions/${ref.number}/join`);
    expect(mail!.html).toContain('<html lang="es" dir="ltr">');
    const cancelUrl = /https:\/\/colloquy\.test\/es\/registrations\/cancel\?token=(\S+)/.exec(mail!.text);
    expect(cancelUrl).not.toBeNull();
    const token = decodeURIComponent(cancelUrl![1]!);
    expect((await checkCancelLink(deps, token))?.registration.status).toBe('confirmed');
    expect(await cancelByToken(deps, `${token.slice(0, -2)}AA`)).toEqual({ state: 'unknown' });
    expect(await cancelByToken(deps, token)).toEqual({ state: 'cancelled', promoted: 0 });
    expect(await cancelByToken(deps, token)).toEqual({ state: 'already' });
    expect(await statusCounts(id)).toEqual({ cancelled: 1 });

    // Registering again reuses the row, with a new code: the old link is dead.
    const again = await register(deps, person!, ref, { ...INPUT, mode: 'onsite' }, 'es');
    expect(again.ok && again.registration.status).toBe('confirmed');
    expect(await statusCounts(id)).toEqual({ confirmed: 1 });
    expect(await checkCancelLink(deps, token)).toBeUndefined();
  });

  test('refusals: not yet open, closed, a mode not offered, a category not allowed', async () => {
    const [person] = await people(1);
    const notYet = await openSession({ opensAt: '2026-12-01T09:00' }, '2026-12-20T09:00:00Z');
    expect(await register(deps, person!, notYet.ref, INPUT, 'en')).toEqual({
      ok: false,
      errors: { _form: 'registration.error.notYetOpen' },
    });
    const closed = await openSession({}, '2026-11-25T09:00:00Z');
    expect(await register(deps, person!, closed.ref, INPUT, 'en')).toEqual({
      ok: false,
      errors: { _form: 'registration.error.closed' },
    });
    const limited = await openSession({
      onsiteCapacity: 0,
      allowedCategories: ['member_state', 'igo_observer'],
    });
    expect(await register(deps, person!, limited.ref, { ...INPUT, mode: 'onsite' }, 'en')).toEqual({
      ok: false,
      errors: {
        mode: 'registration.error.modeNotOffered',
        participantCategory: 'registration.error.categoryNotAllowed',
      },
    });
    expect(await statusCounts(limited.id)).toEqual({});
  });

  test('a full mode puts people on the waitlist; more places promote them in order', async () => {
    const { id, ref } = await openSession({ onlineCapacity: 1 });
    const [a, b, c] = await people(3);
    await register(deps, a!, ref, INPUT, 'en');
    const rb = await register(deps, b!, ref, INPUT, 'en');
    const rc = await register(deps, c!, ref, INPUT, 'en');
    expect(rb.ok && rb.registration.status).toBe('waitlisted');
    expect(rc.ok && rc.registration.status).toBe('waitlisted');
    await saveSettings(deps, secretariat, id, { ...SETTINGS, onlineCapacity: 2 });
    expect(await statusCounts(id)).toEqual({ confirmed: 2, waitlisted: 1 });
    // Oldest first; this test's clock stands still, so the tie is broken by id (ADR 0022).
    const [first] = [rb, rc]
      .map((r) => (r.ok ? r.registration : undefined)!)
      .sort((x, y) => (x.id < y.id ? -1 : 1));
    const promoted = first!.userId === b!.userId ? b! : c!;
    const waiting = promoted === b ? c! : b!;
    expect((await mailOf(promoted.email)).map((m) => m.kind).sort()).toEqual([
      'registration.promoted',
      'registration.waitlisted',
    ]);
    expect((await mailOf(waiting.email)).map((m) => m.kind)).toEqual(['registration.waitlisted']);
  });
});

describe('approval and attendance', () => {
  test('a Member State delegate onsite waits for approval; the secretariat approves and checks them in by code', async () => {
    const { id, ref } = await openSession();
    const [delegate] = await people(1);
    const result = await register(
      deps,
      delegate!,
      ref,
      {
        ...INPUT,
        mode: 'onsite',
        participantCategory: 'member_state',
        stakeholderGroup: 'government',
        country: 'FR',
      },
      'fr',
    );
    expect(result.ok && result.registration.status).toBe('pending_approval');
    const registration = result.ok ? result.registration : undefined;
    expect(registration!.delegationId).not.toBeNull();
    expect((await mailOf(delegate!.email)).map((m) => m.subject)).toEqual([
      `Inscription reçue : Session ${ref.number} : Session title ${ref.number}`.replace(
        ' : Session title',
        ': Session title',
      ),
    ]);
    // Nobody but the secretariat decides.
    await expect(decideRegistration(deps, delegate!, id, registration!.id, 'approve')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(checkIn(deps, secretariat, id, registration!.checkInCode)).resolves.toEqual({
      ok: false,
      errors: { code: 'registration.error.notConfirmed' },
    });
    const approved = await decideRegistration(deps, secretariat, id, registration!.id, 'approve');
    expect(approved.status).toBe('confirmed');
    await expect(
      decideRegistration(deps, secretariat, id, registration!.id, 'approve'),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const mails = await mailOf(delegate!.email);
    const confirmed = mails.find((m) => m.kind === 'registration.confirmed');
    expect(confirmed!.text).toContain(registration!.checkInCode);

    await expect(checkIn(deps, secretariat, id, 'ZZZZ9999')).resolves.toEqual({
      ok: false,
      errors: { code: 'registration.error.codeUnknown' },
    });
    const checked = await checkIn(deps, secretariat, id, registration!.checkInCode);
    expect(checked.ok && !checked.already && checked.registration.checkedInAt).toBeTruthy();
    const twice = await checkIn(deps, secretariat, id, registration!.checkInCode);
    expect(twice.ok && twice.already).toBe(true);
    const audit = await deps.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE subject_id = ${registration!.id} ORDER BY at, action`,
    );
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['registration.approve', 'registration.check-in']);
  });

  test('joining online records attendance once and leads to the livestream; without a place, to the registration page', async () => {
    const { id, ref } = await openSession();
    const [person, stranger] = await people(2);
    await register(deps, person!, ref, INPUT, 'en');
    expect(await joinOnline(deps, person!, ref, 'en')).toEqual({
      joined: true,
      url: 'https://webcast.example.org/live',
    });
    expect(await joinOnline(deps, stranger!, ref, 'en')).toEqual({ joined: false });
    const rows = await deps.db.execute<{ joined: boolean }>(
      sql`SELECT joined_online_at IS NOT NULL AS joined FROM registration_registrations WHERE session_id = ${id}`,
    );
    expect(rows.rows).toEqual([{ joined: true }]);
  });
});

describe('reminders', () => {
  test('confirmed people of a session starting within a day are reminded once, in their language', async () => {
    const soon = await openSession({}, '2026-11-26T08:00:00Z');
    const later = await openSession({}, '2026-12-10T08:00:00Z');
    const [a, b] = await people(2);
    await register(deps, a!, soon.ref, INPUT, 'ru');
    await register(deps, b!, later.ref, INPUT, 'en');
    expect(await sendDueReminders(deps)).toBeGreaterThanOrEqual(1);
    expect(await sendDueReminders(deps)).toBe(0);
    const mails = await mailOf(a!.email);
    expect(mails.map((m) => m.kind).sort()).toEqual(['registration.confirmed', 'registration.reminder']);
    expect(mails.find((m) => m.kind === 'registration.reminder')!.subject).toMatch(/^Напоминание: /);
    expect((await mailOf(b!.email)).map((m) => m.kind)).toEqual(['registration.confirmed']);
  });
});

describe('personal data', () => {
  test('export lists the person’s registrations; erasure keeps the figures and drops who they were', async () => {
    const one = await openSession();
    const two = await openSession();
    const [person] = await people(1);
    await register(deps, person!, one.ref, INPUT, 'en');
    await register(deps, person!, two.ref, { ...INPUT, gender: 'woman' }, 'en');
    const exported = (await exportRegistrations(deps, { id: person!.userId, email: person!.email })) as {
      registrations: { name: string; country: string }[];
    };
    expect(exported.registrations).toHaveLength(2);
    expect(exported.registrations[0]).toMatchObject({ name: 'Wanjiru Test', country: 'KE' });

    await deps.db.transaction((tx) =>
      eraseRegistrations(deps, tx, { id: person!.userId, email: person!.email }),
    );
    const rows = await deps.db.execute<Record<string, unknown>>(
      sql`SELECT user_id, person_key, display_name, organisation_name, gender, country, stakeholder_group::text, status::text,
          anonymised_at IS NOT NULL AS anonymised
          FROM registration_registrations WHERE session_id IN (${one.id}, ${two.id})`,
    );
    expect(rows.rows).toHaveLength(2);
    for (const row of rows.rows) {
      expect(row).toMatchObject({
        user_id: null,
        display_name: '',
        organisation_name: '',
        gender: null,
        country: 'KE',
        stakeholder_group: 'academia',
        status: 'confirmed',
        anonymised: true,
      });
      expect(row.person_key).not.toBe(person!.userId);
    }
    // Still one person across the two sessions.
    expect(rows.rows[0]!.person_key).toBe(rows.rows[1]!.person_key);
  });
});

test('cancel tokens are bound to the registration and its current code', async () => {
  const tokens = await cancelTokens(deps);
  const r = { id: randomUUID(), checkInCode: 'ABCDEFGH' };
  const token = tokens.tokenFor(r);
  expect(tokens.verify(token, r)).toBe(true);
  expect(tokens.verify(token, { ...r, checkInCode: 'ABCDEFGJ' })).toBe(false);
  expect(tokens.verify(token, { ...r, id: randomUUID() })).toBe(false);
  expect(tokens.registrationIdOf('nonsense')).toBeUndefined();
});
