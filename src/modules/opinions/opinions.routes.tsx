import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseForm, parseParams, parseQuery } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import type { FormState } from '../../platform/views/forms';
import { requireViewer, viewerOf, type Viewer } from '../accounts';
import { addStatementSchema, castVoteSchema, doneQuerySchema, mapSlugParamsSchema } from './opinions.schema';
import { listPublishedMaps } from './service/maps';
import { addStatement, castVote, getParticipationPage } from './service/participation';
import { MapListPage, MapPage } from './views/participate-pages';

/**
 * Participation pages: the list of maps, a map's page with one statement at a time, voting and
 * adding a statement (plain forms: POST, then 303 back to the page; a refusal re-renders it with
 * 422). Reading is public; voting and writing need an account (assertCan in the services).
 */
export const opinionsRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, { deps, site }) => {
  const slugOf = (req: FastifyRequest) => parseParams(mapSlugParamsSchema, req.params).mapSlug;
  const pathOf = (req: FastifyRequest, slug: string) => `/${req.locale}/opinions/${slug}`;

  app.get('/opinions', async (req, reply) => {
    const maps = await listPublishedMaps(deps);
    return sendPage(reply, <MapListPage ctx={viewContextOf(req, site)} maps={maps} now={deps.clock.now()} />);
  });

  async function renderMap(
    req: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer | null,
    extra: { voteError?: string; statementForm?: FormState; status?: number } = {},
  ) {
    const data = await getParticipationPage(deps, viewer, slugOf(req));
    const { done } = parseQuery(doneQuerySchema, req.method === 'GET' ? req.query : {});
    return sendPage(
      reply,
      <MapPage
        ctx={viewContextOf(req, site)}
        data={data}
        csrfToken={viewer?.csrfToken}
        done={done}
        voteError={extra.voteError}
        statementForm={extra.statementForm}
      />,
      extra.status,
    );
  }

  app.get('/opinions/:mapSlug', async (req, reply) => renderMap(req, reply, await viewerOf(deps, req)));

  app.post(
    '/opinions/:mapSlug/vote',
    { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const viewer = await requireViewer(deps, req);
      const slug = slugOf(req);
      const form = parseForm(castVoteSchema, req.body);
      const result = form.ok ? await castVote(deps, viewer, slug, form.data) : form;
      if (result.ok) {
        const changed = (req.body as Record<string, unknown>).returnTo === 'your-votes';
        const where = changed ? '?done=changed#your-votes' : '?done=voted#statement';
        return reply.redirect(`${pathOf(req, slug)}${where}`, 303);
      }
      const voteError = Object.values(result.errors)[0] ?? 'forms.error.invalid';
      return renderMap(req, reply, viewer, { voteError, status: 422 });
    },
  );

  app.post(
    '/opinions/:mapSlug/statements',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const viewer = await requireViewer(deps, req);
      const slug = slugOf(req);
      const form = parseForm(addStatementSchema, req.body);
      const result = form.ok ? await addStatement(deps, viewer, slug, form.data, req.locale) : form;
      if (result.ok) {
        const done = result.awaitsReview ? 'pending' : 'added';
        return reply.redirect(`${pathOf(req, slug)}?done=${done}#statement`, 303);
      }
      const values = { ...(req.body as Record<string, unknown>) };
      delete values._csrf;
      return renderMap(req, reply, viewer, { statementForm: { values, errors: result.errors }, status: 422 });
    },
  );
};
