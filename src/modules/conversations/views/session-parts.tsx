import { pickText } from '../../../platform/i18n/localized-text';
import {
  formatDateRange,
  formatDateTimeRange,
  formatTimeRange,
  formatTimeZoneName,
} from '../../../platform/i18n/format';
import type { Locale } from '../../../platform/i18n/locales';
import { Localized } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import type { SeriesSummary, Session, Theme } from '../conversations.types';

export function sessionHref(locale: Locale, seriesSlug: string, number: number): string {
  return `/${locale}/series/${seriesSlug}/sessions/${number}`;
}

export function themeHref(locale: Locale, seriesSlug: string, themeSlug: string): string {
  return `/${locale}/series/${seriesSlug}/themes/${themeSlug}`;
}

export function speakerHref(locale: Locale, slug: string): string {
  return `/${locale}/speakers/${slug}`;
}

/** "13–14 March 2024" in the session's own time zone (the date people were told). */
export function SessionDates({ ctx, session }: { ctx: ViewContext; session: Session }) {
  const { locale } = ctx;
  return (
    <time dateTime={session.startsAt.toISOString()}>
      {formatDateRange(session.startsAt, session.endsAt, locale, session.timeZone)}
    </time>
  );
}

/**
 * Start and end in the session's time zone, with the zone's name; the client script `local-time`
 * adds the same in the viewer's zone into the empty span (without JavaScript, UTC is shown instead).
 * `compact` leaves the date out, for agenda items listed under their day.
 */
export function SessionTimes({
  ctx,
  start,
  end,
  timeZone,
  compact = false,
}: {
  ctx: ViewContext;
  start: Date;
  end: Date;
  timeZone: string;
  compact?: boolean;
}) {
  const { locale, t } = ctx;
  const range = compact ? formatTimeRange : formatDateTimeRange;
  const inZone = range(start, end, locale, timeZone);
  return (
    <span class="times">
      <span>{`${inZone} (${formatTimeZoneName(start, locale, timeZone, compact ? 'short' : 'long')})`}</span>
      <span
        class="viewer-time"
        data-start={start.toISOString()}
        data-end={end.toISOString()}
        data-label={t('session.yourTime')}
      >
        <noscript>{t('session.utc', { time: range(start, end, locale, 'UTC') })}</noscript>
      </span>
    </span>
  );
}

export function FormatBadge({ ctx, format }: { ctx: ViewContext; format: Session['format'] }) {
  return <span class={`badge badge-${format}`}>{ctx.t(`session.format.${format}`)}</span>;
}

/** A session in a list: number, title, dates, format. */
export function SessionCard({
  ctx,
  seriesSlug,
  session,
  headingLevel = 3,
}: {
  ctx: ViewContext;
  seriesSlug: string;
  session: Session;
  headingLevel?: 2 | 3 | 4;
}) {
  const H = (['h2', 'h3', 'h4'] as const)[headingLevel - 2] ?? 'h3';
  return (
    <article class="session-card">
      <p class="session-number">{ctx.t('session.number', { number: session.number })}</p>
      <H class="session-title">
        <a href={sessionHref(ctx.locale, seriesSlug, session.number)}>
          <Localized ctx={ctx} text={session.title} />
        </a>
      </H>
      <p class="session-meta">
        <SessionDates ctx={ctx} session={session} /> · <FormatBadge ctx={ctx} format={session.format} />
      </p>
    </article>
  );
}

/** Where a page sits: the series, then its theme if it has one. */
export function SeriesBreadcrumb({
  ctx,
  series,
  theme,
}: {
  ctx: ViewContext;
  series: Pick<SeriesSummary, 'slug' | 'shortTitle' | 'title'>;
  theme?: Pick<Theme, 'slug' | 'title'> | undefined;
}) {
  const { t, locale } = ctx;
  // The short title is optional: without one in any language, the title names the link.
  const name = pickText(series.shortTitle, locale) ? series.shortTitle : series.title;
  return (
    <nav aria-label={t('layout.breadcrumb')} class="breadcrumb">
      <ol>
        <li>
          <a href={`/${locale}/series/${series.slug}`}>
            <Localized ctx={ctx} text={name} />
          </a>
        </li>
        {theme ? (
          <li>
            <a href={themeHref(locale, series.slug, theme.slug)}>
              <Localized ctx={ctx} text={theme.title} />
            </a>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
