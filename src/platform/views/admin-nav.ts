import type { AdminSection } from '../http/module';
import type { Locale } from '../i18n/locales';
import type { Translate } from '../i18n/t';
import type { AdminNavLink } from './admin-layout';

/**
 * The back office's navigation for one viewer: the sections whose permission they hold (the caller
 * passes the check, so platform/ stays free of the accounts module), the current one marked. The
 * home `/admin` comes first.
 */
export function adminNavLinks(args: {
  sections: readonly AdminSection[];
  allowed: (permission: string) => boolean;
  locale: Locale;
  t: Translate;
  /** The path of the page shown, without its query. */
  currentPath: string;
}): AdminNavLink[] {
  const base = `/${args.locale}/admin`;
  const links = args.sections
    .filter((s) => args.allowed(s.permission))
    .map((s) => ({ href: `${base}${s.path}`, label: args.t(s.label) }));
  // The longest matching prefix is the current section: /admin/sessions/1 is under Sessions.
  let current: AdminNavLink | undefined;
  for (const link of links) {
    const under =
      link.href === base
        ? args.currentPath === base
        : args.currentPath === link.href || args.currentPath.startsWith(`${link.href}/`);
    if (under && (!current || link.href.length > current.href.length)) current = link;
  }
  return links.map((link) => (link === current ? { ...link, current: true } : link));
}
