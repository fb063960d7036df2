import type { AppModule } from '../../platform/http/module';
import { conversationsAdminRoutes } from './conversations.admin.routes';
import { conversationsApi } from './conversations.api';
import { conversationsSiteRoutes } from './conversations.feeds.routes';
import { conversationsRoutes } from './conversations.routes';

/** Series, themes, sessions, agenda items, speakers and documents. */
export const conversationsModule: AppModule = {
  name: 'conversations',
  routes: conversationsRoutes,
  adminRoutes: conversationsAdminRoutes,
  adminSections: [
    { path: '/series', label: 'admin.section.series', permission: 'content.manage' },
    { path: '/sessions', label: 'admin.section.sessions', permission: 'content.manage' },
    { path: '/speakers', label: 'admin.section.speakers', permission: 'content.manage' },
    { path: '/documents', label: 'admin.section.documents', permission: 'content.manage' },
  ],
  siteRoutes: conversationsSiteRoutes,
  api: conversationsApi,
};

export { seedDemo, removeDemo } from './demo/seed-demo';
export { countContentDrafts } from './service/manage-sessions';
export { listThemesOfPublishedSeries } from './conversations.repo';
// The back office's six-languages-side-by-side field, for other modules' admin forms.
export { localizedOf, localizedValues } from './conversations.admin.schema';
export { LocalizedFieldset } from './views/admin/parts';
// Times typed on a session's clock (datetime-local fields), for other modules' admin forms.
export { instantToZonedLocal, zonedLocalToInstant } from './conversations.admin.time';
