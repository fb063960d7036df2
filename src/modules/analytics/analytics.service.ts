import type { Deps } from '../../deps';
import { AppError } from '../../platform/errors';
import { assertCan, type Viewer } from '../accounts';
import {
  computeReachFigures,
  findReachScope,
  listReachSeries,
  scopeKey,
  upsertReachSummary,
} from './analytics.repo';
import { buildReachReport, type ReachReport } from './analytics.report';
import type { ReachScope } from './analytics.types';

/**
 * A summary whose version matches can still miss a registration whose transaction had bumped the
 * version but not committed when the figures were computed: past this age it is refreshed anyway.
 */
export const REACH_MAX_AGE_MS = 60_000;

/**
 * A summary is not recomputed more often than this, however fast registrations come: during a
 * burst (registration opening) the page lags by at most this long, and the database computes the
 * figures at most once per scope in that time, per process.
 */
export const REACH_MIN_REFRESH_MS = 5_000;

/** Whether a summary of that age, changed since or not, should be recomputed now. */
function isDue(changed: boolean, ageMs: number): boolean {
  return (changed && ageMs >= REACH_MIN_REFRESH_MS) || ageMs > REACH_MAX_AGE_MS;
}

/** Refreshes under way in this process, one per scope. */
const refreshing = new Map<string, Promise<void>>();

async function refreshSummary(deps: Deps, scope: ReachScope): Promise<void> {
  const key = scopeKey(scope);
  const under = refreshing.get(key);
  if (under) return under;
  const run = (async () => {
    const computedAt = deps.clock.now();
    const { figures, version } = await computeReachFigures(deps.db, scope);
    await upsertReachSummary(deps.db, key, { figures, sourceVersion: version, computedAt });
  })().finally(() => refreshing.delete(key));
  refreshing.set(key, run);
  return run;
}

/** Waits for the summaries being refreshed in the background (tests, shutdown). */
export async function settleReachRefreshes(): Promise<void> {
  await Promise.allSettled([...refreshing.values()]);
}

/**
 * The public reach figures of a published series, or of one of its published sessions: people,
 * countries, M49 regions, stakeholder groups, categories, gender, registered and attended, and the
 * trend across sessions; counts of fewer than 5 people suppressed. Read from the stored summary;
 * when registrations changed since it was computed (and it is at least 5 s old), the summary is
 * refreshed in the background and the page shows the previous figures meanwhile (computed inline
 * only when there is none yet).
 *
 * @throws AppError NOT_FOUND when the series or the session is not published.
 */
export async function getReachReport(
  deps: Deps,
  args: { seriesSlug: string; sessionNumber?: number },
): Promise<ReachReport> {
  const found = await findReachScope(deps.db, args);
  if (!found) throw new AppError('NOT_FOUND', { series: args.seriesSlug, session: args.sessionNumber });
  const { scope, currentVersion } = found;
  let summary = found.summary;
  if (!summary) {
    await refreshSummary(deps, scope);
    summary = (await findReachScope(deps.db, args))?.summary;
    if (!summary) throw new AppError('NOT_FOUND', { series: args.seriesSlug, session: args.sessionNumber });
  } else if (
    isDue(summary.sourceVersion !== currentVersion, deps.clock.now().getTime() - summary.computedAt.getTime())
  ) {
    void refreshSummary(deps, scope).catch((err: unknown) =>
      deps.log.error({ err, scope: scopeKey(scope) }, 'reach summary refresh failed'),
    );
  }
  return buildReachReport(scope, summary.figures, summary.computedAt, false);
}

/**
 * The secretariat's reach figures: exact (small cells shown), computed now from the registrations,
 * over every session of the series, published or not.
 *
 * @throws AppError UNAUTHENTICATED / FORBIDDEN without analytics.read.
 * @throws AppError NOT_FOUND when the series or the session does not exist.
 */
export async function getSecretariatReach(
  deps: Deps,
  viewer: Viewer | null,
  args: { seriesSlug: string; sessionNumber?: number },
): Promise<ReachReport> {
  assertCan(viewer, 'analytics.read');
  const found = await findReachScope(deps.db, { ...args, unpublished: true });
  if (!found) throw new AppError('NOT_FOUND', { series: args.seriesSlug, session: args.sessionNumber });
  const computedAt = deps.clock.now();
  const { figures } = await computeReachFigures(deps.db, found.scope, { unpublished: true });
  return buildReachReport(found.scope, figures, computedAt, true);
}

/**
 * Every series with its session numbers, for the secretariat's reach index.
 *
 * @throws AppError UNAUTHENTICATED / FORBIDDEN without analytics.read.
 */
export async function listSecretariatReachSeries(deps: Deps, viewer: Viewer | null) {
  assertCan(viewer, 'analytics.read');
  return listReachSeries(deps.db);
}

/** A series' people and countries, for its home page: from the same summary as its reach page. */
export interface SeriesReachTotals {
  /** Null: fewer than 5. */
  people: number | null;
  countries: number;
}

/**
 * The headline reach of a published series (people registered, countries), small counts hidden.
 *
 * @throws AppError NOT_FOUND when the series is not published.
 */
export async function getSeriesReachTotals(deps: Deps, seriesSlug: string): Promise<SeriesReachTotals> {
  const report = await getReachReport(deps, { seriesSlug });
  return { people: report.people.registered, countries: report.countryCount };
}
