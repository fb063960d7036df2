import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../deps';
import type { ApiRoute } from './api';
import type { MessageKey } from '../i18n/t';
import type { Site } from '../views/view-context';

export interface PageRouteOptions {
  deps: Deps;
  site: Site;
  /** Every module's back office sections, for the admin navigation (filter by permission). */
  adminSections: AdminSection[];
}

/** A section of the back office a module contributes: /{locale}/admin{path}. */
export interface AdminSection {
  /** Under /{locale}/admin, e.g. `/sessions`. */
  path: string;
  label: MessageKey;
  /** The permission (accounts.policy.ts) a person needs to see it in the navigation. */
  permission: string;
}

/** What a feature module gives app.tsx to mount (its index.ts exports one). */
export interface AppModule {
  name: string;
  /** Pages under /:locale (the locale is checked before they run). */
  routes?: FastifyPluginAsync<PageRouteOptions>;
  /** Back office pages under /:locale/admin; each handler checks the viewer's permission. */
  adminRoutes?: FastifyPluginAsync<PageRouteOptions>;
  /** The sections of the back office's navigation this module's admin routes serve. */
  adminSections?: AdminSection[];
  /** Routes outside any locale: /sitemap.xml, /robots.txt. */
  siteRoutes?: FastifyPluginAsync<PageRouteOptions>;
  /** JSON under /api/v1, described in /api/v1/openapi.json. */
  api?: (deps: Deps) => ApiRoute[];
}
