import type { FastifyPluginAsync } from 'fastify';
import type { AppModule, PageRouteOptions } from '../../platform/http/module';
import { opinionsAdminRoutes } from './opinions.admin.routes';
import { opinionsResultsAdminRoutes } from './opinions.results.admin.routes';
import { opinionsResultsRoutes } from './opinions.results.routes';
import { opinionsRoutes } from './opinions.routes';

/** Participation (one statement at a time) and the results, under /{locale}/opinions/:slug. */
const routes: FastifyPluginAsync<PageRouteOptions> = async (app, options) => {
  await app.register(opinionsRoutes, options);
  await app.register(opinionsResultsRoutes, options);
};

/** Maps, seed statements and moderation; import, export and recompute, under /{locale}/admin/opinions. */
const adminRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, options) => {
  await app.register(opinionsAdminRoutes, options);
  await app.register(opinionsResultsAdminRoutes, options);
};

/**
 * Opinion maps: statements, agree/disagree/pass votes, and the map of opinion groups computed by
 * the math engine in `math/` (docs/adr/0023).
 */
export const opinionsModule: AppModule = {
  name: 'opinions',
  routes,
  adminRoutes,
  adminSections: [{ path: '/opinions', label: 'opinions.admin.nav', permission: 'content.manage' }],
};
