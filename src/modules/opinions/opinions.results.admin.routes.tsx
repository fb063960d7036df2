import type { FastifyPluginAsync } from 'fastify';
import type { PageRouteOptions } from '../../platform/http/module';

/** Import from and export to the pol.is format; recompute status. */
export const opinionsResultsAdminRoutes: FastifyPluginAsync<PageRouteOptions> = async () => {};
