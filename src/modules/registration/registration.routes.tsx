import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseForm, parseParams, parseQuery } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import { isCrossSiteRequest } from '../../platform/http/same-origin';
import { viewerOf } from '../accounts';
import { registerSchema, sessionRefSchema, tokenFormSchema, tokenQuerySchema } from './registration.schema';
import {
  cancelByToken,
  cancelOwnRegistration,
  checkCancelLink,
  getPublicParticipants,
  getRegistrationPage,
  joinOnline,
  register,
  sendDueReminders,
} from './service/registrations';
import { CancelLinkPage, ParticipantsPage, RegisterPage } from './views/public-pages';

/**
 * Registering is limited per signed-in browser (its session cookie), not per address: a delegation
 * registering from one mission's network shares an address (docs/adr/0022). Without a cookie the
 * request is refused by the CSRF check anyway; the address is the key then.
 */
function perAccount(req: FastifyRequest): string {
  const cookie = req.cookies['__Host-colloquy_session'] ?? req.cookies.colloquy_session;
  return cookie ? `session:${createHash('sha256').update(cookie).digest('base64url')}` : `ip:${req.ip}`;
}

/** How often each node looks for reminders to send (docs/adr/0022). */
const REMINDER_CHECK_MS = 5 * 60 * 1000;

/**
 * Registration pages under /{locale}/series/:seriesSlug/sessions/:number. Everything personal is
 * never cached (the default); the participants list is public but changes with every registration,
 * so it is not cached either.
 */
export const registrationRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, { deps, site }) => {
  const sessionPath = '/series/:seriesSlug/sessions/:number';
  const refOf = (req: FastifyRequest) => parseParams(sessionRefSchema, req.params);
  const sameOriginOnly = async (req: FastifyRequest) => {
    if (isCrossSiteRequest(req, deps.config.PUBLIC_URL)) throw new AppError('CSRF');
  };

  // The periodic reminder check: every node runs it; claiming rows makes it safe (ADR 0022).
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      sendDueReminders(deps).catch((err: unknown) =>
        deps.log.error({ err }, 'registration reminders failed'),
      );
    }, REMINDER_CHECK_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));

  app.get(`${sessionPath}/register`, async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const data = await getRegistrationPage(deps, viewer, refOf(req));
    const notice = (req.query as Record<string, unknown>).cancelled === '1' ? 'cancelled' : undefined;
    return sendPage(
      reply,
      <RegisterPage
        ctx={viewContextOf(req, site)}
        data={data}
        csrfToken={viewer!.csrfToken}
        notice={notice}
      />,
    );
  });

  app.post(
    `${sessionPath}/register`,
    { config: { rateLimit: { max: 20, timeWindow: '1 minute', keyGenerator: perAccount } } },
    async (req, reply) => {
      const viewer = await viewerOf(deps, req);
      const ref = refOf(req);
      const form = parseForm(registerSchema, req.body);
      const result = form.ok ? await register(deps, viewer, ref, form.data, req.locale) : form;
      if (result.ok)
        return reply.redirect(`/${req.locale}/series/${ref.seriesSlug}/sessions/${ref.number}/register`, 303);
      const data = await getRegistrationPage(deps, viewer, ref);
      const values = form.ok ? { ...(req.body as Record<string, unknown>) } : form.values;
      delete values._csrf;
      const already = result.errors._form === 'registration.error.already';
      return sendPage(
        reply,
        <RegisterPage
          ctx={viewContextOf(req, site)}
          data={data}
          csrfToken={viewer!.csrfToken}
          form={{ values, errors: result.errors }}
        />,
        already ? 409 : 422,
      );
    },
  );

  app.post(`${sessionPath}/register/cancel`, async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const ref = refOf(req);
    await cancelOwnRegistration(deps, viewer, ref);
    return reply.redirect(
      `/${req.locale}/series/${ref.seriesSlug}/sessions/${ref.number}/register?cancelled=1`,
      303,
    );
  });

  app.get(`${sessionPath}/participants`, async (req, reply) => {
    const data = await getPublicParticipants(deps, refOf(req));
    return sendPage(reply, <ParticipantsPage ctx={viewContextOf(req, site)} data={data} />);
  });

  // Joining the session room: records online attendance, then on to the livestream.
  app.get(`${sessionPath}/join`, async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const ref = refOf(req);
    const joined = await joinOnline(deps, viewer, ref, req.locale);
    if (joined.joined) return reply.redirect(joined.url, 303);
    return reply.redirect(`/${req.locale}/series/${ref.seriesSlug}/sessions/${ref.number}/register`, 303);
  });

  // The e-mail's cancel link: GET shows a button (mail scanners follow links), POST cancels. The
  // token is the credential, so no session token is needed; the post must come from this site.
  app.get('/registrations/cancel', async (req, reply) => {
    const token = parseQuery(tokenQuerySchema, req.query).token ?? '';
    const found = token ? await checkCancelLink(deps, token) : undefined;
    const state = !found ? 'unknown' : found.registration.status === 'cancelled' ? 'already' : 'ask';
    return sendPage(
      reply,
      <CancelLinkPage ctx={viewContextOf(req, site)} state={state} token={token} session={found?.session} />,
      found ? 200 : 404,
    );
  });

  app.post(
    '/registrations/cancel',
    { config: { csrf: false, rateLimit: { max: 20, timeWindow: '1 minute' } }, preHandler: sameOriginOnly },
    async (req, reply) => {
      const form = parseForm(tokenFormSchema, req.body);
      const token = form.ok ? form.data.token : '';
      const found = token ? await checkCancelLink(deps, token) : undefined;
      const outcome = found ? await cancelByToken(deps, token) : { state: 'unknown' as const };
      const state = outcome.state === 'cancelled' ? 'done' : outcome.state;
      return sendPage(
        reply,
        <CancelLinkPage ctx={viewContextOf(req, site)} state={state} token="" session={found?.session} />,
        state === 'unknown' ? 404 : 200,
      );
    },
  );
};
