import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { downloadHeaders, sendDownload } from '../../platform/files/download';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseParams, parseQuery } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import { adminNavLinks } from '../../platform/views/admin-nav';
import { assertCan, can, requireViewer, type Permission, type Viewer } from '../accounts';
import { outboxAttachmentParamsSchema, outboxParamsSchema, outboxQuerySchema } from './admin.schema';
import { getDashboard, getOutboxAttachment, getOutboxMessage, listOutbox } from './admin.service';
import { DashboardPage } from './views/dashboard-page';
import { OutboxListPage, OutboxMessagePage } from './views/outbox-pages';

/** The back office's home (/admin) and the outbox (/admin/outbox), under /:locale. */
export const adminRoutes: FastifyPluginAsync<PageRouteOptions> = async (
  app,
  { deps, site, adminSections },
) => {
  const navOf = (req: FastifyRequest, viewer: Viewer) =>
    adminNavLinks({
      sections: adminSections,
      allowed: (p) => can(viewer, p as Permission),
      locale: req.locale,
      t: req.t,
      currentPath: (req.url.split('?')[0] ?? req.url).replace(/\/$/, ''),
    });

  app.get('/', async (req, reply) => {
    const viewer = await requireViewer(deps, req);
    const dashboard = await getDashboard(deps, { actor: viewer });
    return sendPage(
      reply.header('x-robots-tag', 'noindex'),
      <DashboardPage ctx={viewContextOf(req, site)} nav={navOf(req, viewer)} dashboard={dashboard} />,
    );
  });

  app.get('/outbox', async (req, reply) => {
    const query = parseQuery(outboxQuerySchema, req.query);
    const viewer = await requireViewer(deps, req);
    const page = await listOutbox(deps, { actor: viewer, status: query.status, before: query.before });
    return sendPage(
      reply.header('x-robots-tag', 'noindex'),
      <OutboxListPage ctx={viewContextOf(req, site)} nav={navOf(req, viewer)} page={page} query={query} />,
    );
  });

  app.get('/outbox/:id', async (req, reply) => {
    const { id } = parseParams(outboxParamsSchema, req.params);
    const viewer = await requireViewer(deps, req);
    const message = await getOutboxMessage(deps, { actor: viewer, id });
    return sendPage(
      reply.header('x-robots-tag', 'noindex'),
      <OutboxMessagePage ctx={viewContextOf(req, site)} nav={navOf(req, viewer)} message={message} />,
    );
  });

  // The HTML part as a file, never rendered in the back office: mail HTML is written for mail
  // clients, and a download with a sandboxing policy runs nothing in our origin.
  app.get('/outbox/:id/message.html', { onSend: downloadHeaders }, async (req, reply) => {
    const { id } = parseParams(outboxParamsSchema, req.params);
    const viewer = await requireViewer(deps, req);
    const message = await getOutboxMessage(deps, { actor: viewer, id });
    return sendDownload(
      reply,
      {
        fileName: `message-${id}.html`,
        mediaType: 'text/html; charset=utf-8',
        bytes: Buffer.from(message.html),
      },
      'private, no-store',
    );
  });

  // An attachment as the file it is (a registration's .ics, its check-in QR code), downloaded with
  // the same sandboxing policy as the HTML part.
  app.get('/outbox/:id/attachments/:index', { onSend: downloadHeaders }, async (req, reply) => {
    // Who asks comes first: to anyone else, even an index that is not a number is 403.
    const viewer = await requireViewer(deps, req);
    assertCan(viewer, 'outbox.read');
    const { id, index } = parseParams(outboxAttachmentParamsSchema, req.params);
    const file = await getOutboxAttachment(deps, { actor: viewer, id, index });
    return sendDownload(reply, file, 'private, no-store');
  });
};
