import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseForm, parseParams, parseQuery } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import type { AdminNavLink } from '../../platform/views/admin-layout';
import { assertCan, can, viewerOf, type Permission, type Viewer } from '../accounts';
import { editionParamsSchema, editionSchema, previewQuerySchema } from './newsletter.schema';
import {
  createEdition,
  getEditionDetail,
  getNewsletterOverview,
  listSegmentThemes,
  previewEdition,
  sendEdition,
  updateEdition,
} from './newsletter.service';
import {
  editionFormValues,
  EditionPage,
  NewEditionPage,
  NewsletterOverviewPage,
  PreviewPage,
  SendPage,
} from './views/admin-pages';

/** How often the progress page reloads itself while messages are queued (the HTTP Refresh header). */
const REFRESH_SECONDS = 5;

const progressQuerySchema = z.object({
  auto: z.enum(['0', '1']).optional(),
  saved: z.enum(['1']).optional(),
});

/** The secretariat's newsletter pages, under /{locale}/admin/newsletter. Every service checks `newsletter.manage`. */
export const newsletterAdminRoutes: FastifyPluginAsync<PageRouteOptions> = async (
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

  app.get('/newsletter', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const overview = await getNewsletterOverview(deps, viewer);
    return sendPage(
      reply,
      <NewsletterOverviewPage ctx={viewContextOf(req, site)} nav={navOf(req, viewer)} overview={overview} />,
    );
  });

  app.get('/newsletter/editions/new', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const themes = await listSegmentThemes(deps, viewer);
    return sendPage(
      reply,
      <NewEditionPage
        ctx={viewContextOf(req, site)}
        nav={navOf(req, viewer)}
        csrfToken={viewer!.csrfToken}
        themes={themes}
        form={{ values: {}, errors: {} }}
      />,
    );
  });

  app.post('/newsletter/editions', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    assertCan(viewer, 'newsletter.manage');
    const form = parseForm(editionSchema, req.body);
    const result = form.ok ? await createEdition(deps, viewer, form.data) : form;
    if (result.ok)
      return reply.redirect(`/${req.locale}/admin/newsletter/editions/${result.edition.id}?saved=1`, 303);
    const themes = await listSegmentThemes(deps, viewer);
    return sendPage(
      reply,
      <NewEditionPage
        ctx={viewContextOf(req, site)}
        nav={navOf(req, viewer)}
        csrfToken={viewer.csrfToken}
        themes={themes}
        form={{
          values: form.ok ? (req.body as Record<string, unknown>) : form.values,
          errors: result.errors,
        }}
      />,
      422,
    );
  });

  app.get('/newsletter/editions/:editionId', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const { editionId } = parseParams(editionParamsSchema, req.params);
    const query = parseQuery(progressQuerySchema, req.query);
    const detail = await getEditionDetail(deps, viewer, editionId);
    const autoRefresh = !!detail.progress && detail.progress.queued > 0 && query.auto !== '0';
    if (autoRefresh) reply.header('refresh', String(REFRESH_SECONDS));
    return sendPage(
      reply,
      <EditionPage
        ctx={viewContextOf(req, site)}
        nav={navOf(req, viewer)}
        csrfToken={viewer!.csrfToken}
        detail={detail}
        form={{ values: editionFormValues(detail.edition), errors: {} }}
        saved={query.saved === '1'}
        autoRefresh={autoRefresh}
      />,
    );
  });

  app.post('/newsletter/editions/:editionId', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    assertCan(viewer, 'newsletter.manage');
    const { editionId } = parseParams(editionParamsSchema, req.params);
    const form = parseForm(editionSchema, req.body);
    const result = form.ok ? await updateEdition(deps, viewer, editionId, form.data) : form;
    if (result.ok)
      return reply.redirect(`/${req.locale}/admin/newsletter/editions/${editionId}?saved=1`, 303);
    const detail = await getEditionDetail(deps, viewer, editionId);
    return sendPage(
      reply,
      <EditionPage
        ctx={viewContextOf(req, site)}
        nav={navOf(req, viewer)}
        csrfToken={viewer.csrfToken}
        detail={detail}
        form={{
          values: form.ok ? (req.body as Record<string, unknown>) : form.values,
          errors: result.errors,
        }}
      />,
      422,
    );
  });

  app.get('/newsletter/editions/:editionId/preview', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const { editionId } = parseParams(editionParamsSchema, req.params);
    const { as } = parseQuery(previewQuerySchema, req.query);
    const preview = await previewEdition(deps, viewer, editionId, as ?? req.locale);
    return sendPage(
      reply,
      <PreviewPage ctx={viewContextOf(req, site)} nav={navOf(req, viewer)} {...preview} />,
    );
  });

  app.get('/newsletter/editions/:editionId/send', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const { editionId } = parseParams(editionParamsSchema, req.params);
    const detail = await getEditionDetail(deps, viewer, editionId);
    if (detail.edition.status !== 'draft') {
      return reply.redirect(`/${req.locale}/admin/newsletter/editions/${editionId}`, 303);
    }
    return sendPage(
      reply,
      <SendPage
        ctx={viewContextOf(req, site)}
        nav={navOf(req, viewer)}
        csrfToken={viewer!.csrfToken}
        detail={detail}
      />,
    );
  });

  app.post('/newsletter/editions/:editionId/send', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const { editionId } = parseParams(editionParamsSchema, req.params);
    await sendEdition(deps, viewer, editionId);
    return reply.redirect(`/${req.locale}/admin/newsletter/editions/${editionId}`, 303);
  });
};
