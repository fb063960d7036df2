// Walks every route the app serves with every kind of person (nobody, each role) and checks who
// may do what (issue 3: "a test walks every route with every role"). Expectations come from two
// places only: the back office sections each module declares (`adminSections`: path + permission,
// and the PERMISSIONS table says which roles hold it), and the table below for routes outside the
// back office. A route in neither fails the test, so a new route cannot go unclassified.
import { describe, expect } from 'vitest';
import { createApp, modules, type RouteInfo } from './app';
import { isolatedDbTest as test } from '../test/test-deps';
import { makeUser, signIn, type SignedInUser, type TestUser } from '../test/accounts';
import { GRANTED_ROLES, PERMISSIONS, type Permission, type Role } from './modules/accounts';
import { seedDemo } from './modules/conversations';
import type { AdminSection } from './platform/http/module';
import type { Deps } from './deps';

/** Who a route is for, outside the back office. */
type Access = 'public' | 'signed-in';

/**
 * Every route outside /:locale/admin, by pattern. `public`: the same answer for everyone;
 * `signed-in`: any account, and nobody is sent to sign in (GET) or refused (POST).
 */
const ACCESS: Record<string, Access> = {
  'GET /': 'public',
  'GET /assets/:name': 'public',
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /sitemap.xml': 'public',
  'GET /robots.txt': 'public',
  'GET /:locale/feed.atom': 'public',
  'GET /:locale': 'public',
  'GET /:locale/series/:seriesSlug': 'public',
  'GET /:locale/series/:seriesSlug/sessions/:number': 'public',
  'GET /:locale/series/:seriesSlug/sessions/:number/calendar.ics': 'public',
  'GET /:locale/series/:seriesSlug/themes/:themeSlug': 'public',
  'GET /:locale/series/:seriesSlug/reach': 'public',
  'GET /:locale/series/:seriesSlug/reach/:file': 'public',
  'GET /:locale/series/:seriesSlug/sessions/:number/reach': 'public',
  'GET /:locale/series/:seriesSlug/sessions/:number/reach/:file': 'public',
  'GET /:locale/speakers': 'public',
  'GET /:locale/speakers/:speakerSlug': 'public',
  'GET /:locale/documents': 'public',
  'GET /:locale/documents/:documentId/:fileLocale': 'public',
  'GET /:locale/sign-in': 'public',
  'POST /:locale/sign-in': 'public',
  'GET /:locale/sign-in/check-mail': 'public',
  'POST /:locale/sign-in/code': 'public',
  'GET /:locale/sign-in/link': 'public',
  'POST /:locale/sign-in/link': 'public',
  'POST /:locale/sign-in/password': 'public',
  'POST /:locale/sign-out': 'public',
  'GET /:locale/account': 'signed-in',
  'POST /:locale/account/profile': 'signed-in',
  'POST /:locale/account/password': 'signed-in',
  'POST /:locale/account/sign-out-everywhere': 'signed-in',
  'GET /:locale/account/data': 'signed-in',
  'GET /:locale/account/delete': 'signed-in',
  'POST /:locale/account/delete': 'signed-in',
  'GET /:locale/account/deleted': 'public',
  'GET /:locale/newsletter': 'public',
  'POST /:locale/newsletter': 'public',
  'GET /:locale/newsletter/sent': 'public',
  'GET /:locale/newsletter/confirm': 'public',
  'POST /:locale/newsletter/confirm': 'public',
  'GET /:locale/newsletter/unsubscribe': 'public',
  'POST /:locale/newsletter/unsubscribe': 'public',
  'GET /:locale/newsletter/preferences': 'public',
  'POST /:locale/newsletter/preferences': 'public',
  'GET /:locale/series/:seriesSlug/sessions/:number/register': 'signed-in',
  'POST /:locale/series/:seriesSlug/sessions/:number/register': 'signed-in',
  'POST /:locale/series/:seriesSlug/sessions/:number/register/cancel': 'signed-in',
  'GET /:locale/series/:seriesSlug/sessions/:number/participants': 'public',
  'GET /:locale/series/:seriesSlug/sessions/:number/join': 'signed-in',
  'GET /:locale/registrations/cancel': 'public',
  'POST /:locale/registrations/cancel': 'public',
  'GET /:locale/opinions': 'public',
  'GET /:locale/opinions/:mapSlug': 'public',
  'POST /:locale/opinions/:mapSlug/vote': 'signed-in',
  'POST /:locale/opinions/:mapSlug/statements': 'signed-in',
  'GET /:locale/opinions/:mapSlug/results': 'public',
  'GET /:locale/opinions/:mapSlug/report': 'public',
  'GET /:locale/opinions/:mapSlug/open-data/:file': 'public',
  'GET /api/v1/series': 'public',
  'GET /api/v1/series/:seriesSlug': 'public',
  'GET /api/v1/series/:seriesSlug/themes': 'public',
  'GET /api/v1/series/:seriesSlug/sessions': 'public',
  'GET /api/v1/series/:seriesSlug/sessions/:number': 'public',
  'GET /api/v1/speakers': 'public',
  'GET /api/v1/speakers/:speakerSlug': 'public',
  'GET /api/v1/documents': 'public',
  'GET /api/v1/documents/:documentId': 'public',
  'GET /api/v1/openapi.json': 'public',
};

type Who = 'nobody' | Role;
const EVERYONE: Who[] = ['nobody', 'participant', ...GRANTED_ROLES];

/** What a route under /:locale/admin needs: the longest matching section's permission. */
function permissionOf(route: RouteInfo, sections: AdminSection[]): Permission | undefined {
  const rest = route.url.replace(/^\/:locale\/admin/, '');
  if (rest === '' || rest === '/') return 'admin.enter';
  const section = sections
    .filter((s) => rest === s.path || rest.startsWith(`${s.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return section?.permission as Permission | undefined;
}

const holds = (who: Who, permission: Permission): boolean =>
  who !== 'nobody' &&
  (PERMISSIONS[permission] as readonly Role[]).some((r) => r === who || r === 'participant');

/** Real values for the parameters the routes name, from the demo; anything else gets a fresh uuid. */
async function parameterValues(deps: Deps): Promise<Record<string, string>> {
  await seedDemo(deps.db, deps.clock);
  const { rows } = await deps.db.$client.query<Record<string, string>>(`
    SELECT
      (SELECT slug FROM conversations_series LIMIT 1) AS "seriesSlug",
      (SELECT id::text FROM conversations_series LIMIT 1) AS "seriesId",
      (SELECT slug FROM conversations_themes LIMIT 1) AS "themeSlug",
      (SELECT id::text FROM conversations_themes LIMIT 1) AS "themeId",
      (SELECT id::text FROM conversations_sessions WHERE number = 9) AS "sessionId",
      (SELECT id::text FROM conversations_agenda_items LIMIT 1) AS "agendaItemId",
      (SELECT slug FROM conversations_speakers LIMIT 1) AS "speakerSlug",
      (SELECT id::text FROM conversations_speakers LIMIT 1) AS "speakerId",
      (SELECT id::text FROM conversations_documents LIMIT 1) AS "documentId"`);
  return { locale: 'en', number: '9', fileLocale: 'en', name: 'missing.css', ...rows[0] };
}

function fill(url: string, values: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? '00000000-0000-4000-8000-000000000000');
}

describe('who may use which route', () => {
  test('every route, every role', { timeout: 120_000 }, async ({ deps }) => {
    const { app, routes } = await createApp(deps);
    const sections = modules.flatMap((m) => m.adminSections ?? []);
    const values = await parameterValues(deps);
    const users = new Map<Role, TestUser>();
    for (const role of EVERYONE.filter((w): w is Role => w !== 'nobody')) {
      users.set(role, await makeUser(deps, { roles: role === 'participant' ? [] : [role] }));
    }
    const people = new Map<Who, SignedInUser>();

    const problems: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const isAdmin = route.url.startsWith('/:locale/admin');
      const permission = isAdmin ? permissionOf(route, sections) : undefined;
      const access = isAdmin ? undefined : ACCESS[key];
      if (isAdmin && !permission) {
        problems.push(`${key}: no adminSections entry covers it; declare its section and permission`);
        continue;
      }
      if (!isAdmin && !access) {
        problems.push(`${key}: not classified; add it to ACCESS in src/app.permissions.test.ts`);
        continue;
      }
      const url = fill(route.url, values);
      // A fresh session for each route: sign-out routes end the one they are called with.
      for (const [role, user] of users) people.set(role, await signIn(deps, user));
      const statuses = new Map<Who, number>();
      for (const who of EVERYONE) {
        const person = who === 'nobody' ? undefined : people.get(who);
        const res = await app.inject({
          method: route.method as 'GET',
          url,
          headers: person?.headers,
          ...(route.method === 'GET' ? {} : { payload: person ? { _csrf: person.csrfToken } : {} }),
        });
        statuses.set(who, res.statusCode);
        if (res.statusCode >= 500) problems.push(`${key} as ${who}: ${res.statusCode}`);
      }
      const refusedAsNobody = route.method === 'GET' ? 303 : 401;
      for (const who of EVERYONE) {
        const status = statuses.get(who) ?? 0;
        let expected: string | undefined;
        if (access === 'public') {
          if (status !== statuses.get('nobody'))
            expected = `the same as for nobody (${statuses.get('nobody')})`;
        } else if (who === 'nobody') {
          if (status !== refusedAsNobody) expected = `${refusedAsNobody} (sign in first)`;
        } else if (access === 'signed-in' || holds(who, permission!)) {
          if (status === 401 || status === 403) expected = 'allowed (not 401/403)';
        } else if (status !== 403) {
          expected = `403 (needs ${permission})`;
        }
        if (expected) problems.push(`${key} as ${who}: got ${status}, expected ${expected}`);
      }
    }
    const served = new Set(routes.map((r) => `${r.method} ${r.url}`));
    for (const key of Object.keys(ACCESS)) {
      if (!served.has(key)) problems.push(`${key}: in ACCESS but no longer served; remove it`);
    }
    expect(problems).toEqual([]);
  });
});
