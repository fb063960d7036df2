import { formatDate } from '../../../platform/i18n/format';
import { Layout } from '../../../platform/views/layout';
import { Localized, LocalizedParagraphs, textOf } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import type { ResultsPageData } from '../service/results';
import { NoResults, resultsHref } from './results-page';
import { AllResults, computedAtText, ResultFigures } from './results-sections';

/**
 * /{locale}/opinions/:slug/report: every result on one page for a secretariat to print or save as
 * PDF. The print style sheet (site.css, `.opinion-report`) drops the site's header and footer and
 * starts each section on a new page.
 */
export function ReportPage({ ctx, data }: { ctx: ViewContext; data: ResultsPageData }) {
  const { t, locale } = ctx;
  const { map, results } = data;
  const topic = textOf(ctx, map.topic);
  const period = map.closesAt
    ? t('opinions.report.openFromTo', {
        opens: formatDate(map.opensAt, locale, 'UTC'),
        closes: formatDate(map.closesAt, locale, 'UTC'),
      })
    : t('opinions.report.openFrom', { opens: formatDate(map.opensAt, locale, 'UTC') });
  return (
    <Layout ctx={ctx} title={t('opinions.report.title', { topic })}>
      <div class="opinion-report">
        <header class="report-header">
          <p class="kicker">{t('opinions.report.kicker')}</p>
          <Localized ctx={ctx} as="h1" text={map.topic} />
          <LocalizedParagraphs ctx={ctx} text={map.description} />
          <p>{period}</p>
          {results ? (
            <>
              <p class="results-computed">
                <strong>
                  {t('opinions.results.computedAt', { date: computedAtText(ctx, results.computedAt) })}
                </strong>
              </p>
              <ResultFigures ctx={ctx} results={results} />
            </>
          ) : null}
          <p class="screen-only">
            {t('opinions.report.printHint')}{' '}
            <a href={resultsHref(ctx, map.slug)}>{t('opinions.report.resultsLink')}</a>
          </p>
        </header>
        {results ? (
          <AllResults ctx={ctx} data={data} results={results} />
        ) : (
          <NoResults ctx={ctx} data={data} />
        )}
      </div>
    </Layout>
  );
}
