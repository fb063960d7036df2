import { formatNumber } from '../../../platform/i18n/format';
import { dirOf, isLocale } from '../../../platform/i18n/locales';
import { pickText } from '../../../platform/i18n/localized-text';
import type { MessageKey } from '../../../platform/i18n/t';
import { CsrfField, ErrorSummary, TextArea, type FormState } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import type { ViewContext } from '../../../platform/views/view-context';
import {
  MAX_STATEMENT_LENGTH,
  VOTES,
  voteName,
  windowOf,
  type MapSession,
  type MapSummary,
  type OpinionMapRecord,
} from '../opinions.types';
import type { ParticipationPage } from '../service/participation';
import { VOTE_LABEL, WINDOW_LABEL } from './labels';
import { resultsHref } from './results-page';
import { ViewerTime, zonedMoment } from './zoned-time';

const mapPath = (ctx: ViewContext, slug: string) => `/${ctx.locale}/opinions/${slug}`;

/**
 * A statement's text, marked with the language it was written in. Its direction comes from the
 * text itself (`dir="auto"`): a participant's language is taken from the page they wrote on, which
 * is not always the language they wrote in.
 */
function StatementText({ body, language }: { body: string; language: string }) {
  return (
    <span lang={isLocale(language) ? language : undefined} dir="auto">
      {body}
    </span>
  );
}

function Topic({ ctx, map }: { ctx: ViewContext; map: OpinionMapRecord }) {
  const picked = pickText(map.topic, ctx.locale);
  if (!picked) return <>{map.slug}</>;
  return (
    <span lang={picked.locale} dir={dirOf(picked.locale)}>
      {picked.text}
    </span>
  );
}

/**
 * Whether the map takes votes, with the moment it opens or closes on the clock of its session's
 * zone (UTC without a session) and, beside it, in the viewer's own.
 */
function When({
  ctx,
  map,
  now,
  timeZone,
}: {
  ctx: ViewContext;
  map: OpinionMapRecord;
  now: Date;
  timeZone: string;
}) {
  const { t } = ctx;
  const window = windowOf(map, now);
  if (window === 'open' && !map.closesAt) return <>{t(WINDOW_LABEL.open)}</>;
  const [key, at] =
    window === 'not_yet_open'
      ? (['opinions.window.opensAt', map.opensAt] as const)
      : ([
          window === 'closed' ? 'opinions.window.closedAt' : 'opinions.window.openUntil',
          map.closesAt!,
        ] as const);
  return (
    <span class="times">
      <span>{t(key, { date: zonedMoment(ctx, at, timeZone) })}</span>{' '}
      <ViewerTime ctx={ctx} at={at} shownIn={timeZone} />
    </span>
  );
}

function SessionLink({ ctx, session }: { ctx: ViewContext; session: MapSession }) {
  const title = pickText(session.title, ctx.locale);
  return (
    <a href={`/${ctx.locale}/series/${session.seriesSlug}/sessions/${session.number}`}>
      {ctx.t('session.number', { number: session.number })}
      {title ? (
        <>
          {': '}
          <span lang={title.locale} dir={dirOf(title.locale)}>
            {title.text}
          </span>
        </>
      ) : null}
    </a>
  );
}

/** /{locale}/opinions: the published maps. */
export function MapListPage({ ctx, maps, now }: { ctx: ViewContext; maps: MapSummary[]; now: Date }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('opinions.list.title')} description={t('opinions.list.intro')}>
      <h1>{t('opinions.list.title')}</h1>
      <p class="lead">{t('opinions.list.intro')}</p>
      {maps.length === 0 ? (
        <p>{t('opinions.list.none')}</p>
      ) : (
        <ul class="session-list">
          {maps.map((m) => (
            <li key={m.id} class="session-card">
              <p class="session-title">
                <a href={mapPath(ctx, m.slug)}>
                  <Topic ctx={ctx} map={m} />
                </a>
              </p>
              <p class="session-meta">
                <When ctx={ctx} map={m} now={now} timeZone={m.timeZone} />
                {' · '}
                {t('opinions.count.statements', { count: m.statements - m.pending })}
                {' · '}
                {t('opinions.count.participants', { count: m.participants })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

const NOTICES: Record<string, MessageKey> = {
  voted: 'opinions.done.voted',
  changed: 'opinions.done.changed',
  added: 'opinions.done.added',
  pending: 'opinions.done.pending',
};

/** The vote buttons: one form, three submit buttons named `vote`. */
function VoteForm({
  ctx,
  action,
  csrfToken,
  statementId,
  current,
  labelledBy,
  returnTo,
}: {
  ctx: ViewContext;
  action: string;
  csrfToken: string;
  statementId: number;
  current?: number;
  labelledBy: string;
  returnTo?: string;
}) {
  const mine = current === undefined ? undefined : voteName(current);
  return (
    <form method="post" action={action} class="vote-form" aria-labelledby={labelledBy}>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="statementId" value={String(statementId)} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      {VOTES.map((v) => (
        <button
          key={v}
          type="submit"
          name="vote"
          value={v}
          class={mine === v ? 'vote-current' : undefined}
          aria-pressed={mine === undefined ? undefined : mine === v ? 'true' : 'false'}
        >
          {ctx.t(VOTE_LABEL[v])}
        </button>
      ))}
    </form>
  );
}

/** /{locale}/opinions/:slug: the topic, one statement at a time, your own statement, your votes. */
export function MapPage({
  ctx,
  data,
  csrfToken,
  done,
  voteError,
  statementForm,
}: {
  ctx: ViewContext;
  data: ParticipationPage;
  csrfToken: string | undefined;
  done?: string;
  /** A refused vote: the message key. */
  voteError?: string;
  statementForm?: FormState;
}) {
  const { t, locale } = ctx;
  const { map, next } = data;
  const here = mapPath(ctx, map.slug);
  const topic = pickText(map.topic, locale)?.text ?? map.slug;
  const description = pickText(map.description, locale);
  const open = data.window === 'open';
  const signIn = `/${locale}/sign-in?next=${encodeURIComponent(here)}`;
  const form = statementForm ?? { values: {}, errors: {} };
  // A refusal of the whole action (closed map, writing off, a statement not here): shown at the top.
  const refusal = voteError ?? form.errors._form;
  return (
    <Layout ctx={ctx} title={topic} description={description?.text}>
      <p class="breadcrumb">
        <a href={`/${locale}/opinions`}>{t('opinions.list.title')}</a>
      </p>
      <h1>
        <Topic ctx={ctx} map={map} />
      </h1>
      {description ? (
        <p class="lead" lang={description.locale} dir={dirOf(description.locale)}>
          {description.text}
        </p>
      ) : null}
      <ul class="map-facts">
        <li>
          <When ctx={ctx} map={map} now={data.now} timeZone={data.session?.timeZone ?? 'UTC'} />
        </li>
        {data.session ? (
          <li>
            {t('opinions.map.session')}: <SessionLink ctx={ctx} session={data.session} />
          </li>
        ) : null}
        <li>
          {t('opinions.count.statements', { count: data.statementCount })} ·{' '}
          {t('opinions.count.participants', { count: data.participantCount })}
        </li>
        <li>
          <a href={resultsHref(ctx, map.slug)}>{t('opinions.map.resultsLink')}</a>
        </li>
      </ul>
      {/* Said before anyone votes: what taking part here will publish (ADR 0030). */}
      {map.publishOpenData ? (
        <p class="notice open-data-note">
          {t('opinions.openData.notice')}{' '}
          <a href={`${resultsHref(ctx, map.slug)}#open-data`}>{t('opinions.openData.noticeLink')}</a>
        </p>
      ) : null}
      {/* The redirects after a vote land here (#statement): the notice first, then the next statement. */}
      <div id="statement">
        {done && NOTICES[done] ? (
          <p class="notice" role="status">
            {t(NOTICES[done])}
          </p>
        ) : null}
        {refusal ? (
          <div class="error-summary" role="alert" tabIndex={-1}>
            <p>{t(refusal as MessageKey)}</p>
          </div>
        ) : null}

        <section aria-labelledby="statement-heading">
          <h2 id="statement-heading">{t('opinions.next.title')}</h2>
          {next ? (
            <div class="statement-card">
              <p class="statement-body" id="statement-text">
                <StatementText body={next.body} language={next.language} />
              </p>
              {!open ? (
                <p class="muted">
                  {t(data.window === 'closed' ? 'opinions.next.closed' : 'opinions.next.notYetOpen')}
                </p>
              ) : data.signedIn && csrfToken ? (
                <VoteForm
                  ctx={ctx}
                  action={`${here}/vote`}
                  csrfToken={csrfToken}
                  statementId={next.id}
                  labelledBy="statement-text"
                />
              ) : (
                <p>
                  <a class="button" href={signIn}>
                    {t('opinions.signInToVote')}
                  </a>
                </p>
              )}
              {data.signedIn && open ? (
                <p class="muted">{t('opinions.next.remaining', { count: data.remaining })}</p>
              ) : null}
            </div>
          ) : (
            <p>{t(data.statementCount === 0 ? 'opinions.next.noneYet' : 'opinions.next.allDone')}</p>
          )}
        </section>
      </div>

      {map.allowStatements && open ? (
        <section aria-labelledby="add-heading" id="add">
          <h2 id="add-heading">{t('opinions.add.title')}</h2>
          {data.signedIn && csrfToken ? (
            <form method="post" action={`${here}/statements#add`} novalidate>
              <ErrorSummary t={t} form={form} labels={{ body: t('opinions.add.label') }} />
              <CsrfField token={csrfToken} />
              <TextArea
                t={t}
                form={{
                  values: form.values,
                  errors: Object.fromEntries(Object.entries(form.errors).filter(([k]) => k !== '_form')),
                }}
                name="body"
                label={t('opinions.add.label')}
                hint={t(map.moderation === 'pre' ? 'opinions.add.hintPre' : 'opinions.add.hintPost', {
                  max: formatNumber(MAX_STATEMENT_LENGTH, locale),
                })}
                rows={3}
                dir="auto"
              />
              <button type="submit">{t('opinions.add.submit')}</button>
            </form>
          ) : (
            <p>
              <a href={signIn}>{t('opinions.signInToWrite')}</a>
            </p>
          )}
        </section>
      ) : null}

      {data.votes.length > 0 && csrfToken ? (
        <section aria-labelledby="votes-heading" id="your-votes">
          <h2 id="votes-heading">{t('opinions.yours.title')}</h2>
          <ol class="your-votes">
            {data.votes.map((v) => (
              <li key={v.statementId}>
                <p id={`mine-${v.statementId}`}>
                  <StatementText body={v.body} language={v.language} />
                </p>
                <p class="muted">
                  {t('opinions.yours.vote', { vote: t(VOTE_LABEL[voteName(v.vote)]) })}
                  {v.isOwn ? ` · ${t('opinions.yours.own')}` : ''}
                  {v.status === 'pending' && map.moderation === 'pre'
                    ? ` · ${t('opinions.yours.awaitsReview')}`
                    : ''}
                  {v.status === 'rejected' ? ` · ${t('opinions.yours.rejected')}` : ''}
                </p>
                {v.canChange && open ? (
                  <VoteForm
                    ctx={ctx}
                    action={`${here}/vote`}
                    csrfToken={csrfToken}
                    statementId={v.statementId}
                    current={v.vote}
                    labelledBy={`mine-${v.statementId}`}
                    returnTo="your-votes"
                  />
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </Layout>
  );
}
