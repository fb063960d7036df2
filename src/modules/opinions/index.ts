import type { FastifyPluginAsync } from 'fastify';
import type { AppModule, PageRouteOptions } from '../../platform/http/module';
import { opinionsAdminRoutes } from './opinions.admin.routes';
import { opinionsResultsAdminRoutes } from './opinions.results.admin.routes';
import { opinionsResultsRoutes } from './opinions.results.routes';
import { opinionsRoutes } from './opinions.routes';
import { eraseOpinions, exportOpinions } from './service/participation';

/** Participation (one statement at a time) and the results, under /{locale}/opinions/:slug. */
const routes: FastifyPluginAsync<PageRouteOptions> = async (app, options) => {
  await app.register(opinionsRoutes, options);
  await app.register(opinionsResultsRoutes, options);
};

/** Maps, seed statements and moderation; import, export and recompute, under /{locale}/admin/opinions. */
const adminRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, options) => {
  // The options carry the '/admin' prefix this plugin was mounted with: passed on as they are, it
  // would be added a second time (/admin/admin/opinions).
  const { prefix: _mounted, ...inner } = options as PageRouteOptions & { prefix?: string };
  await app.register(opinionsAdminRoutes, inner);
  await app.register(opinionsResultsAdminRoutes, inner);
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
  personalData: { exportFor: exportOpinions, eraseFor: eraseOpinions },
};

export { removeDemoOpinions, seedDemoOpinions } from './demo/seed-opinions';
// The session page lists the session's published maps (conversations/conversations.service.ts).
export { opinionMapsOfPagePart } from './service/maps';
export { recomputeDueMaps } from './service/recompute';
export type { SessionOpinionMap } from './opinions.types';
