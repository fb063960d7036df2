import type { AppModule } from '../../platform/http/module';
import { adminRoutes } from './admin.routes';

/**
 * The back office's own pages (docs/adr/0017-back-office-structure.md): its home and the outbox.
 * Every other back office page lives in the module that owns its data.
 */
export const adminModule: AppModule = {
  name: 'admin',
  adminRoutes,
  adminSections: [
    { path: '', label: 'admin.section.home', permission: 'admin.enter' },
    { path: '/outbox', label: 'admin.section.outbox', permission: 'outbox.read' },
  ],
};
