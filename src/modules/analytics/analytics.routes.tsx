import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseParams } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import type { Locale } from '../../platform/i18n/locales';
import type { Translate } from '../../platform/i18n/t';
import { reachCsv } from './analytics.csv';
import type { ReachReport, ReachTable } from './analytics.report';
import {
  seriesReachCsvParamsSchema,
  seriesReachParamsSchema,
  sessionReachCsvParamsSchema,
  sessionReachParamsSchema,
} from './analytics.schema';
import { getReachReport } from './analytics.service';
import { ReachPage } from './views/reach-pages';

/** Sends one table of a report as a CSV download named after its scope. */
export function sendReachCsv(
  reply: FastifyReply,
  report: ReachReport,
  table: ReachTable,
  t: Translate,
  locale: Locale,
): FastifyReply {
  const { series, session } = report.scope;
  const name = `reach-${series.slug}${session ? `-session-${session.number}` : ''}-${table}.csv`;
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .send(reachCsv(report, table, t, locale));
}

/**
 * Public reach pages (docs/adr/0021-reach-analytics.md): per series and per session, each table
 * as CSV. Not in the page cache: the stored summaries make them fast, and they follow changes to
 * registrations, which do not clear the page cache.
 */
export const analyticsRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, { deps, site }) => {
  app.get('/series/:seriesSlug/reach', async (req, reply) => {
    const { seriesSlug } = parseParams(seriesReachParamsSchema, req.params);
    const report = await getReachReport(deps, { seriesSlug });
    return sendPage(reply, <ReachPage ctx={viewContextOf(req, site)} report={report} />);
  });

  app.get('/series/:seriesSlug/reach/:file', async (req, reply) => {
    const { seriesSlug, file } = parseParams(seriesReachCsvParamsSchema, req.params);
    const report = await getReachReport(deps, { seriesSlug });
    return sendReachCsv(reply, report, file, req.t, req.locale);
  });

  app.get('/series/:seriesSlug/sessions/:number/reach', async (req, reply) => {
    const { seriesSlug, number } = parseParams(sessionReachParamsSchema, req.params);
    const report = await getReachReport(deps, { seriesSlug, sessionNumber: number });
    return sendPage(reply, <ReachPage ctx={viewContextOf(req, site)} report={report} />);
  });

  app.get('/series/:seriesSlug/sessions/:number/reach/:file', async (req, reply) => {
    const { seriesSlug, number, file } = parseParams(sessionReachCsvParamsSchema, req.params);
    const report = await getReachReport(deps, { seriesSlug, sessionNumber: number });
    return sendReachCsv(reply, report, file, req.t, req.locale);
  });
};
