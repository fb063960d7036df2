import type { AppModule } from '../../platform/http/module';
import { auditAdminRoutes } from './audit.admin.routes';

/** The audit log: written by every module's services (recordAudit), read at /admin/audit. */
export const auditModule: AppModule = {
  name: 'audit',
  adminRoutes: auditAdminRoutes,
  adminSections: [{ path: '/audit', label: 'admin.section.audit', permission: 'audit.read' }],
};
