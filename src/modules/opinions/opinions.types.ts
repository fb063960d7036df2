import type { LocalizedText } from '../../platform/i18n/localized-text';
import type { opinionMaps, opinionStatements } from './opinions.tables';

/** A row of opinions_maps. */
export type OpinionMapRecord = typeof opinionMaps.$inferSelect;
/** A row of opinions_statements. */
export type Statement = typeof opinionStatements.$inferSelect;
export type StatementStatus = Statement['status'];
export type Moderation = OpinionMapRecord['moderation'];

/** A vote as people say it, and as the math stores it (pol.is's signs). */
export const VOTES = ['agree', 'disagree', 'pass'] as const;
export type VoteName = (typeof VOTES)[number];
export const VOTE_VALUE: Record<VoteName, -1 | 0 | 1> = { agree: 1, disagree: -1, pass: 0 };
export function voteName(value: number): VoteName {
  return value > 0 ? 'agree' : value < 0 ? 'disagree' : 'pass';
}

/** Whether a map takes votes now. */
export type MapWindow = 'not_yet_open' | 'open' | 'closed';

export function windowOf(map: Pick<OpinionMapRecord, 'opensAt' | 'closesAt'>, now: Date): MapWindow {
  if (now < map.opensAt) return 'not_yet_open';
  if (map.closesAt && now >= map.closesAt) return 'closed';
  return 'open';
}

/**
 * Whether participants see (and may vote on) a statement: accepted ones always; under
 * post-moderation also those not reviewed yet (pol.is's `moderated = 0`); rejected ones never.
 */
export function isVisible(map: Pick<OpinionMapRecord, 'moderation'>, status: StatementStatus): boolean {
  return status === 'accepted' || (status === 'pending' && map.moderation === 'post');
}

/** The session a map belongs to, as the pages name and link it. */
export interface MapSession {
  id: string;
  seriesSlug: string;
  number: number;
  title: LocalizedText;
  isPublished: boolean;
  /** IANA zone the session is held in: the map's opening and closing are entered on its clock. */
  timeZone: string;
}

/**
 * A published map as a session's page lists it (conversations' session page, through the module's
 * index): its URL key, topic, when it takes votes, and whether it does now.
 */
export interface SessionOpinionMap {
  slug: string;
  topic: LocalizedText;
  opensAt: Date;
  closesAt: Date | null;
  window: MapWindow;
}

/** A statement with its vote counts (over everyone). */
export interface StatementWithCounts extends Statement {
  agree: number;
  disagree: number;
  pass: number;
}

/** The longest statement a participant may write (the table's check says the same). */
export const MAX_STATEMENT_LENGTH = 1000;

/** A map with its counts, for lists. */
export interface MapSummary extends OpinionMapRecord {
  /** The zone of the map's session, UTC without one: the list shows opening and closing in it. */
  timeZone: string;
  statements: number;
  pending: number;
  participants: number;
}
