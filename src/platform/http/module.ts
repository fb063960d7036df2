import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../deps';
import type { ApiRoute } from './api';
import type { Site } from '../views/view-context';

export interface PageRouteOptions {
  deps: Deps;
  site: Site;
}

/** What a feature module gives app.tsx to mount (its index.ts exports one). */
export interface AppModule {
  name: string;
  /** Pages under /:locale (the locale is checked before they run). */
  routes?: FastifyPluginAsync<PageRouteOptions>;
  /** Routes outside any locale: /sitemap.xml, /robots.txt. */
  siteRoutes?: FastifyPluginAsync<PageRouteOptions>;
  /** JSON under /api/v1, described in /api/v1/openapi.json. */
  api?: (deps: Deps) => ApiRoute[];
}
