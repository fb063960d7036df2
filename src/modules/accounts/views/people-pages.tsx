import { countryName } from '../../../platform/i18n/format';
import type { MessageKey } from '../../../platform/i18n/t';
import { AdminLayout, type AdminNavLink } from '../../../platform/views/admin-layout';
import { CsrfField } from '../../../platform/views/forms';
import type { ViewContext } from '../../../platform/views/view-context';
import { GRANTED_ROLES, type GrantedRole } from '../accounts.policy';
import type { PeoplePage as PeoplePageData, PersonForAdmin } from '../service/roles';

const roleName = (ctx: ViewContext, role: string) => ctx.t(`accounts.role.${role}` as MessageKey);

/** The back office's people: search, one page of results, each with their roles. */
export function PeoplePage({
  ctx,
  nav,
  data,
}: {
  ctx: ViewContext;
  nav: AdminNavLink[];
  data: PeoplePageData;
}) {
  const { t, locale } = ctx;
  const title = t('accounts.people.title');
  const pageHref = (page: number) =>
    `/${locale}/admin/people?${new URLSearchParams({ ...(data.query ? { q: data.query } : {}), page: String(page) }).toString()}`;
  return (
    <AdminLayout ctx={ctx} title={title} nav={nav}>
      <h1>{title}</h1>
      <form method="get" action={`/${locale}/admin/people`} role="search">
        <div class="field">
          <label for="field-q">{t('accounts.people.search')}</label>
          <input id="field-q" name="q" type="search" value={data.query} maxLength={200} />
        </div>
        <button type="submit">{t('accounts.people.searchSubmit')}</button>
      </form>
      <p role="status">{t('accounts.people.count', { count: data.total })}</p>
      {data.people.length > 0 ? (
        <table>
          <caption>{t('accounts.people.caption', { page: data.page, pages: data.pages })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accounts.field.email')}</th>
              <th scope="col">{t('accounts.field.name')}</th>
              <th scope="col">{t('accounts.field.organisation')}</th>
              <th scope="col">{t('accounts.people.roles')}</th>
            </tr>
          </thead>
          <tbody>
            {data.people.map((p) => (
              <tr key={p.id}>
                <td dir="ltr">
                  <a href={`/${locale}/admin/people/${p.id}`}>{p.email}</a>
                </td>
                <td>{p.name}</td>
                <td>{p.organisation}</td>
                <td>{['participant', ...p.roles].map((r) => roleName(ctx, r)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data.pages > 1 ? (
        <nav aria-label={t('accounts.people.pagination')}>
          <ul class="nav-list">
            {data.page > 1 ? (
              <li>
                <a href={pageHref(data.page - 1)} rel="prev">
                  {t('accounts.people.previous')}
                </a>
              </li>
            ) : null}
            {data.page < data.pages ? (
              <li>
                <a href={pageHref(data.page + 1)} rel="next">
                  {t('accounts.people.next')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </AdminLayout>
  );
}

/** One person: their details, the roles they hold (each removable) and a form to grant another. */
export function PersonPage({
  ctx,
  nav,
  person,
  csrfToken,
  notice,
  problem,
}: {
  ctx: ViewContext;
  nav: AdminNavLink[];
  person: PersonForAdmin;
  csrfToken: string;
  notice?: 'granted' | 'removed';
  problem?: 'lastSecretariat' | 'role';
}) {
  const { t, locale } = ctx;
  const title = person.name || person.email;
  const action = `/${locale}/admin/people/${person.id}/roles`;
  const grantable = GRANTED_ROLES.filter((r: GrantedRole) => !person.roles.includes(r));
  return (
    <AdminLayout ctx={ctx} title={title} nav={nav}>
      <p>
        <a href={`/${locale}/admin/people`}>{t('accounts.people.back')}</a>
      </p>
      <h1>{title}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice === 'granted' ? t('accounts.people.granted') : t('accounts.people.removed')}
        </p>
      ) : null}
      {problem ? (
        <p class="notice" role="alert">
          {problem === 'lastSecretariat' ? t('accounts.people.lastSecretariat') : t('accounts.error.role')}
        </p>
      ) : null}
      <dl>
        <dt>{t('accounts.field.email')}</dt>
        <dd dir="ltr">{person.email}</dd>
        <dt>{t('accounts.field.organisation')}</dt>
        <dd>{person.organisation || '—'}</dd>
        <dt>{t('accounts.field.country')}</dt>
        <dd>{person.country ? countryName(person.country, locale) : '—'}</dd>
      </dl>
      <h2>{t('accounts.people.roles')}</h2>
      <ul>
        <li>{roleName(ctx, 'participant')}</li>
        {person.roles.map((role) => (
          <li key={role}>
            <form method="post" action={`${action}/remove`} class="inline-form">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="role" value={role} />
              {roleName(ctx, role)}{' '}
              <button
                type="submit"
                aria-label={t('accounts.people.removeRole', { role: roleName(ctx, role) })}
              >
                {t('accounts.people.remove')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      {grantable.length > 0 ? (
        <form method="post" action={action}>
          <CsrfField token={csrfToken} />
          <div class="field">
            <label for="field-role">{t('accounts.people.grantLabel')}</label>
            <select id="field-role" name="role">
              {grantable.map((r) => (
                <option key={r} value={r}>
                  {roleName(ctx, r)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('accounts.people.grant')}</button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
