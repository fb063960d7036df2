import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../../platform/i18n/format';
import { dirOf } from '../../../platform/i18n/locales';
import type { MessageKey } from '../../../platform/i18n/t';
import { Localized } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import type { ReachReport, ReachTable, ReportRow, ReportSessionRow, Shown } from '../analytics.report';
import { KEY_COLUMNS, rowLabel, shownText, TABLE_HEADINGS } from '../analytics.labels';
import { WorldMap } from './world-map';

const BAR_WIDTH = 120;

/** A bar beside a count, drawn from the line's start (the right in Arabic); the number says it all. */
function Bar({ value, max, rtl }: { value: Shown; max: number; rtl: boolean }) {
  if (value === null || max <= 0) return null;
  const w = Math.max(value > 0 ? 1 : 0, Math.round((value / max) * BAR_WIDTH));
  return (
    <svg class="bar" width={BAR_WIDTH} height="12" aria-hidden="true" focusable="false">
      <rect x={rtl ? BAR_WIDTH - w : 0} y="1" width={w} height="10" fill="#2171b5" />
    </svg>
  );
}

function Note({ ctx, keys }: { ctx: ViewContext; keys: MessageKey[] }) {
  return (
    <p class="how-counted">
      <strong>{ctx.t('analytics.howCounted')}</strong> {keys.map((k) => ctx.t(k)).join(' ')}
    </p>
  );
}

function CsvLink({ ctx, base, table }: { ctx: ViewContext; base: string; table: ReachTable }) {
  return (
    <p class="csv-link">
      <a href={`${base}/${table}.csv`} download>
        {ctx.t('analytics.csv', { table: ctx.t(TABLE_HEADINGS[table]) })}
      </a>
    </p>
  );
}

/** One breakdown as a table whose "registered" column doubles as a bar chart. */
function ReachTableView({
  ctx,
  table,
  rows,
}: {
  ctx: ViewContext;
  table: ReachTable;
  rows: readonly ReportRow[];
}) {
  const { t, locale } = ctx;
  const rtl = dirOf(locale) === 'rtl';
  const max = Math.max(0, ...rows.map((r) => r.registered ?? 0));
  const heading = t(TABLE_HEADINGS[table]);
  return (
    <div class="table-scroll reach-table" role="region" aria-label={heading} tabIndex={0}>
      <table id={`reach-table-${table}`}>
        <caption class="visually-hidden">{heading}</caption>
        <thead>
          <tr>
            <th scope="col">{t(KEY_COLUMNS[table])}</th>
            <th scope="col">{t('analytics.col.registered')}</th>
            <th scope="col">{t('analytics.col.attended')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row">{rowLabel(table, r.key, t, locale)}</th>
              <td class="count">
                <span class="count-value">{shownText(r.registered, t, locale)}</span>{' '}
                <Bar value={r.registered} max={max} rtl={rtl} />
              </td>
              <td class="count">{shownText(r.attended, t, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Section({ id, heading, children }: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section class="reach-section" aria-labelledby={`${id}-heading`} id={id}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}

/**
 * Every figure of a reach report, each with its "how this is counted" note and its CSV download:
 * shared by the public pages and the secretariat's. `csvBase` is the URL the `<table>.csv` files
 * are under; `sessionHref` links a session number to its own reach page.
 */
export function ReachFigures({
  ctx,
  report,
  csvBase,
  sessionHref,
}: {
  ctx: ViewContext;
  report: ReachReport;
  csvBase: string;
  sessionHref: (n: number) => string;
}) {
  const { t, locale } = ctx;
  const figures = [
    {
      id: 'registered',
      value: shownText(report.people.registered, t, locale),
      label: t('analytics.figure.registered'),
    },
    {
      id: 'attended',
      value: shownText(report.people.attended, t, locale),
      label: t('analytics.figure.attended'),
    },
    {
      id: 'countries',
      value: formatNumber(report.countryCount, locale),
      label: t('analytics.figure.countries'),
    },
    { id: 'regions', value: formatNumber(report.regionCount, locale), label: t('analytics.figure.regions') },
  ];
  const section = (table: ReachTable, id: string, note: MessageKey, rows: readonly ReportRow[]) => (
    <Section id={id} heading={t(TABLE_HEADINGS[table])}>
      <ReachTableView ctx={ctx} table={table} rows={rows} />
      <Note ctx={ctx} keys={[note]} />
      <CsvLink ctx={ctx} base={csvBase} table={table} />
    </Section>
  );
  const sessionRows = report.sessions;
  return (
    <>
      <section class="reach-section" aria-labelledby="reach-people-heading" id="reach-people">
        <h2 id="reach-people-heading" class="visually-hidden">
          {t('analytics.page.heading')}
        </h2>
        <ul class="figures">
          {figures.map((f) => (
            <li key={f.id} data-figure={f.id}>
              <span class="figure-value">{f.value}</span> <span class="figure-label">{f.label}</span>
            </li>
          ))}
        </ul>
        <Note ctx={ctx} keys={['analytics.note.people', 'analytics.note.freshness']} />
        <p class="how-counted">{t(report.exact ? 'analytics.admin.exact' : 'analytics.note.suppression')}</p>
      </section>

      <Section id="reach-countries" heading={t('analytics.section.countries')}>
        <div class="reach-map-layout">
          <WorldMap ctx={ctx} rows={report.countries} exact={report.exact} />
          <ReachTableView ctx={ctx} table="countries" rows={report.countries} />
        </div>
        <Note ctx={ctx} keys={['analytics.note.countries', 'analytics.note.map']} />
        <CsvLink ctx={ctx} base={csvBase} table="countries" />
      </Section>

      {section('regions', 'reach-regions', 'analytics.note.regions', report.regions)}
      {section('subregions', 'reach-subregions', 'analytics.note.regions', report.subregions)}
      {section(
        'stakeholder-groups',
        'reach-groups',
        'analytics.note.stakeholderGroups',
        report.stakeholderGroups,
      )}
      {section('categories', 'reach-categories', 'analytics.note.categories', report.categories)}
      {section('genders', 'reach-genders', 'analytics.note.genders', report.genders)}

      {report.scope.session ? null : (
        <Section id="reach-sessions" heading={t('analytics.section.sessions')}>
          <SessionTable ctx={ctx} rows={sessionRows} exact={report.exact} sessionHref={sessionHref} />
          <Note ctx={ctx} keys={['analytics.note.sessions']} />
          <CsvLink ctx={ctx} base={csvBase} table="sessions" />
        </Section>
      )}
    </>
  );
}

function SessionTable({
  ctx,
  rows,
  exact,
  sessionHref,
}: {
  ctx: ViewContext;
  rows: readonly ReportSessionRow[];
  exact: boolean;
  sessionHref: (n: number) => string;
}) {
  const { t, locale } = ctx;
  const rtl = dirOf(locale) === 'rtl';
  const max = Math.max(0, ...rows.map((r) => r.registered ?? 0));
  const heading = t('analytics.section.sessions');
  return (
    <div class="table-scroll reach-table" role="region" aria-label={heading} tabIndex={0}>
      <table id="reach-table-sessions">
        <caption class="visually-hidden">{heading}</caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.session')}</th>
            <th scope="col">{t('analytics.col.registered')}</th>
            <th scope="col">{t('analytics.col.attended')}</th>
            <th scope="col">{t('analytics.col.countries')}</th>
            {exact ? (
              <>
                <th scope="col">{t('analytics.col.pending')}</th>
                <th scope="col">{t('analytics.col.waitlisted')}</th>
                <th scope="col">{t('analytics.col.cancelled')}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.number} data-key={r.number}>
              <th scope="row">
                <a href={sessionHref(r.number)}>{t('session.number', { number: r.number })}</a>
                <br />
                <Localized ctx={ctx} text={r.title} />
              </th>
              <td class="count">
                <span class="count-value">{shownText(r.registered, t, locale)}</span>{' '}
                <Bar value={r.registered} max={max} rtl={rtl} />
              </td>
              <td class="count">{shownText(r.attended, t, locale)}</td>
              <td class="count">{formatNumber(r.countries, locale)}</td>
              {exact ? (
                <>
                  <td class="count">{formatNumber(r.pendingApproval ?? 0, locale)}</td>
                  <td class="count">{formatNumber(r.waitlisted ?? 0, locale)}</td>
                  <td class="count">{formatNumber(r.cancelled ?? 0, locale)}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
