import type { FastifyPluginAsync } from 'fastify';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseQuery } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import { adminNavLinks } from '../../platform/views/admin-nav';
import { can, requireViewer, type Permission } from '../accounts';
import { auditQuerySchema } from './audit.admin.schema';
import { readAuditLog } from './service/read-audit-log';
import { AuditLogPage } from './views/audit-log-page';

/** The audit log viewer, /:locale/admin/audit (needs 'audit.read'). */
export const auditAdminRoutes: FastifyPluginAsync<PageRouteOptions> = async (
  app,
  { deps, site, adminSections },
) => {
  app.get('/audit', async (req, reply) => {
    const query = parseQuery(auditQuerySchema, req.query);
    const viewer = await requireViewer(deps, req);
    const { before, ...filter } = query;
    const page = await readAuditLog(deps, { actor: viewer, filter, before });
    const nav = adminNavLinks({
      sections: adminSections,
      allowed: (p) => can(viewer, p as Permission),
      locale: req.locale,
      t: req.t,
      currentPath: req.url.split('?')[0] ?? req.url,
    });
    return sendPage(
      reply.header('x-robots-tag', 'noindex'),
      <AuditLogPage ctx={viewContextOf(req, site)} nav={nav} page={page} query={query} />,
    );
  });
};
