import { AdminLayout, type AdminNavLink } from '../../../platform/views/admin-layout';
import type { ViewContext } from '../../../platform/views/view-context';
import type { Dashboard } from '../admin.service';

/** The back office's home: its sections, and what waits (drafts, held or failed mail). */
export function DashboardPage({
  ctx,
  nav,
  dashboard,
}: {
  ctx: ViewContext;
  nav: AdminNavLink[];
  dashboard: Dashboard;
}) {
  const { t, locale } = ctx;
  const base = `/${locale}/admin`;
  const { drafts, mail } = dashboard;
  const sections = nav.filter((link) => link.href !== base);
  return (
    <AdminLayout ctx={ctx} title={t('admin.dashboard.heading')} nav={nav}>
      <h1>{t('admin.dashboard.heading')}</h1>
      {drafts || mail ? (
        <section aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">{t('admin.dashboard.waiting')}</h2>
          <ul class="admin-counts">
            {drafts ? (
              <>
                <li>
                  <a href={`${base}/series`}>{t('admin.dashboard.draftSeries', { count: drafts.series })}</a>
                </li>
                <li>
                  <a href={`${base}/sessions`}>
                    {t('admin.dashboard.draftSessions', { count: drafts.sessions })}
                  </a>
                </li>
                <li>
                  <a href={`${base}/documents`}>
                    {t('admin.dashboard.draftDocuments', { count: drafts.documents })}
                  </a>
                </li>
              </>
            ) : null}
            {mail ? (
              <>
                <li>
                  <a href={`${base}/outbox?status=held`}>
                    {t('admin.dashboard.heldMail', { count: mail.held })}
                  </a>
                </li>
                <li>
                  <a href={`${base}/outbox?status=failed`}>
                    {t('admin.dashboard.failedMail', { count: mail.failed })}
                  </a>
                </li>
              </>
            ) : null}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading">{t('admin.dashboard.sections')}</h2>
        <ul class="admin-list">
          {sections.map((link) => (
            <li key={link.href}>
              <a href={link.href}>{link.label}</a>
            </li>
          ))}
        </ul>
      </section>
    </AdminLayout>
  );
}
