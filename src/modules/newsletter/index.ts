import type { AppModule } from '../../platform/http/module';
import { newsletterAdminRoutes } from './newsletter.admin.routes';
import { newsletterRoutes } from './newsletter.routes';
import { eraseSubscription, exportSubscription } from './newsletter.service';

/** Double opt-in subscriptions, editions and their sending (docs/adr/0015). */
export const newsletterModule: AppModule = {
  name: 'newsletter',
  routes: newsletterRoutes,
  adminRoutes: newsletterAdminRoutes,
  adminSections: [{ path: '/newsletter', label: 'newsletter.admin.nav', permission: 'newsletter.manage' }],
  personalData: { exportFor: exportSubscription, eraseFor: eraseSubscription },
};

export { SubscribeForm } from './views/public-pages';
