import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import { assertCan, type Actor } from '../../accounts';
import { recordAudit } from '../../audit';
import { localizedOf, type SeriesFormInput, type ThemeFormInput } from '../conversations.admin.schema';
import {
  findSeriesById,
  findThemeById,
  insertSeries,
  insertTheme,
  listAllSeries,
  listThemesOfSeries,
  updateSeries,
  updateTheme,
  type SeriesRow,
  type ThemeRow,
} from '../repo/manage';

/** Every series, published or not, for the back office. @throws AppError UNAUTHENTICATED, FORBIDDEN */
export async function listSeriesForAdmin(
  deps: Deps,
  { actor }: { actor: Actor | null },
): Promise<SeriesRow[]> {
  assertCan(actor, 'content.manage');
  return listAllSeries(deps.db);
}

export interface SeriesForAdmin {
  series: SeriesRow;
  themes: ThemeRow[];
}

/** A series with its themes, to edit. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND */
export async function getSeriesForAdmin(
  deps: Deps,
  { actor, seriesId }: { actor: Actor | null; seriesId: string },
): Promise<SeriesForAdmin> {
  assertCan(actor, 'content.manage');
  const found = await findSeriesById(deps.db, seriesId);
  if (!found) throw new AppError('NOT_FOUND', { series: seriesId });
  return { series: found, themes: await listThemesOfSeries(deps.db, seriesId) };
}

function seriesValues(input: SeriesFormInput) {
  return {
    slug: input.slug,
    title: localizedOf(input, 'title'),
    shortTitle: localizedOf(input, 'shortTitle'),
    summary: localizedOf(input, 'summary'),
    about: localizedOf(input, 'about'),
    organiser: localizedOf(input, 'organiser'),
  };
}

/**
 * Creates a series as a draft (not public until published). Audited.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CONFLICT (slug taken)
 */
export async function createSeries(
  deps: Deps,
  { actor, input }: { actor: Actor | null; input: SeriesFormInput },
): Promise<SeriesRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const created = await insertSeries(tx, { ...seriesValues(input), isPublished: false });
    await recordAudit(deps, tx, actor, {
      action: 'conversations.series.create',
      subjectType: 'series',
      subjectId: created.id,
      after: created,
    });
    return created;
  });
}

/** Changes a series' slug and texts. Audited. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT */
export async function editSeries(
  deps: Deps,
  { actor, seriesId, input }: { actor: Actor | null; seriesId: string; input: SeriesFormInput },
): Promise<SeriesRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const before = await findSeriesById(tx, seriesId);
    if (!before) throw new AppError('NOT_FOUND', { series: seriesId });
    const after = await updateSeries(tx, seriesId, seriesValues(input));
    await recordAudit(deps, tx, actor, {
      action: 'conversations.series.update',
      subjectType: 'series',
      subjectId: seriesId,
      before,
      after,
    });
    return after;
  });
}

/**
 * Makes a series public, or takes it back. Its published sessions appear or disappear with it; the
 * public page cache is cleared by the database's change notification. Audited.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function setSeriesPublished(
  deps: Deps,
  { actor, seriesId, isPublished }: { actor: Actor | null; seriesId: string; isPublished: boolean },
): Promise<SeriesRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const before = await findSeriesById(tx, seriesId);
    if (!before) throw new AppError('NOT_FOUND', { series: seriesId });
    const after = await updateSeries(tx, seriesId, { isPublished });
    await recordAudit(deps, tx, actor, {
      action: isPublished ? 'conversations.series.publish' : 'conversations.series.unpublish',
      subjectType: 'series',
      subjectId: seriesId,
      before: { isPublished: before.isPublished },
      after: { isPublished: after.isPublished },
    });
    return after;
  });
}

export interface ThemeForAdmin {
  theme: ThemeRow;
  series: SeriesRow;
}

/** A theme to edit. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND */
export async function getThemeForAdmin(
  deps: Deps,
  { actor, themeId }: { actor: Actor | null; themeId: string },
): Promise<ThemeForAdmin> {
  assertCan(actor, 'content.manage');
  const theme = await findThemeById(deps.db, themeId);
  const parent = theme && (await findSeriesById(deps.db, theme.seriesId));
  if (!theme || !parent) throw new AppError('NOT_FOUND', { theme: themeId });
  return { theme, series: parent };
}

function themeValues(input: ThemeFormInput) {
  return {
    slug: input.slug,
    position: input.position,
    title: localizedOf(input, 'title'),
    description: localizedOf(input, 'description'),
  };
}

/** Adds a theme to a series. Audited. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT */
export async function createTheme(
  deps: Deps,
  { actor, seriesId, input }: { actor: Actor | null; seriesId: string; input: ThemeFormInput },
): Promise<ThemeRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    if (!(await findSeriesById(tx, seriesId))) throw new AppError('NOT_FOUND', { series: seriesId });
    const created = await insertTheme(tx, { ...themeValues(input), seriesId });
    await recordAudit(deps, tx, actor, {
      action: 'conversations.theme.create',
      subjectType: 'theme',
      subjectId: created.id,
      after: created,
    });
    return created;
  });
}

/** Changes a theme. Audited. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT */
export async function editTheme(
  deps: Deps,
  { actor, themeId, input }: { actor: Actor | null; themeId: string; input: ThemeFormInput },
): Promise<ThemeRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const before = await findThemeById(tx, themeId);
    if (!before) throw new AppError('NOT_FOUND', { theme: themeId });
    const after = await updateTheme(tx, themeId, themeValues(input));
    await recordAudit(deps, tx, actor, {
      action: 'conversations.theme.update',
      subjectType: 'theme',
      subjectId: themeId,
      before,
      after,
    });
    return after;
  });
}

/**
 * Refuses anyone who may not manage content, before a form is read or a blank one shown, so a
 * refusal never depends on what was typed.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export function checkContentAccess({ actor }: { actor: Actor | null }): void {
  assertCan(actor, 'content.manage');
}
