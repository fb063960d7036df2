import { describe, expect } from 'vitest';
import { createApp } from '../../../app';
import { makeUser, signedInUser, signIn } from '../../../../test/accounts';
import { dbTest as test } from '../../../../test/test-deps';
import { assertCan } from '../accounts.policy';
import { endAllSessions, requireViewer, viewerOf } from './sessions';

/** An app with one probe route that says who is signed in, for GET and for a form post. */
async function probeApp(deps: Parameters<typeof createApp>[0]) {
  const { app } = await createApp(deps);
  app.get('/en/probe', async (req) => ({ viewer: (await viewerOf(deps, req))?.email ?? null }));
  app.post('/en/probe', async (req) => {
    const viewer = await requireViewer(deps, req);
    assertCan(viewer, 'content.manage');
    return { ok: true };
  });
  return app;
}

describe('sessions and CSRF', () => {
  test('the session cookie signs the person in, with the roles they were granted', async ({ deps }) => {
    const app = await probeApp(deps);
    const person = await signedInUser(deps, { roles: ['moderator'] });
    const res = await app.inject({ url: '/en/probe', headers: person.headers });
    expect(res.json()).toEqual({ viewer: person.email });
    expect(res.headers['cache-control']).toBe('private, no-store');
    const anonymous = await app.inject({ url: '/en/probe', headers: { cookie: 'colloquy_session=forged' } });
    expect(anonymous.json()).toEqual({ viewer: null });
  });

  test('a signed-in post needs the session’s token, and the permission', async ({ deps }) => {
    const app = await probeApp(deps);
    const secretariat = await signedInUser(deps, { roles: ['secretariat'] });
    const participant = await signedInUser(deps);
    const post = (who: typeof secretariat, token: string, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/en/probe',
        headers: { ...who.headers, ...headers },
        payload: { _csrf: token },
      });

    expect((await post(secretariat, secretariat.csrfToken)).json()).toEqual({ ok: true });
    const forged = await post(secretariat, participant.csrfToken);
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('This form has expired or was sent from another site');
    const crossSite = await post(secretariat, secretariat.csrfToken, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    const otherOrigin = await post(secretariat, secretariat.csrfToken, { origin: 'https://evil.example' });
    expect(otherOrigin.statusCode).toBe(403);
    const notAllowed = await post(participant, participant.csrfToken);
    expect(notAllowed.statusCode).toBe(403);
    expect(notAllowed.body).toContain('You are not allowed to do this.');
  });

  test('nobody signed in: a page redirects to sign-in, a post is refused in the page’s language', async ({
    deps,
  }) => {
    const { app } = await createApp(deps);
    app.get('/fr/private', async (req) => requireViewer(deps, req));
    app.post('/fr/private', async (req) => requireViewer(deps, req));
    const res = await app.inject({ url: '/fr/private?x=1' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/fr/sign-in?next=${encodeURIComponent('/fr/private?x=1')}`);
    const post = await app.inject({ method: 'POST', url: '/fr/private', payload: {} });
    expect(post.statusCode).toBe(401);
    expect(post.body).toContain('Veuillez vous connecter pour continuer.');
  });

  test('signing out everywhere ends every session of that person only', async ({ deps }) => {
    const app = await probeApp(deps);
    const user = await makeUser(deps);
    const [laptop, phone] = [await signIn(deps, user), await signIn(deps, user)];
    const other = await signedInUser(deps);
    expect(await endAllSessions(deps, user.id)).toBe(2);
    for (const browser of [laptop, phone]) {
      expect((await app.inject({ url: '/en/probe', headers: browser.headers })).json()).toEqual({
        viewer: null,
      });
    }
    expect((await app.inject({ url: '/en/probe', headers: other.headers })).json()).toEqual({
      viewer: other.email,
    });
  });
});
