import type { FastifyPluginAsync } from 'fastify';
import type { PageRouteOptions } from '../../platform/http/module';

/** The secretariat's pages for maps: create and edit, seed statements, moderation. */
export const opinionsAdminRoutes: FastifyPluginAsync<PageRouteOptions> = async () => {};
