import type { FastifyPluginAsync } from 'fastify';
import type { PageRouteOptions } from '../../platform/http/module';

/** Participation pages: the map's page with one statement at a time, voting, adding a statement. */
export const opinionsRoutes: FastifyPluginAsync<PageRouteOptions> = async () => {};
