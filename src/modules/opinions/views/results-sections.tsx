import { Fragment, type ComponentChildren } from 'preact';
import { formatDateTimeRange, formatNumber } from '../../../platform/i18n/format';
import { dirOf, type Locale } from '../../../platform/i18n/locales';
import type { MessageKey } from '../../../platform/i18n/t';
import type { ViewContext } from '../../../platform/views/view-context';
import { rowLabel, shownText } from '../../analytics';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension, NOT_KNOWN } from '../service/breakdown';
import type {
  GroupStatement,
  MapResults,
  ResultsPageData,
  ScoredStatement,
  StatementView,
  VoteCounts,
} from '../service/results';
import { groupColor, groupNumber, OpinionMapSvg } from './opinion-map-svg';

const percentFormats = new Map<Locale, Intl.NumberFormat>();
/** 0.42 → "42%" in the page's language. */
export function formatPercent(share: number, locale: Locale): string {
  let f = percentFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    percentFormats.set(locale, f);
  }
  return f.format(share);
}

export function groupName(ctx: ViewContext, id: number): string {
  return ctx.t('opinions.results.group', { number: formatNumber(groupNumber(id), ctx.locale) });
}

/** When the result was computed, in UTC (the report is read anywhere). */
export function computedAtText(ctx: ViewContext, at: Date): string {
  return `${formatDateTimeRange(at, at, ctx.locale, 'UTC')} UTC`;
}

export function HowComputed({ ctx, note }: { ctx: ViewContext; note: MessageKey }) {
  return (
    <p class="how-counted">
      <strong>{ctx.t('opinions.results.howComputed')}</strong> {ctx.t(note)}
    </p>
  );
}

export function ResultsSection({
  id,
  heading,
  children,
}: {
  id: string;
  heading: string;
  children: ComponentChildren;
}) {
  return (
    <section class="results-section" id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}

const BAR_WIDTH = 160;

/**
 * Agree / disagree / pass as one stacked bar (SVG, no script, no inline style) with the shares in
 * words beside it: the words carry everything, the bar is for the eye.
 */
export function VoteBar({ ctx, label, votes }: { ctx: ViewContext; label?: string; votes: VoteCounts }) {
  const { t, locale } = ctx;
  const total = votes.agree + votes.disagree + votes.pass;
  const rtl = dirOf(locale) === 'rtl';
  const parts = [
    { key: 'agree', n: votes.agree, class: 'vote-agree' },
    { key: 'disagree', n: votes.disagree, class: 'vote-disagree' },
    { key: 'pass', n: votes.pass, class: 'vote-pass' },
  ];
  let offset = 0;
  const text =
    total === 0
      ? t('opinions.results.noVotes')
      : t('opinions.results.votes', {
          count: total,
          agree: formatPercent(votes.agree / total, locale),
          disagree: formatPercent(votes.disagree / total, locale),
          pass: formatPercent(votes.pass / total, locale),
        });
  return (
    <div class="vote-bar">
      {label ? <span class="vote-bar-label">{label}</span> : null}
      <svg width={BAR_WIDTH} height="12" aria-hidden="true" focusable="false">
        <rect class="vote-none" x="0" y="0" width={BAR_WIDTH} height="12" />
        {total === 0
          ? null
          : parts.map((p) => {
              const w = (p.n / total) * BAR_WIDTH;
              const x = rtl ? BAR_WIDTH - offset - w : offset;
              offset += w;
              return (
                <rect key={p.key} class={p.class} x={x.toFixed(1)} y="0" width={w.toFixed(1)} height="12" />
              );
            })}
      </svg>
      <span class="vote-bar-text">{text}</span>
    </div>
  );
}

/** A participant's statement, in the language it was written in. */
function StatementText({ statement }: { statement: StatementView }) {
  return (
    <p class="statement-text" lang={statement.language} dir={dirOf(statement.language)}>
      {statement.body}
    </p>
  );
}

function YouNote({ ctx, data }: { ctx: ViewContext; data: ResultsPageData }) {
  const { you } = data;
  if (you.state === 'none') return null;
  if (you.state === 'pending') return <p class="notice">{ctx.t('opinions.results.you.pending')}</p>;
  return (
    <p class="notice">
      {you.group >= 0
        ? ctx.t('opinions.results.you.inGroup', { group: groupName(ctx, you.group) })
        : ctx.t('opinions.results.you.notGrouped')}
    </p>
  );
}

/** The map, its description, and the same as a table (the map's text alternative). */
export function MapSection({
  ctx,
  data,
  results,
}: {
  ctx: ViewContext;
  data: ResultsPageData;
  results: MapResults;
}) {
  const { t, locale } = ctx;
  const { plot, groups, counts } = results;
  const described = groups.map((g) =>
    t('opinions.results.map.groupDesc', { group: groupName(ctx, g.id), count: g.size }),
  );
  const description = [
    t(plot.kind === 'participants' ? 'opinions.results.map.desc' : 'opinions.results.map.descClusters'),
    ...described,
    ...(plot.you ? [t('opinions.results.map.youDesc')] : []),
  ].join(' ');
  const grouped = Math.max(1, counts.grouped);
  const notGrouped = counts.participants - counts.grouped;
  return (
    <ResultsSection id="results-map" heading={t('opinions.results.section.map')}>
      <YouNote ctx={ctx} data={data} />
      <div class="opinion-map-layout">
        <figure class="opinion-map-figure">
          <OpinionMapSvg
            ctx={ctx}
            plot={plot}
            title={t('opinions.results.section.map')}
            description={description}
          />
        </figure>
        <div
          class="table-scroll"
          role="region"
          aria-label={t('opinions.results.map.tableCaption')}
          tabIndex={0}
        >
          <table class="results-table">
            <caption>{t('opinions.results.map.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('opinions.results.col.group')}</th>
                <th scope="col">{t('opinions.results.col.participants')}</th>
                <th scope="col">{t('opinions.results.col.share')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.id} data-group={g.id}>
                  <th scope="row">
                    <span class="group-swatch" aria-hidden="true">
                      <svg width="12" height="12" focusable="false">
                        <circle cx="6" cy="6" r="6" fill={groupColor(g.id)} />
                      </svg>
                    </span>{' '}
                    <a href={`#group-${g.id}`}>{groupName(ctx, g.id)}</a>
                    {data.you.state === 'placed' && data.you.group === g.id ? (
                      <>
                        {' '}
                        <span class="you-badge">{t('opinions.results.you.here')}</span>
                      </>
                    ) : null}
                  </th>
                  <td class="count">{formatNumber(g.size, locale)}</td>
                  <td class="count">{formatPercent(g.size / grouped, locale)}</td>
                </tr>
              ))}
              {notGrouped > 0 ? (
                <tr data-group="none">
                  <th scope="row">{t('opinions.results.map.notGrouped')}</th>
                  <td class="count">{formatNumber(notGrouped, locale)}</td>
                  <td class="count">–</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </div>
      {groups.length === 0 ? <p>{t('opinions.results.noGroups')}</p> : null}
      <HowComputed ctx={ctx} note="opinions.results.note.map" />
    </ResultsSection>
  );
}

function RepresentativeItem({ ctx, s }: { ctx: ViewContext; s: GroupStatement }) {
  const { t } = ctx;
  return (
    <li class="statement" data-statement={s.id}>
      <StatementText statement={s} />
      <p class={`repful repful-${s.repfulFor}`}>
        {t(s.repfulFor === 'agree' ? 'opinions.results.repful.agree' : 'opinions.results.repful.disagree')}
      </p>
      <VoteBar ctx={ctx} label={t('opinions.results.bar.thisGroup')} votes={s.group} />
      <VoteBar ctx={ctx} label={t('opinions.results.bar.others')} votes={s.others} />
    </li>
  );
}

export function GroupsSection({ ctx, results }: { ctx: ViewContext; results: MapResults }) {
  const { t } = ctx;
  return (
    <ResultsSection id="results-groups" heading={t('opinions.results.section.groups')}>
      {results.groups.length === 0 ? <p>{t('opinions.results.noGroups')}</p> : null}
      {results.groups.map((g) => (
        <article
          class="opinion-group"
          id={`group-${g.id}`}
          key={g.id}
          aria-labelledby={`group-${g.id}-heading`}
        >
          <h3 id={`group-${g.id}-heading`}>
            <span class="group-swatch" aria-hidden="true">
              <svg width="14" height="14" focusable="false">
                <circle cx="7" cy="7" r="7" fill={groupColor(g.id)} />
              </svg>
            </span>{' '}
            {groupName(ctx, g.id)}{' '}
            <span class="group-size">{t('opinions.results.count.participants', { count: g.size })}</span>
          </h3>
          <h4>{t('opinions.results.representative.heading')}</h4>
          {g.representative.length === 0 ? (
            <p>{t('opinions.results.representative.none')}</p>
          ) : (
            <ol class="statement-list">
              {g.representative.map((s) => (
                <RepresentativeItem ctx={ctx} s={s} key={s.id} />
              ))}
            </ol>
          )}
        </article>
      ))}
      <HowComputed ctx={ctx} note="opinions.results.note.representative" />
    </ResultsSection>
  );
}

/** A statement with its score and every group's votes on it. */
function ScoredList({
  ctx,
  groupIds,
  list,
  scoreKey,
  percentScore,
}: {
  ctx: ViewContext;
  /** The groups' ids, in the order of each statement's `byGroup`. */
  groupIds: readonly number[];
  list: ScoredStatement[];
  scoreKey: MessageKey;
  /** Score as a share (consensus) or as percentage points (divisive spread). */
  percentScore: boolean;
}) {
  const { t, locale } = ctx;
  return (
    <ol class="statement-list">
      {list.map((s) => (
        <li class="statement" key={s.id} data-statement={s.id}>
          <StatementText statement={s} />
          <p class="statement-score">
            {t(scoreKey, {
              score: percentScore
                ? formatPercent(s.score, locale)
                : formatNumber(Math.round(s.score * 100), locale),
            })}
          </p>
          {s.byGroup.map((votes, g) => (
            <VoteBar ctx={ctx} key={g} label={groupName(ctx, groupIds[g] ?? g)} votes={votes} />
          ))}
        </li>
      ))}
    </ol>
  );
}

export function ConsensusSection({ ctx, results }: { ctx: ViewContext; results: MapResults }) {
  const { t } = ctx;
  const ways = [
    {
      list: results.consensusAgree,
      heading: 'opinions.results.consensus.agree',
      score: 'opinions.results.consensus.agreeScore',
    },
    {
      list: results.consensusDisagree,
      heading: 'opinions.results.consensus.disagree',
      score: 'opinions.results.consensus.disagreeScore',
    },
  ] as const;
  return (
    <ResultsSection id="results-consensus" heading={t('opinions.results.section.consensus')}>
      {ways.every((w) => w.list.length === 0) ? <p>{t('opinions.results.consensus.none')}</p> : null}
      {ways
        .filter((w) => w.list.length > 0)
        .map((w) => (
          <Fragment key={w.heading}>
            <h3>{t(w.heading)}</h3>
            <ScoredList
              ctx={ctx}
              groupIds={results.groups.map((g) => g.id)}
              list={w.list}
              scoreKey={w.score}
              percentScore
            />
          </Fragment>
        ))}
      <HowComputed ctx={ctx} note="opinions.results.note.consensus" />
    </ResultsSection>
  );
}

export function DivisiveSection({ ctx, results }: { ctx: ViewContext; results: MapResults }) {
  const { t } = ctx;
  return (
    <ResultsSection id="results-divisive" heading={t('opinions.results.section.divisive')}>
      {results.divisive.length === 0 ? (
        <p>{t('opinions.results.divisive.none')}</p>
      ) : (
        <ScoredList
          ctx={ctx}
          groupIds={results.groups.map((g) => g.id)}
          list={results.divisive}
          scoreKey="opinions.results.divisive.score"
          percentScore={false}
        />
      )}
      <HowComputed ctx={ctx} note="opinions.results.note.divisive" />
    </ResultsSection>
  );
}

const DIMENSION_HEADING: Record<BreakdownDimension, MessageKey> = {
  stakeholderGroups: 'opinions.results.breakdown.stakeholderGroups',
  categories: 'opinions.results.breakdown.categories',
  regions: 'opinions.results.breakdown.regions',
};

/** Account profiles have three groups the registration form does not (its labels come from accounts). */
const PROFILE_ONLY_GROUPS: Record<string, MessageKey> = {
  member_state: 'accounts.stakeholder.member_state',
  igo: 'accounts.stakeholder.igo',
  ngo: 'accounts.stakeholder.ngo',
};

function breakdownLabel(ctx: ViewContext, dimension: BreakdownDimension, key: string): string {
  const { t, locale } = ctx;
  if (key === NOT_KNOWN) return t('opinions.results.breakdown.unknown');
  if (dimension === 'stakeholderGroups') {
    const profileOnly = PROFILE_ONLY_GROUPS[key];
    return profileOnly ? t(profileOnly) : rowLabel('stakeholder-groups', key, t, locale);
  }
  return rowLabel(dimension === 'categories' ? 'categories' : 'regions', key, t, locale);
}

export function BreakdownSection({ ctx, results }: { ctx: ViewContext; results: MapResults }) {
  const { t, locale } = ctx;
  const { breakdown } = results;
  return (
    <ResultsSection id="results-breakdown" heading={t('opinions.results.section.breakdown')}>
      {breakdown.groups.length === 0 ? <p>{t('opinions.results.noGroups')}</p> : null}
      {breakdown.groups.length === 0
        ? null
        : BREAKDOWN_DIMENSIONS.map((dimension) => {
            const heading = t(DIMENSION_HEADING[dimension]);
            return (
              <div
                class="table-scroll breakdown-table"
                role="region"
                aria-label={heading}
                tabIndex={0}
                key={dimension}
                id={`breakdown-${dimension}`}
              >
                <table class="results-table">
                  <caption>{heading}</caption>
                  <thead>
                    <tr>
                      <td />
                      {breakdown.groups.map((g) => (
                        <th scope="col" key={g}>
                          {groupName(ctx, g)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {breakdown.tables[dimension].map((row) => (
                      <tr key={row.key} data-key={row.key}>
                        <th scope="row">{breakdownLabel(ctx, dimension, row.key)}</th>
                        {row.counts.map((c, g) => (
                          <td class="count" key={g}>
                            {shownText(c, t, locale)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
      <HowComputed ctx={ctx} note="opinions.results.note.breakdown" />
    </ResultsSection>
  );
}

/** Every section of the results, in page order (the results page and the report share it). */
export function AllResults({
  ctx,
  data,
  results,
}: {
  ctx: ViewContext;
  data: ResultsPageData;
  results: MapResults;
}) {
  return (
    <>
      <MapSection ctx={ctx} data={data} results={results} />
      <GroupsSection ctx={ctx} results={results} />
      <ConsensusSection ctx={ctx} results={results} />
      <DivisiveSection ctx={ctx} results={results} />
      <BreakdownSection ctx={ctx} results={results} />
    </>
  );
}

/** Counts of the computation: participants, grouped, statements, votes. */
export function ResultFigures({ ctx, results }: { ctx: ViewContext; results: MapResults }) {
  const { t } = ctx;
  const { counts } = results;
  return (
    <ul class="figures results-figures">
      <li data-figure="participants">
        {t('opinions.results.count.participants', { count: counts.participants })}
      </li>
      <li data-figure="grouped">{t('opinions.results.count.grouped', { count: counts.grouped })}</li>
      <li data-figure="statements">
        {t('opinions.results.count.statements', { count: counts.activeStatements })}
      </li>
      <li data-figure="votes">{t('opinions.results.count.votes', { count: counts.votes })}</li>
    </ul>
  );
}
