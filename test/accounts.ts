// People for route and service tests: a user with roles, signed in, ready for `app.inject`.
//
//   const secretariat = await signedInUser(deps, { roles: ['secretariat'] });
//   await app.inject({ method: 'POST', url: '/en/admin/sessions', headers: secretariat.headers,
//     payload: { _csrf: secretariat.csrfToken, ... } });
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../src/deps';
import { createSession } from '../src/modules/accounts';
import type { GrantedRole } from '../src/modules/accounts';
import { authSessions, userRoles, users } from '../src/modules/accounts/accounts.tables';
import { hashToken, sessionCookieName } from '../src/modules/accounts/service/sessions';

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

export interface SignedInUser extends TestUser {
  /** The session cookie's token. */
  token: string;
  csrfToken: string;
  /** `cookie` header for app.inject (and `x-csrf-token`, which checkCsrf accepts too). */
  headers: Record<string, string>;
}

export async function makeUser(
  deps: Deps,
  overrides: { email?: string; name?: string; roles?: GrantedRole[]; preferredLocale?: string } = {},
): Promise<TestUser> {
  const email = overrides.email ?? `person-${randomBytes(5).toString('hex')}@example.org`;
  const [user] = await deps.db
    .insert(users)
    .values({
      email,
      name: overrides.name ?? 'Test Person',
      preferredLocale: overrides.preferredLocale ?? 'en',
    })
    .returning();
  if (!user) throw new Error('no user inserted');
  for (const role of overrides.roles ?? []) {
    await deps.db.insert(userRoles).values({ userId: user.id, role });
  }
  return { id: user.id, email: user.email, name: user.name };
}

export async function signedInUser(
  deps: Deps,
  overrides: Parameters<typeof makeUser>[1] = {},
): Promise<SignedInUser> {
  const user = await makeUser(deps, overrides);
  return signIn(deps, user);
}

export async function signIn(deps: Deps, user: TestUser): Promise<SignedInUser> {
  const token = await createSession(deps, user.id);
  const [session] = await deps.db
    .select({ csrfToken: authSessions.csrfToken })
    .from(authSessions)
    .where(eq(authSessions.idHash, hashToken(token)));
  if (!session) throw new Error('no session');
  return {
    ...user,
    token,
    csrfToken: session.csrfToken,
    headers: { cookie: `${sessionCookieName(deps)}=${token}` },
  };
}

/** A form POST as a browser sends it: the person's cookie and CSRF token, or nobody's. */
export function postForm(
  app: Pick<FastifyInstance, 'inject'>,
  who: SignedInUser | undefined,
  url: string,
  values: Record<string, string>,
) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(who?.headers ?? {}) },
    payload: new URLSearchParams({ ...values, ...(who ? { _csrf: who.csrfToken } : {}) }).toString(),
  });
}
