import type { ComponentChildren } from 'preact';
import { Layout } from './layout';
import type { ViewContext } from './view-context';

/** One entry of the back office's navigation, already filtered to what the viewer may open. */
export interface AdminNavLink {
  href: string;
  label: string;
  current?: boolean;
}

/**
 * The back office's frame: the site's layout (never indexed, never cached) with the sections the
 * viewer may open. Pages of every module's admin routes use it.
 */
export function AdminLayout({
  ctx,
  title,
  nav,
  children,
}: {
  ctx: ViewContext;
  title: string;
  nav: AdminNavLink[];
  children: ComponentChildren;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${title} · ${t('admin.title')}`} noindex current="account">
      <div class="admin">
        <nav aria-label={t('admin.nav')} class="admin-nav">
          <ul>
            {nav.map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={link.current ? 'page' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="admin-content">{children}</div>
      </div>
    </Layout>
  );
}
