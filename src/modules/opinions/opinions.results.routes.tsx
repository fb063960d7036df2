import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseParams } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import { viewerOf } from '../accounts';
import { startRecomputeSchedule } from './service/recompute';
import { getResultsPage } from './service/results';
import { ReportPage } from './views/report-page';
import { ResultsPage } from './views/results-page';

const mapRefSchema = z.object({
  mapSlug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(200),
});

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

  // The report is the same for everyone: it is printed and passed on, so no "you are here".
  app.get('/opinions/:mapSlug/report', async (req, reply) => {
    const { mapSlug } = parseParams(mapRefSchema, req.params);
    const data = await getResultsPage(deps, undefined, mapSlug);
    return sendPage(reply, <ReportPage ctx={viewContextOf(req, site)} data={data} />);
  });
};
