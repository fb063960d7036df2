import { AdminLayout, type AdminNavLink } from '../../../platform/views/admin-layout';
import type { ViewContext } from '../../../platform/views/view-context';
import type { AuditQuery } from '../audit.admin.schema';
import type { AuditPage } from '../service/read-audit-log';

const dateTime = new Map<string, Intl.DateTimeFormat>();
function formatAt(at: Date, locale: string): string {
  let format = dateTime.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
    dateTime.set(locale, format);
  }
  return `${format.format(at)} UTC`;
}

/** A snapshot as indented JSON (Preact escapes it). */
const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The audit log: filters, then the entries newest first, each with the record before and after. */
export function AuditLogPage({
  ctx,
  nav,
  page,
  query,
}: {
  ctx: ViewContext;
  nav: AdminNavLink[];
  page: AuditPage;
  query: AuditQuery;
}) {
  const { t, locale } = ctx;
  const action = `/${locale}/admin/audit`;
  const { before: _before, ...filter } = query;
  const next = new URLSearchParams(
    Object.entries({ ...filter, before: page.nextBefore }).flatMap(([k, v]) =>
      v === undefined ? [] : [[k, String(v)]],
    ),
  );
  const field = (name: keyof typeof filter, label: string) => (
    <div class="field">
      <label for={`audit-${name}`}>{label}</label>
      <input id={`audit-${name}`} name={name} type="search" value={filter[name] ?? ''} />
    </div>
  );
  return (
    <AdminLayout ctx={ctx} title={t('admin.audit.heading')} nav={nav}>
      <h1>{t('admin.audit.heading')}</h1>
      <form method="get" action={action} class="filters" role="search" aria-label={t('admin.audit.filters')}>
        {field('actor', t('admin.audit.actor'))}
        {field('action', t('admin.audit.action'))}
        {field('subjectType', t('admin.audit.subjectType'))}
        {field('subjectId', t('admin.audit.subjectId'))}
        <button type="submit" class="button">
          {t('admin.action.filter')}
        </button>{' '}
        <a href={action}>{t('admin.action.clearFilters')}</a>
      </form>
      {page.entries.length === 0 ? (
        <p>{t('admin.audit.none')}</p>
      ) : (
        <ol class="audit-entries">
          {page.entries.map((entry) => (
            <li key={entry.id} class="audit-entry">
              <p>
                <strong>{entry.action}</strong> · {entry.subjectType} <code>{entry.subjectId}</code>
              </p>
              <p>{t('admin.audit.by', { actor: entry.actorLabel, at: formatAt(entry.at, locale) })}</p>
              <details>
                <summary>{t('admin.audit.changes')}</summary>
                <div class="audit-diff">
                  <div>
                    <h2 class="audit-side">{t('admin.audit.before')}</h2>
                    <pre dir="ltr" lang="en">
                      {entry.before === null ? '—' : json(entry.before)}
                    </pre>
                  </div>
                  <div>
                    <h2 class="audit-side">{t('admin.audit.after')}</h2>
                    <pre dir="ltr" lang="en">
                      {entry.after === null ? '—' : json(entry.after)}
                    </pre>
                  </div>
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
      {page.nextBefore !== undefined ? (
        <p>
          <a href={`${action}?${next.toString()}`} rel="next">
            {t('admin.action.olderEntries')}
          </a>
        </p>
      ) : null}
    </AdminLayout>
  );
}
