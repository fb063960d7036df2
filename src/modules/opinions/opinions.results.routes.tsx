import type { FastifyPluginAsync } from 'fastify';
import type { PageRouteOptions } from '../../platform/http/module';

/** Results pages: the opinion map, groups, consensus, breakdowns, the printable report. */
export const opinionsResultsRoutes: FastifyPluginAsync<PageRouteOptions> = async () => {};
