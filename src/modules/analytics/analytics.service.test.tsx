// The reach figures on the pages equal independent SQL counts over the same registrations
// (issue 4: "a test computes both"), exact for the secretariat and with small cells hidden in public.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../test/test-deps';
import { makeSeries, makeSession } from '../../../test/factories';
import { signedInUser, type SignedInUser } from '../../../test/accounts';
import { insertFakeRegistrations, makeFakeRegistrations } from './analytics.fixtures';
import { SMALL_CELL } from './analytics.report';
import { getReachReport, settleReachRefreshes } from './analytics.service';

let deps: TestDeps;
let app: Awaited<ReturnType<typeof createApp>>['app'];
let secretariat: SignedInUser;
let participant: SignedInUser;
let seriesId: string;
const SLUG = 'reach-series';

/** The test's clock: the summary's refresh depends on its age. */
let now = new Date(TEST_NOW);

beforeAll(async () => {
  deps = await createTestDeps({ clock: { now: () => now } });
  app = (await createApp(deps)).app;
  const series = await makeSeries(deps.db, { slug: SLUG });
  seriesId = series.id;
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    const s = await makeSession(deps.db, {
      seriesId,
      number: n,
      startsAt: new Date(`2024-0${n}-10T12:00:00Z`),
      endsAt: new Date(`2024-0${n}-10T15:00:00Z`),
    });
    ids.push(s.id);
  }
  // Not published: counted for the secretariat, never in public.
  const hidden = await makeSession(deps.db, {
    seriesId,
    number: 4,
    isPublished: false,
    startsAt: new Date('2024-04-10T12:00:00Z'),
    endsAt: new Date('2024-04-10T15:00:00Z'),
  });
  await insertFakeRegistrations(deps.db, makeFakeRegistrations([...ids, hidden.id], 400));
  // Two small countries: 3 people from Liechtenstein, 1 from Iceland.
  const few = (country: string) => ({
    sessionId: ids[0]!,
    personKey: crypto.randomUUID(),
    status: 'confirmed' as const,
    country,
    stakeholderGroup: 'academia',
    participantCategory: 'other',
    gender: null,
    attended: true,
  });
  await insertFakeRegistrations(deps.db, [few('LI'), few('LI'), few('LI'), few('IS')]);
  secretariat = await signedInUser(deps, { roles: ['secretariat'] });
  participant = await signedInUser(deps);
});
afterAll(async () => {
  await settleReachRefreshes();
  await app?.close();
  await deps?.close();
});

interface Counted {
  key: string;
  registered: number;
  attended: number;
}

/** People per country, counted another way: a lateral "latest registration" per person. */
async function sqlCountries(published: boolean, sessionNumber?: number): Promise<Counted[]> {
  const { rows } = await deps.db.$client.query<Counted>(
    `WITH scope AS (
       SELECT id, number, starts_at FROM conversations_sessions
        WHERE series_id = $1 AND (is_published OR NOT $2) AND ($3::int IS NULL OR number = $3)
     ), persons AS (
       SELECT r.person_key, bool_or(r.checked_in_at IS NOT NULL OR r.joined_online_at IS NOT NULL) AS attended
         FROM registration_registrations r WHERE r.status = 'confirmed' AND r.session_id IN (SELECT id FROM scope)
        GROUP BY r.person_key
     )
     SELECT latest.country AS key, count(*)::int AS registered, (count(*) FILTER (WHERE p.attended))::int AS attended
       FROM persons p
       CROSS JOIN LATERAL (
         SELECT r.country FROM registration_registrations r JOIN scope s ON s.id = r.session_id
          WHERE r.person_key = p.person_key AND r.status = 'confirmed'
          ORDER BY s.starts_at DESC LIMIT 1) latest
      GROUP BY latest.country ORDER BY registered DESC, key`,
    [seriesId, published, sessionNumber ?? null],
  );
  return rows;
}

async function sqlPeople(published: boolean): Promise<{ registered: number; attended: number }> {
  const { rows } = await deps.db.$client.query<{ registered: number; attended: number }>(
    `SELECT count(DISTINCT r.person_key)::int AS registered,
            (count(DISTINCT r.person_key) FILTER (WHERE r.checked_in_at IS NOT NULL OR r.joined_online_at IS NOT NULL))::int AS attended
       FROM registration_registrations r JOIN conversations_sessions s ON s.id = r.session_id
      WHERE s.series_id = $1 AND (s.is_published OR NOT $2) AND r.status = 'confirmed'`,
    [seriesId, published],
  );
  return rows[0]!;
}

async function sqlPerSession(
  published: boolean,
): Promise<(Counted & { countries: number; waitlisted: number })[]> {
  const { rows } = await deps.db.$client.query<Counted & { countries: number; waitlisted: number }>(
    `SELECT s.number::text AS key,
            (SELECT count(*) FROM registration_registrations r WHERE r.session_id = s.id AND r.status = 'confirmed')::int AS registered,
            (SELECT count(*) FROM registration_registrations r WHERE r.session_id = s.id AND r.status = 'confirmed'
                AND (r.checked_in_at IS NOT NULL OR r.joined_online_at IS NOT NULL))::int AS attended,
            (SELECT count(DISTINCT country) FROM registration_registrations r WHERE r.session_id = s.id AND r.status = 'confirmed')::int AS countries,
            (SELECT count(*) FROM registration_registrations r WHERE r.session_id = s.id AND r.status = 'waitlisted')::int AS waitlisted
       FROM conversations_sessions s WHERE s.series_id = $1 AND (s.is_published OR NOT $2) ORDER BY s.number`,
    [seriesId, published],
  );
  return rows;
}

/** The rows of one table of a rendered reach page: key, then the text of each count cell. */
function tableOf(html: string, table: string): string[][] {
  const body = new RegExp(`<table id="reach-table-${table}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr data-key="([^"]*)">([\s\S]*?)<\/tr>/g)].map(([, key, cells]) => [
    key!,
    ...[...cells!.matchAll(/<td class="count">([\s\S]*?)<\/td>/g)].map(([, cell]) =>
      (/<span class="count-value">([^<]*)<\/span>/.exec(cell!)?.[1] ?? cell!).trim(),
    ),
  ]);
}

function figureOf(html: string, id: string): string | undefined {
  return new RegExp(`data-figure="${id}"><span class="figure-value">([^<]*)</span>`).exec(html)?.[1];
}

const hidden = (n: number) => (n > 0 && n < SMALL_CELL ? 'fewer than 5' : String(n));

describe('the secretariat sees exact figures equal to SQL counts', () => {
  test('people, countries and the trend across sessions, unpublished sessions included', async () => {
    const res = await app.inject({ url: `/en/admin/reach/${SLUG}`, headers: secretariat.headers });

    expect(res.statusCode).toBe(200);
    const people = await sqlPeople(false);
    expect(people.registered).toBeGreaterThan(100);
    expect(figureOf(res.body, 'registered')).toBe(people.registered.toLocaleString('en'));
    expect(figureOf(res.body, 'attended')).toBe(people.attended.toLocaleString('en'));
    const countries = await sqlCountries(false);
    expect(countries.some((c) => c.registered < SMALL_CELL)).toBe(true);
    expect(tableOf(res.body, 'countries')).toEqual(
      countries.map((c) => [c.key, c.registered.toLocaleString('en'), c.attended.toLocaleString('en')]),
    );
    expect(figureOf(res.body, 'countries')).toBe(String(countries.length));
    const sessions = await sqlPerSession(false);
    expect(tableOf(res.body, 'sessions').map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual(
      sessions.map((s) => [
        s.key,
        String(s.registered),
        String(s.attended),
        String(s.countries),
        String(s.waitlisted),
      ]),
    );
  });

  test('the CSV of countries has the same exact counts', async () => {
    const res = await app.inject({
      url: `/fr/admin/reach/${SLUG}/countries.csv`,
      headers: secretariat.headers,
    });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="reach-${SLUG}-countries.csv"`);
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('country_code,country,m49_region,m49_subregion,people_registered,people_attended');
    const countries = await sqlCountries(false);
    expect(lines.slice(1).map((l) => [l.split(',')[0], l.split(',')[4], l.split(',')[5]])).toEqual(
      countries.map((c) => [c.key, String(c.registered), String(c.attended)]),
    );
    expect(lines).toContain(
      `FR,France,150,155,${countries.find((c) => c.key === 'FR')!.registered},${countries.find((c) => c.key === 'FR')!.attended}`,
    );
  });

  test('the gender CSV neutralises a description that would be a spreadsheet formula', async () => {
    const res = await app.inject({
      url: `/en/admin/reach/${SLUG}/genders.csv`,
      headers: secretariat.headers,
    });

    expect(res.body).toMatch(/\r\n'=cmd\|calc,'=cmd\|calc,\d+,\d+\r\n/);
    expect(res.body).not.toMatch(/\r\n=cmd/);
  });
});

describe('the public sees the published sessions, with small cells hidden', () => {
  test('people and countries equal SQL counts over published sessions; 1 to 4 reads "fewer than 5"', async () => {
    const res = await app.inject({ url: `/en/series/${SLUG}/reach` });

    expect(res.statusCode).toBe(200);
    const people = await sqlPeople(true);
    expect(figureOf(res.body, 'registered')).toBe(people.registered.toLocaleString('en'));
    const countries = await sqlCountries(true);
    const page = tableOf(res.body, 'countries');
    expect(page.map((r) => r[0])).toEqual(countries.map((c) => c.key));
    for (const [i, c] of countries.entries()) {
      // A shown count is exact; a hidden one is small (or the one hidden beside a lone small one).
      const [, registered] = page[i]!;
      if (registered === 'fewer than 5')
        expect(
          c.registered < SMALL_CELL || countries.filter((x) => x.registered < SMALL_CELL).length === 1,
        ).toBe(true);
      else expect(registered).toBe(c.registered.toLocaleString('en'));
    }
    expect(page.some((r) => r[1] === 'fewer than 5')).toBe(true);
    expect(res.body).toContain('How this is counted:');
    expect(res.body).toContain('<svg viewBox="0 0 960 470" role="img"');
  });

  test('the trend lists the published sessions only, without the secretariat columns', async () => {
    const res = await app.inject({ url: `/en/series/${SLUG}/reach` });

    const sessions = await sqlPerSession(true);
    expect(tableOf(res.body, 'sessions')).toEqual(
      sessions.map((s) => [s.key, hidden(s.registered), hidden(s.attended), String(s.countries)]),
    );
    expect(res.body).not.toContain('Waitlisted');
  });

  test('a session page counts that session only', async () => {
    const res = await app.inject({ url: `/es/series/${SLUG}/sessions/2/reach` });

    expect(res.statusCode).toBe(200);
    const countries = await sqlCountries(true, 2);
    const page = tableOf(res.body, 'countries');
    expect(page.map((r) => r[0])).toEqual(countries.map((c) => c.key));
    expect(res.body).toContain('Alcance de la sesión 2');
    expect(res.body).toContain('Cómo se cuenta:');
  });

  test('the public CSV hides small cells as "<5"', async () => {
    const res = await app.inject({ url: `/en/series/${SLUG}/reach/countries.csv` });

    const countries = await sqlCountries(true);
    const byKey = new Map(
      res.body
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => [l.split(',')[0], l.split(',')[4]]),
    );
    for (const c of countries.filter((x) => x.registered < SMALL_CELL)) expect(byKey.get(c.key)).toBe('<5');
    expect(byKey.get(countries[0]!.key)).toBe(String(countries[0]!.registered));
  });

  test('a new registration shows once the summary is refreshed in the background, at most every 5 s', async () => {
    const before = await getReachReport(deps, { seriesSlug: SLUG });
    const { rows } = await deps.db.$client.query<{ id: string }>(
      `SELECT id FROM conversations_sessions WHERE series_id = $1 AND number = 1`,
      [seriesId],
    );
    await insertFakeRegistrations(deps.db, [
      {
        sessionId: rows[0]!.id,
        personKey: crypto.randomUUID(),
        status: 'confirmed',
        country: 'CH',
        stakeholderGroup: 'media',
        participantCategory: 'other',
        gender: null,
        attended: false,
      },
    ]);

    now = new Date(before.computedAt.getTime() + 4_000);
    await getReachReport(deps, { seriesSlug: SLUG });
    await settleReachRefreshes();
    const tooSoon = await getReachReport(deps, { seriesSlug: SLUG });
    now = new Date(before.computedAt.getTime() + 6_000);
    const stale = await getReachReport(deps, { seriesSlug: SLUG });
    await settleReachRefreshes();
    const fresh = await getReachReport(deps, { seriesSlug: SLUG });

    expect(tooSoon.people.registered).toBe(before.people.registered);
    expect(stale.people.registered).toBe(before.people.registered);
    expect(fresh.people.registered).toBe((before.people.registered ?? 0) + 1);
    expect(fresh.people.registered).toBe((await sqlPeople(true)).registered);
    expect(fresh.computedAt).toEqual(now);
  });
});

describe('refusals', () => {
  test('unknown series, unpublished session, malformed number and unknown table are 404s', async () => {
    const urls = [
      '/en/series/nope/reach',
      `/en/series/${SLUG}/sessions/4/reach`,
      `/en/series/${SLUG}/sessions/abc/reach`,
      `/en/series/${SLUG}/sessions/0/reach`,
      `/en/series/${SLUG}/reach/people.csv`,
      `/en/series/${SLUG}/reach/countries.xlsx`,
      `/fr/series/Bad_Slug/reach`,
    ];
    for (const url of urls) {
      const res = await app.inject({ url });
      expect([url, res.statusCode]).toEqual([url, 404]);
    }
    const fr = await app.inject({ url: '/fr/series/nope/reach' });
    expect(fr.body).toContain('lang="fr"');
  });

  test('the secretariat view sends nobody to sign in and refuses a participant', async () => {
    const nobody = await app.inject({ url: `/en/admin/reach/${SLUG}` });
    const refused = await app.inject({
      url: `/en/admin/reach/${SLUG}/countries.csv`,
      headers: participant.headers,
    });

    expect(nobody.statusCode).toBe(303);
    expect(nobody.headers.location).toMatch(/^\/en\/sign-in\?next=/);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('country_code');
  });

  test('the secretariat index lists every series and its sessions', async () => {
    const res = await app.inject({ url: '/ar/admin/reach', headers: secretariat.headers });

    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/ar/admin/reach/${SLUG}/sessions/4"`);
    expect(res.body).toContain('dir="rtl"');
  });
});
