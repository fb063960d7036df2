import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseForm, parseParams, parseQuery } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import type { AdminNavLink } from '../../platform/views/admin-layout';
import { adminNavLinks } from '../../platform/views/admin-nav';
import type { ViewContext } from '../../platform/views/view-context';
import { assertCan, can, requireViewer, type Permission, type Viewer } from '../accounts';
import {
  EXPORT_FILES,
  exportPolisFile,
  getMathStatus,
  IMPORT_FILES,
  IMPORT_MAX_BYTES,
  importPolisConversation,
  recomputeNow,
  type ImportFile,
  type Problem,
  type Upload,
} from './service/interop';
import { ImportPage, MathPage, type ImportFormState, type MathNotice } from './views/interop-pages';

const mapParams = z.object({ mapId: z.uuid() });
const exportParams = z.object({ mapId: z.uuid(), file: z.enum(EXPORT_FILES) });
const doneQuery = z.object({
  done: z.enum(['imported', 'recomputed', 'busy']).optional(),
  ms: z.coerce.number().int().min(0).optional(),
});

/** What the import form takes besides the files (docs/adr/0029). */
const importFormSchema = z.object({
  title: z.string().trim().min(1, 'forms.error.required').max(300, 'forms.error.tooLong'),
  slug: z
    .string()
    .trim()
    .min(1, 'forms.error.required')
    .max(100, 'forms.error.tooLong')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'admin.error.slug'),
  language: z
    .string()
    .trim()
    .min(1, 'forms.error.required')
    .refine((tag) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) && canonical(tag) !== undefined, {
      message: 'opinions.import.error.language',
    })
    .transform((tag) => canonical(tag)!),
  attribution: z.string().trim().min(1, 'forms.error.required').max(2000, 'forms.error.tooLong'),
});

function canonical(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The files of a multipart request, by field, as buffered by onFile. */
const uploads = new WeakMap<FastifyRequest, Partial<Record<ImportFile, Upload>>>();

/**
 * The secretariat's interop and computation pages, under /{locale}/admin/opinions
 * (`content.manage`): import a pol.is conversation, download a map in pol.is's format, see when a
 * map was last computed and recompute it now.
 */
export const opinionsResultsAdminRoutes: FastifyPluginAsync<PageRouteOptions> = async (
  app,
  { deps, site, adminSections },
) => {
  // Multipart bodies only in this plugin (the import form): fields as strings, each file buffered
  // up to the limit and marked when cut off, so an oversized file is a form error, not a broken
  // request. An empty file input arrives as a part with no name and no bytes: not an upload.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: IMPORT_MAX_BYTES, files: IMPORT_FILES.length, fields: 20, fieldSize: 64 * 1024 },
    async onFile(this: FastifyRequest, part: MultipartFile) {
      const bytes = await part.toBuffer();
      const field = IMPORT_FILES.find((f) => f === part.fieldname);
      if (!field || (bytes.length === 0 && !part.filename)) return;
      const files = uploads.get(this) ?? {};
      files[field] = { fileName: part.filename, bytes, truncated: part.file.truncated };
      uploads.set(this, files);
    },
  });

  async function frame(
    req: FastifyRequest,
  ): Promise<{ viewer: Viewer; props: { ctx: ViewContext; nav: AdminNavLink[]; csrfToken: string } }> {
    const viewer = await requireViewer(deps, req);
    const nav = adminNavLinks({
      sections: adminSections,
      allowed: (p) => can(viewer, p as Permission),
      locale: req.locale,
      t: req.t,
      currentPath: req.url.split('?')[0] ?? req.url,
    });
    return { viewer, props: { ctx: viewContextOf(req, site), nav, csrfToken: viewer.csrfToken } };
  }
  const page = (reply: FastifyReply, vnode: VNode, status = 200) =>
    sendPage(reply.header('x-robots-tag', 'noindex'), vnode, status);
  const mapPage = (req: FastifyRequest, mapId: string) => `/${req.locale}/admin/opinions/${mapId}/math`;

  app.get('/opinions/import', async (req, reply) => {
    const { viewer, props } = await frame(req);
    assertCan(viewer, 'content.manage');
    return page(reply, <ImportPage {...props} form={{ values: { language: 'en' }, errors: {} }} />);
  });

  app.post('/opinions/import', async (req, reply) => {
    const { viewer, props } = await frame(req);
    assertCan(viewer, 'content.manage');
    const form = parseForm(importFormSchema, req.body);
    const files = uploads.get(req) ?? {};
    const refuse = (status: number, errors: Record<string, Problem>) => {
      const values = { ...((req.body ?? {}) as Record<string, unknown>) };
      delete values._csrf;
      const state: ImportFormState = { values, errors };
      return page(reply, <ImportPage {...props} form={state} />, status);
    };
    if (!form.ok) {
      const errors = Object.fromEntries(
        Object.entries(form.errors).map(([field, key]) => [field, { key } as Problem]),
      );
      return refuse(422, errors);
    }
    const result = await importPolisConversation(deps, {
      actor: viewer,
      input: { ...form.data, titleLocale: req.locale, files },
    });
    if (!result.ok) return refuse(result.status, result.errors);
    return reply.redirect(`${mapPage(req, result.mapId)}?done=imported`, 303);
  });

  app.get('/opinions/:mapId/math', async (req, reply) => {
    const { mapId } = parseParams(mapParams, req.params);
    const query = parseQuery(doneQuery, req.query);
    const { viewer, props } = await frame(req);
    const status = await getMathStatus(deps, { actor: viewer, mapId });
    const notice: MathNotice | undefined =
      query.done === 'recomputed'
        ? { kind: 'recomputed', ms: query.ms ?? 0 }
        : query.done
          ? { kind: query.done }
          : undefined;
    return page(reply, <MathPage {...props} status={status} notice={notice} />);
  });

  app.post('/opinions/:mapId/math/recompute', async (req, reply) => {
    const { mapId } = parseParams(mapParams, req.params);
    const viewer = await requireViewer(deps, req);
    const outcome = await recomputeNow(deps, { actor: viewer, mapId });
    const done = outcome.status === 'stored' ? `recomputed&ms=${outcome.durationMs}` : 'busy';
    return reply.redirect(`${mapPage(req, mapId)}?done=${done}`, 303);
  });

  app.get('/opinions/:mapId/export/:file', async (req, reply) => {
    // Who asks comes first: to anyone else, even a file name that is not one of the three is 403.
    const viewer = await requireViewer(deps, req);
    assertCan(viewer, 'content.manage');
    const { mapId, file } = parseParams(exportParams, req.params);
    const { slug, csv } = await exportPolisFile(deps, { actor: viewer, mapId, file });
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .header('content-disposition', `attachment; filename="${slug}-${file}"`)
      .send(csv);
  });
};
