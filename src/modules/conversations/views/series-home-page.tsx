import { formatNumber } from '../../../platform/i18n/format';
import { Layout } from '../../../platform/views/layout';
import { Localized, LocalizedParagraphs, textOf } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import type { SeriesHome } from '../conversations.service';
import { SubscribeForm } from '../../newsletter';
import { publicReachHref } from '../../analytics';
import { SessionCard, SessionDates, FormatBadge, sessionHref, themeHref } from './session-parts';

/** The series home: what the series is, its reach, the featured session, sessions by theme. */
export function SeriesHomePage({ ctx, home }: { ctx: ViewContext; home: SeriesHome }) {
  const { t, locale } = ctx;
  const { series, reach, featured } = home;
  const figures = [
    { value: reach.sessions, label: t('home.reach.sessions', { count: reach.sessions }) },
    { value: reach.themes, label: t('home.reach.themes', { count: reach.themes }) },
    { value: reach.speakers, label: t('home.reach.speakers', { count: reach.speakers }) },
    { value: reach.speakerCountries, label: t('home.reach.countries', { count: reach.speakerCountries }) },
    { value: reach.people, label: t('analytics.home.people', { count: reach.people ?? 5 }) },
    { value: reach.countries, label: t('analytics.home.countries', { count: reach.countries }) },
  ];
  return (
    <Layout
      ctx={ctx}
      title={textOf(ctx, series.title)}
      description={textOf(ctx, series.summary)}
      current="home"
    >
      <section class="hero" aria-labelledby="series-title">
        <p class="organiser">
          <Localized ctx={ctx} text={series.organiser} />
        </p>
        <h1 id="series-title">
          <Localized ctx={ctx} text={series.title} />
        </h1>
        <Localized ctx={ctx} as="p" class="lead" text={series.summary} />
      </section>

      {featured ? (
        <section class="featured" aria-labelledby="featured-heading">
          <h2 id="featured-heading">{t(`home.featured.${featured.state}`)}</h2>
          <p class="session-number">{t('session.number', { number: featured.session.number })}</p>
          <p class="featured-title">
            <a href={sessionHref(locale, series.slug, featured.session.number)}>
              <Localized ctx={ctx} text={featured.session.title} />
            </a>
          </p>
          <p class="session-meta">
            <SessionDates ctx={ctx} session={featured.session} /> ·{' '}
            <FormatBadge ctx={ctx} format={featured.session.format} />
          </p>
          <p>
            <a class="button" href={`${sessionHref(locale, series.slug, featured.session.number)}#watch`}>
              {t('home.watchTheEvent')}
            </a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="reach-heading" class="reach">
        <h2 id="reach-heading">{t('home.reach.heading')}</h2>
        <ul class="figures">
          {figures.map((f) => (
            <li key={f.label}>
              <span class="figure-value">
                {f.value === null ? t('analytics.fewerThan5') : formatNumber(f.value, locale)}
              </span>{' '}
              <span class="figure-label">{f.label}</span>
            </li>
          ))}
        </ul>
        <p class="how-counted">{t('home.reach.howCounted')}</p>
        <p class="how-counted">{t('analytics.home.howCounted')}</p>
        <p>
          <a href={publicReachHref(locale, series.slug)}>{t('analytics.home.link')}</a>
        </p>
      </section>

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t('home.about.heading')}</h2>
        <LocalizedParagraphs ctx={ctx} text={series.about} />
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('home.sessionsByTheme')}</h2>
        {home.themes.map(({ theme, sessions }) => (
          <section
            class="theme-group"
            key={theme?.id ?? 'none'}
            aria-label={theme ? textOf(ctx, theme.title) : t('home.otherSessions')}
          >
            <h3>
              {theme ? (
                <a href={themeHref(locale, series.slug, theme.slug)}>
                  <Localized ctx={ctx} text={theme.title} />
                </a>
              ) : (
                t('home.otherSessions')
              )}
            </h3>
            <ul class="session-list">
              {sessions.map((s) => (
                <li key={s.id}>
                  <SessionCard ctx={ctx} seriesSlug={series.slug} session={s} headingLevel={4} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      <SubscribeForm
        ctx={ctx}
        themes={home.themes.flatMap(({ theme }) => (theme ? [{ id: theme.id, title: theme.title }] : []))}
      />
    </Layout>
  );
}
