import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseForm, parseParams, parseQuery } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import type { AdminNavLink } from '../../platform/views/admin-layout';
import { adminNavLinks } from '../../platform/views/admin-nav';
import { can, type Actor, type Permission } from './accounts.policy';
import { peopleQuerySchema, personParamsSchema, roleFormSchema } from './accounts.schema';
import { getPersonForAdmin, grantRole, listPeopleForAdmin, removeRole } from './service/roles';
import { viewerOf } from './service/sessions';
import { PeoplePage, PersonPage } from './views/people-pages';

const personQuerySchema = z.object({
  notice: z.enum(['granted', 'removed']).optional().catch(undefined),
});

/** The back office's people and roles: /{locale}/admin/people. Every service call checks `roles.manage`. */
export const accountsAdminRoutes: FastifyPluginAsync<PageRouteOptions> = async (
  app,
  { deps, site, adminSections },
) => {
  const navOf = (req: FastifyRequest, viewer: Actor | null): AdminNavLink[] =>
    adminNavLinks({
      sections: adminSections,
      allowed: (permission) => can(viewer, permission as Permission),
      locale: req.locale,
      t: req.t,
      currentPath: req.url.split('?')[0] ?? req.url,
    });

  app.get('/people', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const query = parseQuery(peopleQuerySchema, req.query);
    const data = await listPeopleForAdmin(deps, viewer, { query: query.q, page: query.page });
    return sendPage(
      reply,
      <PeoplePage ctx={viewContextOf(req, site)} nav={navOf(req, viewer)} data={data} />,
    );
  });

  app.get('/people/:userId', async (req, reply) => {
    const viewer = await viewerOf(deps, req);
    const { userId } = parseParams(personParamsSchema, req.params);
    const { notice } = parseQuery(personQuerySchema, req.query);
    const person = await getPersonForAdmin(deps, viewer, userId);
    return sendPage(
      reply,
      <PersonPage
        ctx={viewContextOf(req, site)}
        nav={navOf(req, viewer)}
        person={person}
        csrfToken={viewer?.csrfToken ?? ''}
        notice={notice}
      />,
    );
  });

  for (const change of ['grant', 'remove'] as const) {
    app.post(
      change === 'grant' ? '/people/:userId/roles' : '/people/:userId/roles/remove',
      async (req, reply) => {
        const viewer = await viewerOf(deps, req);
        const { userId } = parseParams(personParamsSchema, req.params);
        const form = parseForm(roleFormSchema, req.body);
        const problemPage = async (problem: 'lastSecretariat' | 'role', status: number) =>
          sendPage(
            reply,
            <PersonPage
              ctx={viewContextOf(req, site)}
              nav={navOf(req, viewer)}
              person={await getPersonForAdmin(deps, viewer, userId)}
              csrfToken={viewer?.csrfToken ?? ''}
              problem={problem}
            />,
            status,
          );
        if (!form.ok) {
          // The permission comes first: a participant learns nothing about the form.
          await getPersonForAdmin(deps, viewer, userId);
          return problemPage('role', 422);
        }
        try {
          const input = { userId, role: form.data.role };
          if (change === 'grant') await grantRole(deps, viewer, input);
          else await removeRole(deps, viewer, input);
        } catch (error) {
          if (error instanceof AppError && error.code === 'CONFLICT')
            return problemPage('lastSecretariat', 409);
          throw error;
        }
        const notice = change === 'grant' ? 'granted' : 'removed';
        return reply.redirect(`/${req.locale}/admin/people/${userId}?notice=${notice}`, 303);
      },
    );
  }
};
