import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentProps } from 'preact';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseForm, parseQuery, type FormProblems } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms';
import { can } from './accounts.policy';
import {
  checkMailQuerySchema,
  nextQuerySchema,
  passwordSignInSchema,
  profileSchema,
  requestSignInLinkSchema,
  setPasswordSchema,
  signInCodeSchema,
  signInLinkFormSchema,
  signInLinkQuerySchema,
} from './accounts.schema';
import { deleteOwnAccount, exportPersonalData } from './service/personal-data';
import { getOwnProfile, setOwnPassword, updateOwnProfile, type Profile } from './service/profile';
import {
  endAllSessions,
  endSession,
  replaceSession,
  requireViewer,
  sessionCookieName,
  viewerOf,
} from './service/sessions';
import {
  checkSignInLink,
  requestSignInLink,
  SIGN_IN_MINUTES,
  signInWithCode,
  signInWithLink,
  signInWithPassword,
  type SignInResult,
} from './service/sign-in';
import { AccountPage, type AccountNotice } from './views/account-page';
import { CheckMailPage } from './views/check-mail-page';
import { AccountDeletedPage, DeleteAccountPage } from './views/delete-pages';
import { SignInLinkPage, SignInRefusedPage } from './views/sign-in-link-page';
import { SignInPage } from './views/sign-in-page';

/**
 * Per-IP limits (in-memory, per node; docs/adr/0018-accounts-sessions-and-roles.md). The service
 * adds limits per e-mail address on top.
 */
const LIMITS = {
  requestLink: { max: 20, timeWindow: '15 minutes' },
  code: { max: 30, timeWindow: '15 minutes' },
  link: { max: 30, timeWindow: '15 minutes' },
  password: { max: 20, timeWindow: '15 minutes' },
} as const;

const accountQuerySchema = z.object({
  notice: z.enum(['welcome', 'profileSaved', 'passwordSaved', 'signedIn']).optional().catch(undefined),
});
const signInQuerySchema = nextQuerySchema.extend({
  notice: z.enum(['signedOut']).optional().catch(undefined),
});

/** Sign-in, sign-up, profile, password, sign-out, data download and account deletion. */
export const accountsRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, { deps, site, modules }) => {
  const allModules = modules ?? [];
  const ctxOf = (req: FastifyRequest) => viewContextOf(req, site);
  /** A browser signed in already (switching accounts) posts the sign-in forms with its token. */
  const tokenOf = async (req: FastifyRequest) => (await viewerOf(deps, req))?.csrfToken;

  /** Signs the browser in and sends it where it was going, or to the account page. */
  async function signedIn(
    req: FastifyRequest,
    reply: FastifyReply,
    result: Extract<SignInResult, { ok: true }>,
  ) {
    await replaceSession(deps, req, reply, result.userId);
    const notice = result.created ? 'welcome' : 'signedIn';
    return reply.redirect(result.nextPath || `/${req.locale}/account?notice=${notice}`, 303);
  }

  /**
   * The sign-in page: first shown (GET), or again with a refused form's values and problems (422).
   * The forms carry the token of a browser signed in already (ADR 0019).
   */
  async function signInPage(
    req: FastifyRequest,
    reply: FastifyReply,
    page: Partial<ComponentProps<typeof SignInPage>> & { next: string },
    status = 200,
  ) {
    const csrfToken = 'csrfToken' in page ? page.csrfToken : await tokenOf(req);
    return sendPage(
      reply,
      <SignInPage
        ctx={ctxOf(req)}
        linkForm={EMPTY_FORM}
        passwordForm={EMPTY_FORM}
        {...page}
        csrfToken={csrfToken}
      />,
      status,
    );
  }

  app.get('/sign-in', async (req, reply) => {
    const query = parseQuery(signInQuerySchema, req.query);
    // Shown to a signed-in browser too (to switch accounts), with its token in the forms.
    const viewer = await viewerOf(deps, req);
    return signInPage(req, reply, {
      next: query.next,
      notice: query.notice,
      signedInAs: viewer?.email,
      csrfToken: viewer?.csrfToken,
    });
  });

  /** The `next` a refused form sent back, to keep in the form. */
  const nextOf = (form: FormProblems) => (typeof form.values.next === 'string' ? form.values.next : '');

  app.post('/sign-in', { config: { rateLimit: LIMITS.requestLink } }, async (req, reply) => {
    const form = parseForm(requestSignInLinkSchema, req.body);
    if (!form.ok) return signInPage(req, reply, { next: nextOf(form), linkForm: form }, 422);
    const { requestId } = await requestSignInLink(deps, {
      email: form.data.email,
      locale: req.locale,
      nextPath: form.data.next,
    });
    return reply.redirect(`/${req.locale}/sign-in/check-mail?request=${requestId}`, 303);
  });

  /** The "check your mail" page of a pending sign-in, with the code form (again, after a refusal). */
  async function checkMailPage(
    req: FastifyRequest,
    reply: FastifyReply,
    page: { requestId: string; form: FormState; attemptsLeft?: number },
    status = 200,
  ) {
    return sendPage(
      reply,
      <CheckMailPage ctx={ctxOf(req)} csrfToken={await tokenOf(req)} minutes={SIGN_IN_MINUTES} {...page} />,
      status,
    );
  }

  /** Why a link or code did not sign in (expired, used, unknown, too many codes), with a new-link form. */
  async function refusedPage(
    req: FastifyRequest,
    reply: FastifyReply,
    refusal: Pick<ComponentProps<typeof SignInRefusedPage>, 'reason' | 'email'>,
    status = 400,
  ) {
    return sendPage(
      reply,
      <SignInRefusedPage ctx={ctxOf(req)} csrfToken={await tokenOf(req)} {...refusal} />,
      status,
    );
  }

  app.get('/sign-in/check-mail', async (req, reply) => {
    const { request } = parseQuery(checkMailQuerySchema, req.query);
    if (!request) return reply.redirect(`/${req.locale}/sign-in`, 303);
    return checkMailPage(req, reply, { requestId: request, form: EMPTY_FORM });
  });

  app.post('/sign-in/code', { config: { rateLimit: LIMITS.code } }, async (req, reply) => {
    const form = parseForm(signInCodeSchema, req.body);
    const requestId = form.ok
      ? form.data.request
      : typeof form.values.request === 'string'
        ? form.values.request
        : '';
    if (!form.ok) {
      if (form.errors.request) return refusedPage(req, reply, { reason: 'unknown' });
      return checkMailPage(req, reply, { requestId, form }, 422);
    }
    const result = await signInWithCode(deps, { requestId: form.data.request, code: form.data.code });
    if (result.ok) return signedIn(req, reply, result);
    if (result.reason === 'wrongCode') {
      const wrong: FormState = { values: {}, errors: { code: 'accounts.refusal.wrongCode' } };
      return checkMailPage(req, reply, { requestId, form: wrong, attemptsLeft: result.attemptsLeft }, 422);
    }
    const status = result.reason === 'tooManyCodes' ? 429 : 400;
    return refusedPage(req, reply, { reason: result.reason, email: result.email }, status);
  });

  app.get('/sign-in/link', async (req, reply) => {
    const { token } = parseQuery(signInLinkQuerySchema, req.query);
    const check = token ? await checkSignInLink(deps, token) : undefined;
    if (!token || !check?.ok) {
      const reason = check && !check.ok ? check.reason : 'unknown';
      return refusedPage(req, reply, { reason, email: check?.email });
    }
    return sendPage(
      reply,
      <SignInLinkPage ctx={ctxOf(req)} token={token} email={check.email} csrfToken={await tokenOf(req)} />,
    );
  });

  app.post('/sign-in/link', { config: { rateLimit: LIMITS.link } }, async (req, reply) => {
    const form = parseForm(signInLinkFormSchema, req.body);
    const result: SignInResult = form.ok
      ? await signInWithLink(deps, form.data.token)
      : { ok: false, reason: 'unknown' };
    if (result.ok) return signedIn(req, reply, result);
    return refusedPage(req, reply, { reason: result.reason, email: result.email });
  });

  app.post('/sign-in/password', { config: { rateLimit: LIMITS.password } }, async (req, reply) => {
    const form = parseForm(passwordSignInSchema, req.body);
    if (!form.ok) return signInPage(req, reply, { next: nextOf(form), passwordForm: form }, 422);
    const result = await signInWithPassword(deps, { email: form.data.email, password: form.data.password });
    if (result.ok) return signedIn(req, reply, { ...result, nextPath: form.data.next });
    const kept: FormState = { values: { email: form.data.email }, errors: {} };
    return signInPage(req, reply, { next: form.data.next, passwordForm: kept, notice: 'wrongPassword' }, 422);
  });

  app.post('/sign-out', async (req, reply) => {
    await endSession(deps, req, reply);
    return reply.redirect(`/${req.locale}/sign-in?notice=signedOut`, 303);
  });

  app.post('/account/sign-out-everywhere', async (req, reply) => {
    const viewer = await requireViewer(deps, req);
    await endAllSessions(deps, viewer.userId);
    reply.clearCookie(sessionCookieName(deps), { path: '/' });
    return reply.redirect(`/${req.locale}/sign-in?notice=signedOut`, 303);
  });

  const profileValues = (profile: Profile): Record<string, unknown> => ({
    name: profile.name,
    organisation: profile.organisation,
    country: profile.country ?? '',
    stakeholderGroup: profile.stakeholderGroup ?? '',
    preferredLocale: profile.preferredLocale,
  });

  async function accountPage(
    req: FastifyRequest,
    reply: FastifyReply,
    forms: { profile?: FormState; password?: FormState; notice?: AccountNotice },
    status = 200,
  ) {
    const viewer = await requireViewer(deps, req);
    const profile = await getOwnProfile(deps, viewer);
    return sendPage(
      reply,
      <AccountPage
        ctx={ctxOf(req)}
        profile={profile}
        csrfToken={viewer.csrfToken}
        profileForm={forms.profile ?? { values: profileValues(profile), errors: {} }}
        passwordForm={forms.password ?? EMPTY_FORM}
        notice={forms.notice}
        canEnterAdmin={can(viewer, 'admin.enter')}
      />,
      status,
    );
  }

  app.get('/account', async (req, reply) => {
    const { notice } = parseQuery(accountQuerySchema, req.query);
    return accountPage(req, reply, { notice });
  });

  app.post('/account/profile', async (req, reply) => {
    const viewer = await requireViewer(deps, req);
    const form = parseForm(profileSchema, req.body);
    if (!form.ok) return accountPage(req, reply, { profile: form }, 422);
    await updateOwnProfile(deps, viewer, form.data);
    return reply.redirect(`/${req.locale}/account?notice=profileSaved`, 303);
  });

  app.post('/account/password', async (req, reply) => {
    const viewer = await requireViewer(deps, req);
    const form = parseForm(setPasswordSchema, req.body);
    if (!form.ok) return accountPage(req, reply, { password: { values: {}, errors: form.errors } }, 422);
    await setOwnPassword(deps, viewer, form.data.password);
    return reply.redirect(`/${req.locale}/account?notice=passwordSaved`, 303);
  });

  app.get('/account/data', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const data = await exportPersonalData(deps, viewer, allModules);
    const day = deps.clock.now().toISOString().slice(0, 10);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="colloquy-my-data-${day}.json"`)
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/account/delete', async (req, reply) => {
    const viewer = await requireViewer(deps, req);
    return sendPage(
      reply,
      <DeleteAccountPage ctx={ctxOf(req)} email={viewer.email} csrfToken={viewer.csrfToken} />,
    );
  });

  app.post('/account/delete', async (req, reply) => {
    const viewer = await requireViewer(deps, req);
    const confirmed = (req.body as { confirm?: unknown } | undefined)?.confirm === 'yes';
    const page = (problem: 'notConfirmed' | 'lastSecretariat', status: number) =>
      sendPage(
        reply,
        <DeleteAccountPage
          ctx={ctxOf(req)}
          email={viewer.email}
          csrfToken={viewer.csrfToken}
          problem={problem}
        />,
        status,
      );
    if (!confirmed) return page('notConfirmed', 422);
    try {
      await deleteOwnAccount(deps, viewer, allModules);
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') return page('lastSecretariat', 409);
      throw error;
    }
    reply.clearCookie(sessionCookieName(deps), { path: '/' });
    return reply.redirect(`/${req.locale}/account/deleted`, 303);
  });

  app.get('/account/deleted', async (req, reply) => sendPage(reply, <AccountDeletedPage ctx={ctxOf(req)} />));
};
