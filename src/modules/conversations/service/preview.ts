import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import type { Locale } from '../../../platform/i18n/locales';
import { assertCan, type Actor } from '../../accounts';
import type { SessionPage } from '../conversations.service';
import { previewSessionPage } from '../repo/manage';

/**
 * The public page of a session as it would look once published, for the secretariat to check a
 * draft. The route sends it with noindex and no-store.
 *
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function previewSession(
  deps: Deps,
  { actor, sessionId, locale }: { actor: Actor | null; sessionId: string; locale: Locale },
): Promise<SessionPage> {
  assertCan(actor, 'content.manage');
  const page = await previewSessionPage(deps.db, sessionId, locale);
  if (!page) throw new AppError('NOT_FOUND', { session: sessionId });
  const now = deps.clock.now().getTime();
  const { startsAt, endsAt } = page.session;
  const state = now < startsAt.getTime() ? 'upcoming' : now > endsAt.getTime() ? 'past' : 'live';
  return { ...page, state };
}
