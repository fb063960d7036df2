import { Layout } from '../../../platform/views/layout';
import { Localized, LocalizedParagraphs, textOf } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import type { ResultsPageData } from '../service/results';
import { AllResults, computedAtText, ResultFigures } from './results-sections';

export const resultsHref = (ctx: Pick<ViewContext, 'locale'>, slug: string) =>
  `/${ctx.locale}/opinions/${slug}/results`;
export const reportHref = (ctx: Pick<ViewContext, 'locale'>, slug: string) =>
  `/${ctx.locale}/opinions/${slug}/report`;
const participateHref = (ctx: Pick<ViewContext, 'locale'>, slug: string) => `/${ctx.locale}/opinions/${slug}`;
export const openDataHref = (ctx: Pick<ViewContext, 'locale'>, slug: string, file: string) =>
  `/${ctx.locale}/opinions/${slug}/open-data/${file}`;
/** The open data's licence (CC BY 4.0): linked on the results page, and in each file's Link header. */
export const OPEN_DATA_LICENCE = 'https://creativecommons.org/licenses/by/4.0/';

/**
 * The map's open data (ADR 0030), when the secretariat published it: pol.is's three files, what
 * they hold and do not, and the licence.
 */
function OpenData({ ctx, slug }: { ctx: ViewContext; slug: string }) {
  const { t } = ctx;
  const files = [
    ['comments.csv', 'opinions.openData.file.comments'],
    ['votes.csv', 'opinions.openData.file.votes'],
    ['participants-votes.csv', 'opinions.openData.file.participantsVotes'],
  ] as const;
  return (
    <section class="results-section" id="open-data" aria-labelledby="open-data-heading">
      <h2 id="open-data-heading">{t('opinions.openData.heading')}</h2>
      <p>{t('opinions.openData.body')}</p>
      <ul>
        {files.map(([file, label]) => (
          <li key={file}>
            <a href={openDataHref(ctx, slug, file)} download>
              {file}
            </a>
            {': '}
            {t(label)}
          </li>
        ))}
      </ul>
      <p>
        <a href={OPEN_DATA_LICENCE} rel="license external">
          {t('opinions.openData.licence')}
        </a>
      </p>
    </section>
  );
}

/** "Not enough votes yet": the map has no computed result. */
export function NoResults({ ctx, data }: { ctx: ViewContext; data: ResultsPageData }) {
  return (
    <section class="notice results-empty" aria-labelledby="results-empty-heading">
      <h2 id="results-empty-heading">{ctx.t('opinions.results.notYet.heading')}</h2>
      <p>{ctx.t('opinions.results.notYet.body')}</p>
      {data.you.state === 'pending' ? <p>{ctx.t('opinions.results.you.pending')}</p> : null}
    </section>
  );
}

/** /{locale}/opinions/:slug/results: the map, the groups, common ground, divisive statements, who is in each group. */
export function ResultsPage({ ctx, data }: { ctx: ViewContext; data: ResultsPageData }) {
  const { t } = ctx;
  const { map, results } = data;
  const topic = textOf(ctx, map.topic);
  const sections = [
    ['results-map', 'opinions.results.section.map'],
    ['results-groups', 'opinions.results.section.groups'],
    ['results-consensus', 'opinions.results.section.consensus'],
    ['results-divisive', 'opinions.results.section.divisive'],
    ['results-breakdown', 'opinions.results.section.breakdown'],
  ] as const;
  return (
    <Layout ctx={ctx} title={t('opinions.results.title', { topic })}>
      <p class="kicker">{t('opinions.results.kicker')}</p>
      <Localized ctx={ctx} as="h1" text={map.topic} />
      <LocalizedParagraphs ctx={ctx} text={map.description} />
      <ul class="actions-list">
        <li>
          <a href={participateHref(ctx, map.slug)}>{t('opinions.results.participate')}</a>
        </li>
        {results ? (
          <li>
            <a href={reportHref(ctx, map.slug)}>{t('opinions.results.reportLink')}</a>
          </li>
        ) : null}
        {map.publishOpenData ? (
          <li>
            <a href="#open-data">{t('opinions.openData.heading')}</a>
          </li>
        ) : null}
      </ul>
      {results ? (
        <>
          <p class="results-computed">
            {t('opinions.results.computedAt', { date: computedAtText(ctx, results.computedAt) })}
          </p>
          <ResultFigures ctx={ctx} results={results} />
          <nav aria-label={t('opinions.results.section.contents')} class="results-contents">
            <ul>
              {sections.map(([id, key]) => (
                <li key={id}>
                  <a href={`#${id}`}>{t(key)}</a>
                </li>
              ))}
            </ul>
          </nav>
          <AllResults ctx={ctx} data={data} results={results} />
        </>
      ) : (
        <NoResults ctx={ctx} data={data} />
      )}
      {map.publishOpenData ? <OpenData ctx={ctx} slug={map.slug} /> : null}
    </Layout>
  );
}
