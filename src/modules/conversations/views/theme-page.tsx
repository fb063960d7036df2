import { Layout } from '../../../platform/views/layout';
import { Localized, LocalizedParagraphs, textOf } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import type { ThemePage as ThemePageData } from '../conversations.service';
import { SeriesBreadcrumb, SessionCard, themeHref } from './session-parts';

/** A theme: what it covers and its sessions, with links to the other themes. */
export function ThemePage({ ctx, page }: { ctx: ViewContext; page: ThemePageData }) {
  const { t, locale } = ctx;
  const { series, theme, themes, sessions } = page;
  return (
    <Layout
      ctx={ctx}
      title={textOf(ctx, theme.title)}
      description={textOf(ctx, theme.description)}
      current="home"
    >
      <SeriesBreadcrumb ctx={ctx} series={series} />
      <p class="session-number">{t('theme.label')}</p>
      <h1>
        <Localized ctx={ctx} text={theme.title} />
      </h1>
      <LocalizedParagraphs ctx={ctx} text={theme.description} />
      <section aria-labelledby="theme-sessions">
        <h2 id="theme-sessions">{t('theme.sessions', { count: sessions.length })}</h2>
        {sessions.length === 0 ? <p>{t('theme.noSessions')}</p> : null}
        <ul class="session-list">
          {sessions.map((s) => (
            <li key={s.id}>
              <SessionCard ctx={ctx} seriesSlug={series.slug} session={s} headingLevel={3} />
            </li>
          ))}
        </ul>
      </section>
      <nav aria-labelledby="other-themes">
        <h2 id="other-themes">{t('theme.others')}</h2>
        <ul>
          {themes
            .filter((other) => other.id !== theme.id)
            .map((other) => (
              <li key={other.id}>
                <a href={themeHref(locale, series.slug, other.slug)}>
                  <Localized ctx={ctx} text={other.title} />
                </a>
              </li>
            ))}
        </ul>
      </nav>
    </Layout>
  );
}
