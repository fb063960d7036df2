import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseForm, parseParams, parseQuery } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import { adminNavLinks } from '../../platform/views/admin-nav';
import type { FormState } from '../../platform/views/forms';
import { assertCan, can, viewerOf, type Permission, type Viewer } from '../accounts';
import {
  doneQuerySchema,
  mapFormSchema,
  mapIdParamsSchema,
  seedStatementSchema,
  statementParamsSchema,
} from './opinions.schema';
import {
  addSeedStatement,
  createMap,
  editStatement,
  getMapForAdmin,
  listMapsForAdmin,
  listSessionChoices,
  moderateStatement,
  saveMap,
  setMapPublished,
} from './service/maps';
import {
  EditMapPage,
  MapsAdminPage,
  ModerationPage,
  NewMapPage,
  mapFormValues,
  newMapFormValues,
  type AdminView,
} from './views/admin-pages';

/** What was sent, without the CSRF token, for the form to show again. */
function sentValues(req: FastifyRequest): Record<string, unknown> {
  const values = { ...(req.body as Record<string, unknown>) };
  delete values._csrf;
  return values;
}

/** A statement form's fields carry a prefix (`new-body`, `s12-body`) so that ids stay unique. */
function unprefixed(body: unknown, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>))
    out[k.startsWith(prefix) ? k.slice(prefix.length) : k] = v;
  return out;
}

/**
 * The secretariat's pages for maps, under /{locale}/admin/opinions (`content.manage`, checked in
 * the services): the list, a map's settings and publishing, its statements (seed, edit while
 * nobody has voted, meta), and the moderation queue.
 */
export const opinionsAdminRoutes: FastifyPluginAsync<PageRouteOptions> = async (
  app,
  { deps, site, adminSections },
) => {
  const viewOf = (req: FastifyRequest, viewer: Viewer | null): AdminView => ({
    ctx: viewContextOf(req, site),
    csrfToken: viewer?.csrfToken ?? '',
    nav: adminNavLinks({
      sections: adminSections,
      allowed: (p) => can(viewer, p as Permission),
      locale: req.locale,
      t: req.t,
      currentPath: req.url.split('?')[0]!,
    }),
  });
  const base = (req: FastifyRequest) => `/${req.locale}/admin/opinions`;
  const doneOf = (req: FastifyRequest) => parseQuery(doneQuerySchema, req.query).done;

  app.get('/opinions', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const maps = await listMapsForAdmin(deps, viewer);
    return sendPage(reply, <MapsAdminPage view={viewOf(req, viewer)} maps={maps} now={deps.clock.now()} />);
  });

  app.get('/opinions/new', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const sessions = await listSessionChoices(deps, viewer);
    const form = { values: newMapFormValues(deps.clock.now()), errors: {} };
    return sendPage(reply, <NewMapPage view={viewOf(req, viewer)} form={form} sessions={sessions} />);
  });

  app.post('/opinions', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const sessions = await listSessionChoices(deps, viewer);
    const form = parseForm(mapFormSchema, req.body);
    const result = form.ok ? await createMap(deps, viewer, form.data) : form;
    if (result.ok) return reply.redirect(`${base(req)}/${result.map.id}?done=created`, 303);
    const state = { values: sentValues(req), errors: result.errors };
    return sendPage(reply, <NewMapPage view={viewOf(req, viewer)} form={state} sessions={sessions} />, 422);
  });

  async function renderMap(
    req: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer | null,
    mapId: string,
    extra: { form?: FormState; statementForms?: Record<string, FormState>; status?: number } = {},
  ) {
    const data = await getMapForAdmin(deps, viewer, mapId);
    const sessions = await listSessionChoices(deps, viewer);
    return sendPage(
      reply,
      <EditMapPage
        view={viewOf(req, viewer)}
        data={data}
        form={extra.form ?? { values: mapFormValues(data), errors: {} }}
        sessions={sessions}
        statementForms={extra.statementForms ?? {}}
        done={req.method === 'GET' ? doneOf(req) : undefined}
      />,
      extra.status,
    );
  }

  app.get('/opinions/:mapId', async (req, reply) => {
    const { mapId } = parseParams(mapIdParamsSchema, req.params);
    return renderMap(req, reply, await viewerOf(deps, req), mapId);
  });

  app.post('/opinions/:mapId', async (req, reply) => {
    const { mapId } = parseParams(mapIdParamsSchema, req.params);
    const viewer = await viewerOf(deps, req);
    const form = parseForm(mapFormSchema, req.body);
    const result = form.ok ? await saveMap(deps, viewer, mapId, form.data) : form;
    if (result.ok) return reply.redirect(`${base(req)}/${mapId}?done=saved`, 303);
    return renderMap(req, reply, viewer, mapId, {
      form: { values: sentValues(req), errors: result.errors },
      status: 422,
    });
  });

  for (const action of ['publish', 'unpublish'] as const) {
    app.post(`/opinions/:mapId/${action}`, async (req, reply) => {
      const { mapId } = parseParams(mapIdParamsSchema, req.params);
      await setMapPublished(deps, await viewerOf(deps, req), mapId, action === 'publish');
      return reply.redirect(`${base(req)}/${mapId}?done=${action}ed`, 303);
    });
  }

  app.post('/opinions/:mapId/statements', async (req, reply) => {
    const { mapId } = parseParams(mapIdParamsSchema, req.params);
    const viewer = await viewerOf(deps, req);
    const form = parseForm(seedStatementSchema, unprefixed(req.body, 'new-'));
    const result = form.ok ? await addSeedStatement(deps, viewer, mapId, form.data) : form;
    if (result.ok) return reply.redirect(`${base(req)}/${mapId}?done=added#add-statement`, 303);
    const values = unprefixed(sentValues(req), 'new-');
    return renderMap(req, reply, viewer, mapId, {
      statementForms: { new: { values, errors: result.errors } },
      status: 422,
    });
  });

  /** A statement's address; who may not manage content is refused before a malformed one is a 404. */
  const statementRef = (req: FastifyRequest, viewer: Viewer | null) => {
    assertCan(viewer, 'content.manage');
    return parseParams(statementParamsSchema, req.params);
  };

  app.post('/opinions/:mapId/statements/:statementId', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const { mapId, statementId } = statementRef(req, viewer);
    const prefix = `s${statementId}-`;
    const form = parseForm(seedStatementSchema, unprefixed(req.body, prefix));
    const result = form.ok ? await editStatement(deps, viewer, mapId, statementId, form.data) : form;
    if (result.ok) return reply.redirect(`${base(req)}/${mapId}?done=saved#statement-${statementId}`, 303);
    const values = unprefixed(sentValues(req), prefix);
    return renderMap(req, reply, viewer, mapId, {
      statementForms: { [String(statementId)]: { values, errors: result.errors } },
      status: 422,
    });
  });

  for (const action of ['accept', 'reject'] as const) {
    app.post(`/opinions/:mapId/statements/:statementId/${action}`, async (req, reply) => {
      const viewer = await viewerOf(deps, req);
      const { mapId, statementId } = statementRef(req, viewer);
      await moderateStatement(deps, viewer, mapId, statementId, action);
      const toQueue = (req.body as Record<string, unknown> | undefined)?.returnTo === 'moderation';
      const where = toQueue ? `/moderation?done=${action}ed` : `?done=${action}ed#statement-${statementId}`;
      return reply.redirect(`${base(req)}/${mapId}${where}`, 303);
    });
  }

  app.get('/opinions/:mapId/moderation', async (req, reply) => {
    const { mapId } = parseParams(mapIdParamsSchema, req.params);
    const viewer = await viewerOf(deps, req);
    const data = await getMapForAdmin(deps, viewer, mapId);
    return sendPage(reply, <ModerationPage view={viewOf(req, viewer)} data={data} done={doneOf(req)} />);
  });
};
