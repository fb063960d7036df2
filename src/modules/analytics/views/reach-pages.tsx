import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Locale } from '../../../platform/i18n/locales';
import { AdminLayout, type AdminNavLink } from '../../../platform/views/admin-layout';
import { Layout } from '../../../platform/views/layout';
import { Localized, textOf } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import type { LocalizedText } from '../../../platform/i18n/localized-text';
import type { ReachReport } from '../analytics.report';
import { ReachFigures } from './reach-figures';

const stampFormats = new Map<Locale, Intl.DateTimeFormat>();
function stamp(date: Date, locale: Locale): string {
  let f = stampFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    stampFormats.set(locale, f);
  }
  return f.format(date);
}

export const publicReachHref = (locale: Locale, seriesSlug: string, sessionNumber?: number) =>
  sessionNumber === undefined
    ? `/${locale}/series/${seriesSlug}/reach`
    : `/${locale}/series/${seriesSlug}/sessions/${sessionNumber}/reach`;

export const adminReachHref = (locale: Locale, seriesSlug: string, sessionNumber?: number) =>
  sessionNumber === undefined
    ? `/${locale}/admin/reach/${seriesSlug}`
    : `/${locale}/admin/reach/${seriesSlug}/sessions/${sessionNumber}`;

const FIGURES_MEMO_LIMIT = 200;
const figuresMemo = new Map<string, string>();

/**
 * The public figures of one summary in one language, rendered once: the same stored summary
 * always gives the same markup, and its ~1,000 elements are most of a reach page's render time.
 * Keyed by scope, the summary's computedAt and the language; cleared whole when full.
 */
function figuresHtml(key: string, render: () => VNode): string {
  let html = figuresMemo.get(key);
  if (html === undefined) {
    html = renderToString(render());
    if (figuresMemo.size >= FIGURES_MEMO_LIMIT) figuresMemo.clear();
    figuresMemo.set(key, html);
  }
  return html;
}

function Heading({ ctx, report }: { ctx: ViewContext; report: ReachReport }) {
  const { t } = ctx;
  const { series, session } = report.scope;
  return (
    <header class="reach-header">
      <p class="organiser">
        <Localized ctx={ctx} text={series.title} />
      </p>
      <h1>
        {session
          ? t('analytics.page.sessionHeading', { number: session.number })
          : t('analytics.page.heading')}
      </h1>
      {session ? <Localized ctx={ctx} as="p" class="lead" text={session.title} /> : null}
      <p>{t(session ? 'analytics.page.sessionLead' : 'analytics.page.seriesLead')}</p>
      <p class="muted">{t('analytics.page.computedAt', { time: stamp(report.computedAt, ctx.locale) })}</p>
    </header>
  );
}

function pageTitle(ctx: ViewContext, report: ReachReport): string {
  const { session, series } = report.scope;
  const what = session
    ? ctx.t('analytics.page.sessionHeading', { number: session.number })
    : ctx.t('analytics.page.heading');
  return `${what} · ${textOf(ctx, series.title)}`;
}

/** The public reach page of a series or one of its sessions (small cells suppressed). */
export function ReachPage({ ctx, report }: { ctx: ViewContext; report: ReachReport }) {
  const { t, locale } = ctx;
  const { series, session } = report.scope;
  const base = publicReachHref(locale, series.slug, session?.number);
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, report)} description={t('analytics.page.seriesLead')}>
      <Heading ctx={ctx} report={report} />
      {session ? (
        <nav class="reach-links" aria-label={t('analytics.page.heading')}>
          <ul class="nav-list">
            <li>
              <a href={publicReachHref(locale, series.slug)}>{t('analytics.page.seriesLink')}</a>
            </li>
            <li>
              <a href={`/${locale}/series/${series.slug}/sessions/${session.number}`}>
                {t('analytics.page.sessionLink')}
              </a>
            </li>
          </ul>
        </nav>
      ) : null}
      {report.people.registered === 0 ? <p>{t('analytics.page.empty')}</p> : null}
      {/* Trusted markup: our own view, rendered once per summary and language (see figuresHtml). */}
      <div
        class="reach-figures"
        dangerouslySetInnerHTML={{
          __html: figuresHtml(
            `${series.id}|${session?.id ?? ''}|${report.computedAt.getTime()}|${locale}`,
            () => (
              <ReachFigures
                ctx={ctx}
                report={report}
                csvBase={base}
                sessionHref={(n) => publicReachHref(locale, series.slug, n)}
              />
            ),
          ),
        }}
      />
    </Layout>
  );
}

/** The secretariat's reach page: the same figures, exact, with links to the public page. */
export function ReachAdminPage({
  ctx,
  nav,
  report,
}: {
  ctx: ViewContext;
  nav: AdminNavLink[];
  report: ReachReport;
}) {
  const { t, locale } = ctx;
  const { series, session } = report.scope;
  return (
    <AdminLayout ctx={ctx} title={pageTitle(ctx, report)} nav={nav}>
      <Heading ctx={ctx} report={report} />
      <nav class="reach-links" aria-label={t('analytics.admin.title')}>
        <ul class="nav-list">
          <li>
            <a href={`/${locale}/admin/reach`}>{t('analytics.admin.series')}</a>
          </li>
          {session ? (
            <li>
              <a href={adminReachHref(locale, series.slug)}>{t('analytics.admin.wholeSeries')}</a>
            </li>
          ) : null}
          <li>
            <a href={publicReachHref(locale, series.slug, session?.number)}>
              {t('analytics.admin.publicPage')}
            </a>
          </li>
        </ul>
      </nav>
      <ReachFigures
        ctx={ctx}
        report={report}
        csvBase={adminReachHref(locale, series.slug, session?.number)}
        sessionHref={(n) => adminReachHref(locale, series.slug, n)}
      />
    </AdminLayout>
  );
}

/** The secretariat's list of series, each with its sessions' reach pages. */
export function ReachAdminIndexPage({
  ctx,
  nav,
  series,
}: {
  ctx: ViewContext;
  nav: AdminNavLink[];
  series: { slug: string; title: LocalizedText; isPublished: boolean; sessions: number[] }[];
}) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('analytics.admin.title')} nav={nav}>
      <h1>{t('analytics.admin.title')}</h1>
      <p>{t('analytics.admin.exact')}</p>
      <h2>{t('analytics.admin.series')}</h2>
      {series.length === 0 ? <p>{t('analytics.admin.noSeries')}</p> : null}
      <ul class="reach-series-list">
        {series.map((s) => (
          <li key={s.slug}>
            <a href={adminReachHref(locale, s.slug)}>
              <Localized ctx={ctx} text={s.title} fallback={s.slug} />
            </a>
            {s.isPublished ? null : <span class="muted"> ({t('analytics.admin.unpublished')})</span>}
            {s.sessions.length > 0 ? (
              <ul class="nav-list">
                {s.sessions.map((n) => (
                  <li key={n}>
                    <a href={adminReachHref(locale, s.slug, n)}>{t('session.number', { number: n })}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
