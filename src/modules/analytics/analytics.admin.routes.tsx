import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseParams } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import { adminNavLinks } from '../../platform/views/admin-nav';
import { assertCan, can, viewerOf, type Permission, type Viewer } from '../accounts';
import { sendReachCsv } from './analytics.routes';
import {
  seriesReachCsvParamsSchema,
  seriesReachParamsSchema,
  sessionReachCsvParamsSchema,
  sessionReachParamsSchema,
} from './analytics.schema';
import { getSecretariatReach, listSecretariatReachSeries } from './analytics.service';
import { ReachAdminIndexPage, ReachAdminPage } from './views/reach-pages';

/** The secretariat's reach pages, under /{locale}/admin/reach: exact figures (analytics.read). */
export const analyticsAdminRoutes: FastifyPluginAsync<PageRouteOptions> = async (
  app,
  { deps, site, adminSections },
) => {
  const navOf = (req: FastifyRequest, viewer: Viewer | null) =>
    adminNavLinks({
      sections: adminSections,
      allowed: (p) => can(viewer, p as Permission),
      locale: req.locale,
      t: req.t,
      currentPath: req.url.split('?')[0]!,
    });

  app.get('/reach', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const series = await listSecretariatReachSeries(deps, viewer);
    return sendPage(
      reply,
      <ReachAdminIndexPage ctx={viewContextOf(req, site)} nav={navOf(req, viewer)} series={series} />,
    );
  });

  app.get('/reach/:seriesSlug', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    // Who may look comes before what was asked for: nobody learns which URLs exist.
    assertCan(viewer, 'analytics.read');
    const { seriesSlug } = parseParams(seriesReachParamsSchema, req.params);
    const report = await getSecretariatReach(deps, viewer, { seriesSlug });
    return sendPage(
      reply,
      <ReachAdminPage ctx={viewContextOf(req, site)} nav={navOf(req, viewer)} report={report} />,
    );
  });

  app.get('/reach/:seriesSlug/:file', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    // Who may look comes before what was asked for: nobody learns which URLs exist.
    assertCan(viewer, 'analytics.read');
    const { seriesSlug, file } = parseParams(seriesReachCsvParamsSchema, req.params);
    const report = await getSecretariatReach(deps, viewer, { seriesSlug });
    return sendReachCsv(reply, report, file, req.t, req.locale);
  });

  app.get('/reach/:seriesSlug/sessions/:number', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    // Who may look comes before what was asked for: nobody learns which URLs exist.
    assertCan(viewer, 'analytics.read');
    const { seriesSlug, number } = parseParams(sessionReachParamsSchema, req.params);
    const report = await getSecretariatReach(deps, viewer, { seriesSlug, sessionNumber: number });
    return sendPage(
      reply,
      <ReachAdminPage ctx={viewContextOf(req, site)} nav={navOf(req, viewer)} report={report} />,
    );
  });

  app.get('/reach/:seriesSlug/sessions/:number/:file', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    // Who may look comes before what was asked for: nobody learns which URLs exist.
    assertCan(viewer, 'analytics.read');
    const { seriesSlug, number, file } = parseParams(sessionReachCsvParamsSchema, req.params);
    const report = await getSecretariatReach(deps, viewer, { seriesSlug, sessionNumber: number });
    return sendReachCsv(reply, report, file, req.t, req.locale);
  });
};
