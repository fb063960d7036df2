/**
 * Who each opinion group draws from: its people counted by stakeholder group, participant category
 * and UN M49 region, from what they said when registering for the map's session (else their
 * account profile). Public counts follow the reach pages' small-cell rule exactly (analytics'
 * `suppressColumn`, per opinion group): 1–4 people read "fewer than 5", and when one cell of a
 * group is hidden, the next smallest is hidden too.
 */
import { M49_OF_COUNTRY, NOT_CLASSIFIED, type Shown, suppressColumn } from '../../analytics';
import type { BreakdownCell } from './results.repo';

export const BREAKDOWN_DIMENSIONS = ['stakeholderGroups', 'categories', 'regions'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** The key of people about whom neither registration nor profile says anything. */
export const NOT_KNOWN = 'unknown';

export interface BreakdownRow {
  key: string;
  /** One count per opinion group, in the order of `Breakdown.groups`. */
  counts: Shown[];
}

export interface Breakdown {
  /** Opinion group ids, the columns of every table. */
  groups: number[];
  tables: Record<BreakdownDimension, BreakdownRow[]>;
}

function keyOf(cell: BreakdownCell, dimension: BreakdownDimension): string {
  switch (dimension) {
    case 'stakeholderGroups':
      return cell.stakeholderGroup ?? NOT_KNOWN;
    case 'categories':
      return cell.category ?? NOT_KNOWN;
    case 'regions':
      return cell.country === null ? NOT_KNOWN : (M49_OF_COUNTRY[cell.country]?.[0] ?? NOT_CLASSIFIED);
  }
}

/**
 * Builds the three tables from counted cells. `exact` keeps every count (tests, the secretariat);
 * public pages pass false. Rows with nobody in any group are left out; rows go largest first.
 */
export function buildBreakdown(
  cells: readonly BreakdownCell[],
  groups: readonly number[],
  exact: boolean,
): Breakdown {
  const column = new Map(groups.map((g, i) => [g, i]));
  const tables = {} as Record<BreakdownDimension, BreakdownRow[]>;
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const sums = new Map<string, number[]>();
    for (const cell of cells) {
      const at = column.get(cell.group);
      if (at === undefined) continue;
      const key = keyOf(cell, dimension);
      const row = sums.get(key) ?? groups.map(() => 0);
      row[at]! += cell.people;
      sums.set(key, row);
    }
    // Largest first, as on the reach pages; "not known" last.
    const total = (key: string) => (key === NOT_KNOWN ? -1 : sums.get(key)!.reduce((a, b) => a + b, 0));
    const keys = [...sums.keys()].sort((a, b) => total(b) - total(a) || a.localeCompare(b));
    const exactRows = keys.map((key) => sums.get(key)!);
    const shownColumns = groups.map((_, g) =>
      exact ? exactRows.map((r) => r[g]!) : suppressColumn(exactRows.map((r) => r[g]!)),
    );
    tables[dimension] = keys.map((key, r) => ({ key, counts: groups.map((_, g) => shownColumns[g]![r]!) }));
  }
  return { groups: [...groups], tables };
}
