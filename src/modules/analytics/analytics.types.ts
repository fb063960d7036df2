import type { LocalizedText } from '../../platform/i18n/localized-text';

import type { PeopleCell, PeopleCount, RegistrationFigures, SessionPeopleRow } from '../registration';

/** People in one cell: registered (a confirmed registration) and, of them, those who attended. */
export type ReachCount = PeopleCount;
/** One row of a breakdown: a key (country code, group, category, description) and its people. */
export type ReachCell = PeopleCell;
/** One session of the series, for the trend across sessions. */
export type ReachSessionRow = SessionPeopleRow;
/**
 * The exact reach figures of a series or one session, as computed from the registrations (and kept
 * in analytics_reach_summaries). Public pages suppress small cells before showing them.
 */
export type ReachFigures = RegistrationFigures;

/** Where the figures are about: a published series, and one of its sessions or all of them. */
export interface ReachScope {
  series: { id: string; slug: string; title: LocalizedText };
  session: { id: string; number: number; title: LocalizedText } | undefined;
}

/** A stored summary of a scope's figures. */
export interface ReachSummary {
  figures: ReachFigures;
  /** analytics_reach_version when they were computed. */
  sourceVersion: number;
  computedAt: Date;
}
