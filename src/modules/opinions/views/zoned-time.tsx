import { formatDateTimeRange, formatTimeZoneName } from '../../../platform/i18n/format';
import type { ViewContext } from '../../../platform/views/view-context';

/** "25 Nov 2026, 11:00 (Central European Standard Time)": a moment on the clock of `timeZone`. */
export function zonedMoment(ctx: ViewContext, at: Date, timeZone: string): string {
  return `${formatDateTimeRange(at, at, ctx.locale, timeZone)} (${formatTimeZoneName(at, ctx.locale, timeZone)})`;
}

/**
 * The same moment in the viewer's own zone, as the session page shows its times: the client script
 * `local-time` fills the span (one instant is a range from it to itself); without JavaScript, UTC
 * is shown instead, unless the moment was already given in UTC.
 */
export function ViewerTime({ ctx, at, shownIn }: { ctx: ViewContext; at: Date; shownIn: string }) {
  const iso = at.toISOString();
  return (
    <span class="viewer-time" data-start={iso} data-end={iso} data-label={ctx.t('session.yourTime')}>
      {shownIn === 'UTC' ? null : (
        <noscript>{ctx.t('session.utc', { time: formatDateTimeRange(at, at, ctx.locale, 'UTC') })}</noscript>
      )}
    </span>
  );
}
