import { countryName } from '../../../platform/i18n/format';
import { pickText } from '../../../platform/i18n/localized-text';
import { Layout } from '../../../platform/views/layout';
import { Localized, LocalizedParagraphs, textOf } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import type { SpeakerList, SpeakerPage as SpeakerPageData } from '../conversations.service';
import type { Speaker } from '../conversations.types';
import { SessionDates, sessionHref, speakerHref } from './session-parts';

/** A speaker's public profile and the agenda items they speak in. */
export function SpeakerPage({ ctx, page }: { ctx: ViewContext; page: SpeakerPageData }) {
  const { t, locale } = ctx;
  const { speaker, appearances } = page;
  return (
    <Layout ctx={ctx} title={speaker.name} description={textOf(ctx, speaker.position)} current="speakers">
      <p class="session-number">
        <Localized ctx={ctx} text={speaker.honorific} />
      </p>
      <h1>{speaker.name}</h1>
      <p class="lead">
        <Localized ctx={ctx} text={speaker.position} />
        {pickText(speaker.organisation, locale) ? (
          <>
            {', '}
            <Localized ctx={ctx} text={speaker.organisation} />
          </>
        ) : null}
      </p>
      {speaker.country ? (
        <p>
          {t('speaker.country')}: {countryName(speaker.country, locale)}
        </p>
      ) : null}
      <LocalizedParagraphs ctx={ctx} text={speaker.bio} />
      <section aria-labelledby="appearances">
        <h2 id="appearances">{t('speaker.appearances')}</h2>
        <ul class="appearances">
          {appearances.map(({ session, seriesSlug, item, role }) => (
            <li key={item.id}>
              <a href={sessionHref(locale, seriesSlug, session.number)}>
                {t('session.number', { number: session.number })}:{' '}
                <Localized ctx={ctx} text={session.title} />
              </a>{' '}
              (<SessionDates ctx={ctx} session={session} />) — <Localized ctx={ctx} text={item.title} />,{' '}
              {t(`speaker.role.${role}`)}
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}

/** Everyone who speaks in the series, by name. */
export function SpeakerListPage({ ctx, list }: { ctx: ViewContext; list: SpeakerList }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('speakers.title')} current="speakers">
      <h1>{t('speakers.title')}</h1>
      <p>{t('speakers.intro', { count: list.speakers.length })}</p>
      <ul class="speaker-list">
        {sortByName(list.speakers, locale).map((s) => (
          <li key={s.id}>
            <a href={speakerHref(locale, s.slug)}>{s.name}</a>
            <br />
            <small>
              <Localized ctx={ctx} text={s.organisation} />
              {s.country ? ` · ${countryName(s.country, locale)}` : ''}
            </small>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** Names in the order readers of the page's language expect ("Hélène" before "Hiroshi"). */
function sortByName(speakers: Speaker[], locale: string): Speaker[] {
  const collator = new Intl.Collator(locale);
  return [...speakers].sort((a, b) => collator.compare(a.name, b.name));
}
