import type { AppModule } from '../../platform/http/module';
import { conversationsApi } from './conversations.api';
import { conversationsSiteRoutes } from './conversations.feeds.routes';
import { conversationsRoutes } from './conversations.routes';

/** Series, themes, sessions, agenda items, speakers and documents. */
export const conversationsModule: AppModule = {
  name: 'conversations',
  routes: conversationsRoutes,
  siteRoutes: conversationsSiteRoutes,
  api: conversationsApi,
};

export { seedDemo, removeDemo } from './demo/seed-demo';
