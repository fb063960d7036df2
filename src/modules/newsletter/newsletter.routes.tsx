import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseForm, parseQuery } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import { isCrossSiteRequest } from '../../platform/http/same-origin';
import {
  confirmSchema,
  preferencesSchema,
  subscribeSchema,
  tokenQuerySchema,
  unsubscribeFormSchema,
} from './newsletter.schema';
import {
  checkConfirmationLink,
  checkManageLink,
  confirmSubscription,
  getSubscriptionPreferences,
  listSignupThemes,
  subscribeToNewsletter,
  unsubscribeFromNewsletter,
  updateSubscriptionPreferences,
} from './newsletter.service';
import {
  ConfirmPage,
  InvalidLinkPage,
  PreferencesPage,
  SubscribePage,
  SubscribeSentPage,
  UnsubscribePage,
} from './views/public-pages';

/**
 * Public newsletter pages (docs/adr/0015). The forms here are posted by visitors who may or may
 * not be signed in and carry no session token: the sign-up form sits on cached pages, and the
 * others carry their own credential (a token from an e-mail). So these routes skip the session's
 * CSRF token (`csrf: false`) and keep the same-origin check, except the one-click unsubscribe,
 * which mail providers post from their servers (RFC 8058).
 */
export const newsletterRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, { deps, site }) => {
  const sameOriginOnly = async (req: FastifyRequest) => {
    if (isCrossSiteRequest(req, deps.config.PUBLIC_URL)) throw new AppError('CSRF');
  };
  const tokenOf = (req: FastifyRequest) => parseQuery(tokenQuerySchema, req.query).token;

  app.get('/newsletter', { config: { pageCache: true } }, async (req, reply) => {
    const themes = await listSignupThemes(deps);
    return sendPage(reply, <SubscribePage ctx={viewContextOf(req, site)} themes={themes} />);
  });

  app.post(
    '/newsletter',
    {
      config: { csrf: false, rateLimit: { max: 10, timeWindow: '1 minute' } },
      preHandler: sameOriginOnly,
    },
    async (req, reply) => {
      const ctx = viewContextOf(req, site);
      const form = parseForm(subscribeSchema, req.body);
      const result = form.ok ? await subscribeToNewsletter(deps, form.data) : form;
      if (!result.ok) {
        const themes = await listSignupThemes(deps);
        const values = form.ok ? { ...form.data } : form.values;
        return sendPage(
          reply,
          <SubscribePage ctx={ctx} themes={themes} form={{ values, errors: result.errors }} />,
          422,
        );
      }
      return reply.redirect(`/${req.locale}/newsletter/sent`, 303);
    },
  );

  app.get('/newsletter/sent', { config: { pageCache: true } }, async (req, reply) =>
    sendPage(reply, <SubscribeSentPage ctx={viewContextOf(req, site)} />),
  );

  app.get('/newsletter/confirm', async (req, reply) => {
    const ctx = { ...viewContextOf(req, site), path: '/newsletter' };
    const token = tokenOf(req);
    const state = token ? await checkConfirmationLink(deps, token) : 'unknown';
    return sendPage(reply, <ConfirmPage ctx={ctx} state={state} token={token ?? ''} />, statusOf(state));
  });

  app.post(
    '/newsletter/confirm',
    { config: { csrf: false, rateLimit: { max: 20, timeWindow: '1 minute' } }, preHandler: sameOriginOnly },
    async (req, reply) => {
      const ctx = { ...viewContextOf(req, site), path: '/newsletter' };
      const form = parseForm(confirmSchema, req.body);
      const state = form.ok ? await confirmSubscription(deps, form.data.token) : 'unknown';
      return sendPage(reply, <ConfirmPage ctx={ctx} state={state} token="" />, statusOf(state));
    },
  );

  // GET never unsubscribes (mail scanners follow links): it shows a button.
  app.get('/newsletter/unsubscribe', async (req, reply) => {
    const ctx = { ...viewContextOf(req, site), path: '/newsletter' };
    const token = tokenOf(req);
    const good = token ? await checkManageLink(deps, token) : false;
    return sendPage(
      reply,
      <UnsubscribePage ctx={ctx} state={good ? 'ask' : 'unknown'} token={token ?? ''} />,
      good ? 200 : 404,
    );
  });

  // RFC 8058 one-click: the token (query, or the page's form field) is the credential; the body
  // `List-Unsubscribe=One-Click` needs no further step.
  app.post(
    '/newsletter/unsubscribe',
    { config: { csrf: false, rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const ctx = { ...viewContextOf(req, site), path: '/newsletter' };
      const form = parseForm(unsubscribeFormSchema, req.body);
      const token = (form.ok ? form.data.token : undefined) ?? tokenOf(req);
      const state = token ? await unsubscribeFromNewsletter(deps, token) : 'unknown';
      return sendPage(
        reply,
        <UnsubscribePage ctx={ctx} state={state === 'unsubscribed' ? 'done' : 'unknown'} token="" />,
        state === 'unsubscribed' ? 200 : 404,
      );
    },
  );

  app.get('/newsletter/preferences', async (req, reply) => {
    const ctx = { ...viewContextOf(req, site), path: '/newsletter' };
    const token = tokenOf(req);
    const preferences = token ? await getSubscriptionPreferences(deps, token) : undefined;
    if (!preferences || !token) return sendPage(reply, <InvalidLinkPage ctx={ctx} />, 404);
    return sendPage(reply, <PreferencesPage ctx={ctx} preferences={preferences} token={token} />);
  });

  app.post(
    '/newsletter/preferences',
    { config: { csrf: false, rateLimit: { max: 20, timeWindow: '1 minute' } }, preHandler: sameOriginOnly },
    async (req, reply) => {
      const ctx = { ...viewContextOf(req, site), path: '/newsletter' };
      const form = parseForm(preferencesSchema, req.body);
      const token = form.ok
        ? form.data.token
        : typeof form.values.token === 'string'
          ? form.values.token
          : '';
      const result = form.ok ? await updateSubscriptionPreferences(deps, form.data) : form;
      const preferences = token ? await getSubscriptionPreferences(deps, token) : undefined;
      if (!preferences || ('invalidToken' in result && result.invalidToken)) {
        return sendPage(reply, <InvalidLinkPage ctx={ctx} />, 404);
      }
      if (!result.ok && 'errors' in result) {
        const values = form.ok ? { ...form.data } : form.values;
        return sendPage(
          reply,
          <PreferencesPage
            ctx={ctx}
            preferences={preferences}
            token={token}
            form={{ values, errors: result.errors }}
          />,
          422,
        );
      }
      return sendPage(reply, <PreferencesPage ctx={ctx} preferences={preferences} token={token} saved />);
    },
  );
};

function statusOf(state: string): number {
  return state === 'unknown' ? 404 : state === 'expired' ? 410 : 200;
}
