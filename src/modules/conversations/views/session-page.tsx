import { formatDate } from '../../../platform/i18n/format';
import { pickText } from '../../../platform/i18n/localized-text';
import { Layout } from '../../../platform/views/layout';
import { Localized, LocalizedParagraphs, textOf } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import type { SessionPageAgendaEntry, SpeakerRole } from '../conversations.types';
import type { SessionPage as SessionPageData } from '../conversations.service';
import { DocumentTable } from './document-table';
import { FormatBadge, SeriesBreadcrumb, SessionTimes, sessionHref, speakerHref } from './session-parts';

/** One session: when and where, how to watch, agenda with speakers, documents, calendar file. */
export function SessionPage({ ctx, page }: { ctx: ViewContext; page: SessionPageData }) {
  const { t, locale } = ctx;
  const { series, session, theme, agenda, documents, state } = page;
  const base = sessionHref(locale, series.slug, session.number);
  const days = groupByDay(agenda, ctx, session.timeZone);
  const labels = agendaLabels(ctx);
  return (
    <Layout
      ctx={ctx}
      title={textOf(ctx, session.title)}
      description={textOf(ctx, session.description)}
      current="home"
    >
      <SeriesBreadcrumb ctx={ctx} series={series} theme={theme} />

      <p class="session-number">{t('session.number', { number: session.number })}</p>
      <h1>
        <Localized ctx={ctx} text={session.title} />
      </h1>
      <Localized ctx={ctx} as="p" class="lead" text={session.subject} />

      <dl class="facts">
        <dt>{t('session.when')}</dt>
        <dd>
          <SessionTimes ctx={ctx} start={session.startsAt} end={session.endsAt} timeZone={session.timeZone} />
        </dd>
        <dt>{t('session.formatLabel')}</dt>
        <dd>
          <FormatBadge ctx={ctx} format={session.format} />
        </dd>
        <dt>{t('session.venue')}</dt>
        <dd>
          <Localized ctx={ctx} text={session.venue} fallback={t('session.venueUnknown')} />
        </dd>
      </dl>
      <p>
        <a class="button secondary" href={`${base}/calendar.ics`} download={`session-${session.number}.ics`}>
          {t('session.addToCalendar')}
        </a>
      </p>
      {/* Registration (src/modules/registration): the same for everyone, as this page is cached; the
          register page tells whether registration is open and what the visitor holds. */}
      <p class="registration-links">
        {state === 'upcoming' ? (
          <>
            <a class="button" href={`${base}/register`}>
              {t('registration.page.title')}
            </a>{' '}
          </>
        ) : null}
        <a href={`${base}/participants`}>{t('registration.participants.link')}</a>
      </p>

      <section id="watch" aria-labelledby="watch-heading" class="watch">
        <h2 id="watch-heading">{t('session.watch.heading')}</h2>
        <Watch
          ctx={ctx}
          state={state}
          livestreamUrl={session.livestreamUrl}
          recordingUrl={session.recordingUrl}
        />
      </section>

      {page.opinionMaps.length > 0 ? <OpinionMaps ctx={ctx} maps={page.opinionMaps} /> : null}

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t('session.about')}</h2>
        <LocalizedParagraphs ctx={ctx} text={session.description} />
      </section>

      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('session.agenda.heading')}</h2>
        {agenda.length === 0 ? <p>{t('session.agenda.empty')}</p> : null}
        {days.map((day) => (
          <section key={day.label} aria-label={day.label}>
            {days.length > 1 ? <h3>{day.label}</h3> : null}
            <ol class="agenda">
              {day.entries.map(({ item, speakers }, index) => (
                <li key={index} class={`agenda-item kind-${item.kind}`}>
                  <p class="agenda-time">
                    <SessionTimes
                      ctx={ctx}
                      start={item.startsAt}
                      end={item.endsAt}
                      timeZone={session.timeZone}
                      compact
                    />
                  </p>
                  <p class="agenda-title">
                    <span class="badge agenda-kind">{labels.kind(item.kind)}</span>{' '}
                    {Localized({ ctx, text: item.title })}
                  </p>
                  {Localized({ ctx, as: 'p', text: item.description })}
                  {speakers.length > 0 ? (
                    <ul class="speakers" aria-label={labels.speakers}>
                      {speakers.map(({ speaker, role }) => (
                        <li key={speaker.slug}>
                          <a href={speakerHref(locale, speaker.slug)}>{speaker.name}</a>
                          {', '}
                          <span class="role">{labels.role(role)}</span>
                          {pickText(speaker.organisation, locale) ? ' — ' : null}
                          {Localized({ ctx, text: speaker.organisation })}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </section>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('session.documents')}</h2>
        {documents.length === 0 ? (
          <p>{t('documents.none')}</p>
        ) : (
          <DocumentTable ctx={ctx} documents={documents} showSession={false} />
        )}
      </section>

      <nav aria-label={t('session.pager')} class="pager">
        <ul class="nav-list">
          {page.previousNumber !== undefined ? (
            <li>
              <a href={sessionHref(locale, series.slug, page.previousNumber)} rel="prev">
                {t('session.previous', { number: page.previousNumber })}
              </a>
            </li>
          ) : null}
          {page.nextNumber !== undefined ? (
            <li>
              <a href={sessionHref(locale, series.slug, page.nextNumber)} rel="next">
                {t('session.next', { number: page.nextNumber })}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
    </Layout>
  );
}

/**
 * The session's published opinion maps (src/modules/opinions): the topic in the page's language,
 * and where to go. The same for everyone, as this page is cached; the map's own page tells a
 * visitor what they have voted.
 */
function OpinionMaps({ ctx, maps }: { ctx: ViewContext; maps: SessionPageData['opinionMaps'] }) {
  const { t, locale } = ctx;
  const href = (slug: string) => `/${locale}/opinions/${slug}`;
  return (
    <section id="opinion-maps" aria-labelledby="opinion-maps-heading">
      <h2 id="opinion-maps-heading">
        {t(maps.length === 1 ? 'session.opinionMap.heading' : 'session.opinionMap.headingMany')}
      </h2>
      <p>{t('session.opinionMap.intro')}</p>
      <ul class="opinion-map-links">
        {maps.map((m) => (
          <li key={m.slug}>
            <p class="opinion-map-topic" id={`opinion-map-${m.slug}`}>
              <Localized ctx={ctx} text={m.topic} fallback={m.slug} />
            </p>
            <p>
              {m.window === 'closed' ? (
                <a class="button" href={`${href(m.slug)}/results`} aria-describedby={`opinion-map-${m.slug}`}>
                  {t('session.opinionMap.results')}
                </a>
              ) : (
                <>
                  <a class="button" href={href(m.slug)} aria-describedby={`opinion-map-${m.slug}`}>
                    {t(m.window === 'open' ? 'session.opinionMap.takePart' : 'session.opinionMap.notYetOpen')}
                  </a>{' '}
                  <a href={`${href(m.slug)}/results`} aria-describedby={`opinion-map-${m.slug}`}>
                    {t('session.opinionMap.results')}
                  </a>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Watch({
  ctx,
  state,
  livestreamUrl,
  recordingUrl,
}: {
  ctx: ViewContext;
  state: SessionPageData['state'];
  livestreamUrl: string | null;
  recordingUrl: string | null;
}) {
  const { t } = ctx;
  if (state === 'past') {
    return recordingUrl ? (
      <p>
        <a class="button" href={recordingUrl} rel="external">
          {t('session.watch.recording')}
        </a>
      </p>
    ) : (
      <p>{t('session.watch.noRecording')}</p>
    );
  }
  if (livestreamUrl) {
    return (
      <>
        <p>{t(state === 'live' ? 'session.watch.liveNow' : 'session.watch.upcoming')}</p>
        <p>
          <a class="button" href={livestreamUrl} rel="external">
            {t('session.watch.livestream')}
          </a>
        </p>
      </>
    );
  }
  return <p>{t('session.watch.noLivestream')}</p>;
}

/**
 * The agenda's repeated labels, each translated once per render (an agenda repeats a handful of
 * kinds and roles dozens of times). Texts inside the agenda are rendered with `Localized` called as
 * a function: the same elements, without a component per text (docs/benchmarks.md).
 */
function agendaLabels({ t }: ViewContext) {
  const kinds = new Map<AgendaKind, string>();
  const roles = new Map<SpeakerRole, string>();
  return {
    speakers: t('session.agenda.speakers'),
    kind(kind: AgendaKind): string {
      let label = kinds.get(kind);
      if (label === undefined) kinds.set(kind, (label = t(`agenda.kind.${kind}`)));
      return label;
    },
    role(role: SpeakerRole): string {
      let label = roles.get(role);
      if (label === undefined) roles.set(role, (label = t(`speaker.role.${role}`)));
      return label;
    },
  };
}
type AgendaKind = SessionPageAgendaEntry['item']['kind'];

/** Agenda items grouped by their day in the session's time zone, for two-day sessions. */
function groupByDay(agenda: SessionPageAgendaEntry[], ctx: ViewContext, timeZone: string) {
  const days: { label: string; entries: SessionPageAgendaEntry[] }[] = [];
  for (const entry of agenda) {
    const label = formatDate(entry.item.startsAt, ctx.locale, timeZone);
    const last = days[days.length - 1];
    if (last && last.label === label) last.entries.push(entry);
    else days.push({ label, entries: [entry] });
  }
  return days;
}
