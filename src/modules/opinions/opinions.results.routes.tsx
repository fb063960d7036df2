import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseParams } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import { viewerOf } from '../accounts';
import { EXPORT_FILES, exportOpenDataFile } from './service/interop';
import { startRecomputeSchedule } from './service/recompute';
import { getResultsPage } from './service/results';
import { ReportPage } from './views/report-page';
import { OPEN_DATA_LICENCE, ResultsPage } from './views/results-page';

const mapRefSchema = z.object({
  mapSlug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(200),
});
const openDataSchema = mapRefSchema.extend({ file: z.enum(EXPORT_FILES) });

/**
 * Results pages: the opinion map, groups, common ground, divisive statements, breakdowns, and the
 * printable report. Not page-cached: "you are here" makes them personal, and a result stored by a
 * recompute must show at once (ADR 0028). This plugin also runs the
 * recompute schedule of the node (every node runs one; the map's advisory lock keeps it to one
 * recompute per map).
 */
export const opinionsResultsRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, { deps, site }) => {
  let stop: (() => Promise<void>) | undefined;
  app.addHook('onReady', async () => {
    stop = startRecomputeSchedule(deps);
  });
  app.addHook('onClose', async () => stop?.());

  app.get('/opinions/:mapSlug/results', async (req, reply) => {
    const { mapSlug } = parseParams(mapRefSchema, req.params);
    const data = await getResultsPage(deps, await viewerOf(deps, req), mapSlug);
    return sendPage(reply, <ResultsPage ctx={viewContextOf(req, site)} data={data} />);
  });

  // Open data (ADR 0030): pol.is's three files of a published map whose secretariat opened its
  // data; anything else, a file name among it, is the 404 page in the visitor's language.
  app.get('/opinions/:mapSlug/open-data/:file', async (req, reply) => {
    const { mapSlug, file } = parseParams(openDataSchema, req.params);
    const { slug, csv } = await exportOpenDataFile(deps, { slug: mapSlug, file });
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .header('link', `<${OPEN_DATA_LICENCE}>; rel="license"`)
      .header('content-disposition', `attachment; filename="${slug}-${file}"`)
      .send(csv);
  });

  // The report is the same for everyone: it is printed and passed on, so no "you are here".
  app.get('/opinions/:mapSlug/report', async (req, reply) => {
    const { mapSlug } = parseParams(mapRefSchema, req.params);
    const data = await getResultsPage(deps, undefined, mapSlug);
    return sendPage(reply, <ReportPage ctx={viewContextOf(req, site)} data={data} />);
  });
};
