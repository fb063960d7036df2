import type { LocalizedText } from '../../platform/i18n/localized-text';

/** People in one cell: registered (a confirmed registration) and, of them, those who attended. */
export interface ReachCount {
  registered: number;
  attended: number;
}

/** One row of a breakdown: a key (country code, group, category, description) and its people. */
export interface ReachCell extends ReachCount {
  key: string;
}

/** One published session of the series, for the trend across sessions. */
export interface ReachSessionRow extends ReachCount {
  number: number;
  title: LocalizedText;
  /** Countries of the people registered for this session. */
  countries: number;
  /** Registrations that hold no place (the secretariat's view shows them). */
  pendingApproval: number;
  waitlisted: number;
  cancelled: number;
}

/**
 * The exact reach figures of a series or one session, as computed from the registrations (and kept
 * in analytics_reach_summaries). Public pages suppress small cells before showing them.
 */
export interface ReachFigures {
  /** People, each counted once however many sessions of the scope they registered for. */
  people: ReachCount;
  countries: ReachCell[];
  stakeholderGroups: ReachCell[];
  categories: ReachCell[];
  /** Self-described, lower-cased and trimmed; key '' = not given. */
  genders: ReachCell[];
  sessions: ReachSessionRow[];
}

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
