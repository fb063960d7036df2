import { M49_OF_COUNTRY } from './geo/m49';
import type { ReachCell, ReachCount, ReachFigures, ReachScope, ReachSessionRow } from './analytics.types';
import type { LocalizedText } from '../../platform/i18n/localized-text';

/** Cells of fewer people than this are not shown in public (docs/adr/0021-reach-analytics.md). */
export const SMALL_CELL = 5;

/** A count as shown: a number, or null for "fewer than 5" (suppressed). */
export type Shown = number | null;

export interface ReportRow {
  key: string;
  registered: Shown;
  attended: Shown;
}

export interface ReportSessionRow extends ReportRow {
  number: number;
  title: LocalizedText;
  countries: number;
  /** Secretariat only (undefined in public). */
  pendingApproval?: number;
  waitlisted?: number;
  cancelled?: number;
}

/** Key of the region and sub-region rows for countries M49 does not classify. */
export const NOT_CLASSIFIED = 'none';
/** Key of the public gender row that gathers descriptions given by fewer than 5 people each. */
export const OTHER_DESCRIPTIONS = '*other';

/** What a reach page shows: public (small cells suppressed) or the secretariat's (exact). */
export interface ReachReport {
  scope: ReachScope;
  exact: boolean;
  computedAt: Date;
  people: { registered: Shown; attended: Shown };
  /** Countries and M49 regions with at least one person registered (a count of places, not people). */
  countryCount: number;
  regionCount: number;
  countries: ReportRow[];
  regions: ReportRow[];
  subregions: ReportRow[];
  stakeholderGroups: ReportRow[];
  categories: ReportRow[];
  genders: ReportRow[];
  /** Series only: one row per published session. */
  sessions: ReportSessionRow[];
}

export const REACH_TABLES = [
  'countries',
  'regions',
  'subregions',
  'stakeholder-groups',
  'categories',
  'genders',
  'sessions',
] as const;
export type ReachTable = (typeof REACH_TABLES)[number];

/** Sums people per M49 region or sub-region (each person has one country, so sums are exact). */
export function sumByRegion(countries: readonly ReachCell[], level: 0 | 1): ReachCell[] {
  const sums = new Map<string, ReachCount>();
  for (const c of countries) {
    const key = M49_OF_COUNTRY[c.key]?.[level] ?? NOT_CLASSIFIED;
    const sum = sums.get(key) ?? { registered: 0, attended: 0 };
    sum.registered += c.registered;
    sum.attended += c.attended;
    sums.set(key, sum);
  }
  return [...sums]
    .map(([key, s]) => ({ key, ...s }))
    .sort((a, b) => b.registered - a.registered || a.key.localeCompare(b.key));
}

const isSmall = (n: number) => n > 0 && n < SMALL_CELL;

/**
 * Suppresses one column of a breakdown: counts of 1–4 people become null; when exactly one is
 * hidden, the next smallest is hidden too, so the total minus the others does not give it away.
 */
export function suppressColumn(values: number[]): Shown[] {
  const shown: Shown[] = values.map((v) => (isSmall(v) ? null : v));
  if (shown.filter((v) => v === null).length === 1) {
    let smallest = -1;
    shown.forEach((v, i) => {
      if (v !== null && v > 0 && (smallest < 0 || v < (shown[smallest] as number))) smallest = i;
    });
    if (smallest >= 0) shown[smallest] = null;
  }
  return shown;
}

/** A breakdown as the public sees it; attended is hidden wherever registered is. */
export function suppressRows<T extends ReachCount>(
  rows: readonly T[],
): (Omit<T, keyof ReachCount> & ReportRow)[] {
  const registered = suppressColumn(rows.map((r) => r.registered));
  const attended = suppressColumn(rows.map((r, i) => (registered[i] === null ? 0 : r.attended)));
  return rows.map((r, i) => ({
    ...r,
    key: (r as unknown as { key?: string }).key ?? '',
    registered: registered[i] ?? null,
    attended: registered[i] === null ? null : (attended[i] ?? null),
  }));
}

const exactRows = (rows: readonly ReachCell[]): ReportRow[] => rows.map((r) => ({ ...r }));

/** Public gender rows: descriptions given by fewer than 5 people are gathered in one row. */
function publicGenders(rows: readonly ReachCell[]): ReachCell[] {
  const kept = rows.filter((r) => r.key === '' || r.registered >= SMALL_CELL);
  const folded = rows.filter((r) => r.key !== '' && r.registered < SMALL_CELL);
  if (folded.length === 0) return kept;
  const other = folded.reduce(
    (sum, r) => ({
      key: OTHER_DESCRIPTIONS,
      registered: sum.registered + r.registered,
      attended: sum.attended + r.attended,
    }),
    { key: OTHER_DESCRIPTIONS, registered: 0, attended: 0 },
  );
  return [...kept, other];
}

function sessionRows(rows: readonly ReachSessionRow[], exact: boolean): ReportSessionRow[] {
  if (exact) return rows.map((r) => ({ ...r, key: String(r.number) }));
  return suppressRows(rows.map((r) => ({ key: String(r.number), ...r }))).map(
    ({ pendingApproval: _p, waitlisted: _w, cancelled: _c, ...r }) => r,
  );
}

/** Turns exact figures into what a page shows: exact for the secretariat, suppressed in public. */
export function buildReachReport(
  scope: ReachScope,
  figures: ReachFigures,
  computedAt: Date,
  exact: boolean,
): ReachReport {
  const regions = sumByRegion(figures.countries, 0);
  const subregions = sumByRegion(figures.countries, 1);
  const shown = (rows: readonly ReachCell[]) => (exact ? exactRows(rows) : suppressRows(rows));
  const one = (n: number): Shown => (exact || !isSmall(n) ? n : null);
  const peopleRegistered = one(figures.people.registered);
  return {
    scope,
    exact,
    computedAt,
    people: {
      registered: peopleRegistered,
      attended: peopleRegistered === null ? null : one(figures.people.attended),
    },
    countryCount: figures.countries.length,
    regionCount: regions.filter((r) => r.key !== NOT_CLASSIFIED).length,
    countries: shown(figures.countries),
    regions: shown(regions),
    subregions: shown(subregions),
    stakeholderGroups: shown(figures.stakeholderGroups),
    categories: shown(figures.categories),
    genders: shown(exact ? figures.genders : publicGenders(figures.genders)),
    sessions: scope.session ? [] : sessionRows(figures.sessions, exact),
  };
}
