import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseForm, parseParams, parseQuery } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import type { AdminNavLink } from '../../platform/views/admin-layout';
import type { FormState } from '../../platform/views/forms';
import { can, viewerOf, type Permission, type Viewer } from '../accounts';
import {
  adminListQuerySchema,
  adminRegistrationParamsSchema,
  adminSessionParamsSchema,
  checkInSchema,
  settingsSchema,
} from './registration.schema';
import {
  cancelRegistrationAsSecretariat,
  checkIn,
  decideRegistration,
  exportRegistrationsCsv,
  findForCheckIn,
  getSessionRegistrations,
  listSessionsWithRegistration,
  saveSettings,
} from './service/registrations';
import type { Registration } from './registration.types';
import { RegistrationsHomePage, SessionRegistrationsPage, settingsFormValues } from './views/admin-pages';

const EMPTY: FormState = { values: {}, errors: {} };

/** The secretariat's registration pages, under /{locale}/admin/registrations (`content.manage`). */
export const registrationAdminRoutes: FastifyPluginAsync<PageRouteOptions> = async (
  app,
  { deps, site, adminSections },
) => {
  const navOf = (req: FastifyRequest, viewer: Viewer | null): AdminNavLink[] =>
    adminSections
      .filter((s) => can(viewer, s.permission as Permission))
      .map((s) => {
        const href = `/${req.locale}/admin${s.path}`;
        return { href, label: req.t(s.label), current: req.url.split('?')[0]!.startsWith(href) };
      });
  const here = (req: FastifyRequest, sessionId: string) => `/${req.locale}/admin/registrations/${sessionId}`;

  app.get('/registrations', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const sessions = await listSessionsWithRegistration(deps, viewer);
    return sendPage(
      reply,
      <RegistrationsHomePage ctx={viewContextOf(req, site)} nav={navOf(req, viewer)} sessions={sessions} />,
    );
  });

  async function renderSession(
    req: FastifyRequest,
    viewer: Viewer | null,
    sessionId: string,
    extra: {
      settingsForm?: FormState;
      checkInForm?: FormState;
      checkedIn?: { name: string; already: boolean };
      checkInPrompt?: Registration;
      saved?: boolean;
    } = {},
  ) {
    const query = parseQuery(adminListQuerySchema, req.method === 'GET' ? req.query : {});
    const filter = { status: query.status, mode: query.mode };
    const data = await getSessionRegistrations(deps, viewer, sessionId, filter);
    return (
      <SessionRegistrationsPage
        ctx={viewContextOf(req, site)}
        nav={navOf(req, viewer)}
        csrfToken={viewer!.csrfToken}
        data={data}
        filter={filter}
        settingsForm={
          extra.settingsForm ?? { values: settingsFormValues(data.settings, data.session), errors: {} }
        }
        checkInForm={extra.checkInForm ?? EMPTY}
        checkedIn={extra.checkedIn}
        checkInPrompt={extra.checkInPrompt}
        saved={extra.saved ?? query.saved === '1'}
      />
    );
  }

  app.get('/registrations/:sessionId', async (req, reply) => {
    const { sessionId } = parseParams(adminSessionParamsSchema, req.params);
    const viewer = await viewerOf(deps, req);
    return sendPage(reply, await renderSession(req, viewer, sessionId));
  });

  app.post('/registrations/:sessionId/settings', async (req, reply) => {
    const { sessionId } = parseParams(adminSessionParamsSchema, req.params);
    const viewer = await viewerOf(deps, req);
    const form = parseForm(settingsSchema, req.body);
    const result = form.ok ? await saveSettings(deps, viewer, sessionId, form.data) : form;
    if (result.ok) return reply.redirect(`${here(req, sessionId)}?saved=1`, 303);
    const values = { ...(req.body as Record<string, unknown>) };
    delete values._csrf;
    return sendPage(
      reply,
      await renderSession(req, viewer, sessionId, { settingsForm: { values, errors: result.errors } }),
      422,
    );
  });

  // Where the QR code on a confirmation leads (ADR 0024): the check-in form filled in with the
  // code and the person it names, to confirm with one press. Changes nothing by itself.
  app.get('/registrations/:sessionId/check-in', async (req, reply) => {
    const { sessionId } = parseParams(adminSessionParamsSchema, req.params);
    const viewer = await viewerOf(deps, req);
    // The code names the participant's language; the secretariat reads the page in their own.
    if (viewer && can(viewer, 'content.manage') && viewer.preferredLocale !== req.locale)
      return reply.redirect(`/${viewer.preferredLocale}${req.url.slice(req.locale.length + 1)}`, 303);
    const form = parseForm(checkInSchema, req.query);
    const found = form.ok ? await findForCheckIn(deps, viewer, sessionId, form.data.code) : form;
    const values = { code: form.ok ? form.data.code : ((req.query as { code?: unknown }).code ?? '') };
    const page = await renderSession(req, viewer, sessionId, {
      checkInForm: { values, errors: found.ok ? {} : found.errors },
      checkInPrompt: found.ok ? found.registration : undefined,
    });
    // A malformed code is bad input (422); a well-formed one that names no confirmed place, 404.
    return sendPage(reply, page, found.ok ? 200 : form.ok ? 404 : 422);
  });

  app.post('/registrations/:sessionId/check-in', async (req, reply) => {
    const { sessionId } = parseParams(adminSessionParamsSchema, req.params);
    const viewer = await viewerOf(deps, req);
    const form = parseForm(checkInSchema, req.body);
    const result = form.ok ? await checkIn(deps, viewer, sessionId, form.data.code) : form;
    if (result.ok) {
      const name = result.registration.displayName || result.registration.checkInCode;
      return sendPage(
        reply,
        await renderSession(req, viewer, sessionId, { checkedIn: { name, already: result.already } }),
      );
    }
    const values = { ...(req.body as Record<string, unknown>) };
    delete values._csrf;
    return sendPage(
      reply,
      await renderSession(req, viewer, sessionId, { checkInForm: { values, errors: result.errors } }),
      422,
    );
  });

  for (const action of ['approve', 'decline', 'cancel'] as const) {
    app.post(`/registrations/:sessionId/:registrationId/${action}`, async (req, reply) => {
      const { sessionId, registrationId } = parseParams(adminRegistrationParamsSchema, req.params);
      const viewer = await viewerOf(deps, req);
      if (action === 'cancel') await cancelRegistrationAsSecretariat(deps, viewer, sessionId, registrationId);
      else await decideRegistration(deps, viewer, sessionId, registrationId, action);
      return reply.redirect(here(req, sessionId), 303);
    });
  }

  app.get('/registrations/:sessionId/export.csv', async (req, reply) => {
    const { sessionId } = parseParams(adminSessionParamsSchema, req.params);
    const viewer = await viewerOf(deps, req);
    const { session, csv } = await exportRegistrationsCsv(deps, viewer, sessionId);
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="registrations-${session.seriesSlug}-${session.number}.csv"`,
      )
      .send(csv);
  });
};
