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
  /** Every mounted module (accounts collects their `personalData` for export and erasure). */
  modules?: readonly AppModule[];
}

/** The person whose data is exported or erased. */
export interface PersonalDataSubject {
  id: string;
  email: string;
}

/** A transaction of the app's database. */
import type { DbTransaction } from '../../db/client';
export type { DbTransaction };

/**
 * What a module holds about a person, for "Download my data" and "Delete my account"
 * (docs/adr/0018-accounts-sessions-and-roles.md). Accounts calls every module's hook.
 */
export interface PersonalDataHook {
  /** Everything this module holds about the person, as plain JSON (no secrets: hashes, tokens). */
  exportFor(deps: Deps, user: PersonalDataSubject): Promise<unknown>;
  /**
   * Erases it inside the deletion's transaction, before the account row goes: delete what is
   * private, anonymise what must stay for the public record.
   */
  eraseFor(deps: Deps, tx: DbTransaction, user: PersonalDataSubject): Promise<void>;
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
  /** What this module holds about a person: exported with their data, erased with their account. */
  personalData?: PersonalDataHook;
}
