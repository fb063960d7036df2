import { countryName } from '../../platform/i18n/format';
import type { Locale } from '../../platform/i18n/locales';
import { pickText } from '../../platform/i18n/localized-text';
import type { Translate } from '../../platform/i18n/t';
import { M49_OF_COUNTRY } from './geo/m49';
import { NOT_CLASSIFIED, type ReachReport, type ReachTable, type Shown } from './analytics.report';
import { rowLabel } from './analytics.labels';

/** What a suppressed count reads as in the CSV files (the pages say "fewer than 5"). */
export const SUPPRESSED_CSV = '<5';

/**
 * One field: quoted when needed (RFC 4180), and a leading = + - @ (or tab, CR) neutralised with an
 * apostrophe so a spreadsheet never runs a self-described gender as a formula (OWASP CSV injection).
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const count = (v: Shown) => (v === null ? SUPPRESSED_CSV : v);

/**
 * One table of a report as CSV: a header of stable English column names (for reuse), codes next
 * to names in the page's language, UTF-8 with a byte order mark (for spreadsheets). Counts are as
 * on the page: suppressed in public, exact for the secretariat.
 */
export function reachCsv(report: ReachReport, table: ReachTable, t: Translate, locale: Locale): string {
  let header: string[];
  let rows: (string | number)[][];
  switch (table) {
    case 'countries':
      header = [
        'country_code',
        'country',
        'm49_region',
        'm49_subregion',
        'people_registered',
        'people_attended',
      ];
      rows = report.countries.map((r) => [
        r.key,
        countryName(r.key, locale),
        M49_OF_COUNTRY[r.key]?.[0] ?? NOT_CLASSIFIED,
        M49_OF_COUNTRY[r.key]?.[1] ?? NOT_CLASSIFIED,
        count(r.registered),
        count(r.attended),
      ]);
      break;
    case 'sessions':
      header = ['session_number', 'title', 'people_registered', 'people_attended', 'countries'];
      if (report.exact) header.push('pending_approval', 'waitlisted', 'cancelled');
      rows = report.sessions.map((r) => [
        r.number,
        pickText(r.title, locale)?.text ?? '',
        count(r.registered),
        count(r.attended),
        r.countries,
        ...(report.exact ? [r.pendingApproval ?? 0, r.waitlisted ?? 0, r.cancelled ?? 0] : []),
      ]);
      break;
    default: {
      const source = {
        regions: report.regions,
        subregions: report.subregions,
        'stakeholder-groups': report.stakeholderGroups,
        categories: report.categories,
        genders: report.genders,
      }[table];
      const keyName = {
        regions: 'm49_region',
        subregions: 'm49_subregion',
        'stakeholder-groups': 'stakeholder_group',
        categories: 'participant_category',
        genders: 'gender',
      }[table];
      header = [keyName, 'label', 'people_registered', 'people_attended'];
      rows = source.map((r) => [
        r.key,
        rowLabel(table, r.key, t, locale),
        count(r.registered),
        count(r.attended),
      ]);
    }
  }
  return `\ufeff${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
