import type { Locale } from '../../../platform/i18n/locales';
import type { MessageKey } from '../../../platform/i18n/t';
import type { MapWindow, StatementStatus, VoteName } from '../opinions.types';

export const VOTE_LABEL: Record<VoteName, MessageKey> = {
  agree: 'opinions.vote.agree',
  disagree: 'opinions.vote.disagree',
  pass: 'opinions.vote.pass',
};

export const STATUS_LABEL: Record<StatementStatus, MessageKey> = {
  pending: 'opinions.status.pending',
  accepted: 'opinions.status.accepted',
  rejected: 'opinions.status.rejected',
};

export const WINDOW_LABEL: Record<MapWindow, MessageKey> = {
  not_yet_open: 'opinions.window.notYetOpen',
  open: 'opinions.window.open',
  closed: 'opinions.window.closed',
};

/** A moment in UTC, said in the viewer's language ("25 Nov 2026, 10:00 UTC"). */
export function formatUtc(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date);
}
