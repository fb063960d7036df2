import type { AppModule } from '../../platform/http/module';
import { analyticsAdminRoutes } from './analytics.admin.routes';
import { analyticsRoutes } from './analytics.routes';

/** Reach: people, countries, M49 regions, stakeholder groups, counted from registrations (docs/adr/0021). */
export const analyticsModule: AppModule = {
  name: 'analytics',
  routes: analyticsRoutes,
  adminRoutes: analyticsAdminRoutes,
  adminSections: [{ path: '/reach', label: 'analytics.admin.nav', permission: 'analytics.read' }],
};

export { getSeriesReachTotals, settleReachRefreshes, type SeriesReachTotals } from './analytics.service';
export { publicReachHref } from './views/reach-pages';
// The small-cell rule and M49 regions, for other modules' breakdowns of people (opinions).
export { NOT_CLASSIFIED, SMALL_CELL, suppressColumn, type Shown } from './analytics.report';
export { M49_OF_COUNTRY } from './geo/m49';
export { rowLabel, shownText } from './analytics.labels';
