import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import { assertCan, type Actor } from '../../accounts';
import { recordAudit } from '../../audit';
import { localizedOf, type SpeakerFormInput } from '../conversations.admin.schema';
import {
  findSpeakerById,
  insertSpeaker,
  listAllSpeakers,
  updateSpeaker,
  type SpeakerRow,
} from '../repo/manage';

/** Every speaker, by name. @throws AppError UNAUTHENTICATED, FORBIDDEN */
export async function listSpeakersForAdmin(
  deps: Deps,
  { actor }: { actor: Actor | null },
): Promise<SpeakerRow[]> {
  assertCan(actor, 'content.manage');
  return listAllSpeakers(deps.db);
}

/** A speaker to edit. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND */
export async function getSpeakerForAdmin(
  deps: Deps,
  { actor, speakerId }: { actor: Actor | null; speakerId: string },
): Promise<SpeakerRow> {
  assertCan(actor, 'content.manage');
  const found = await findSpeakerById(deps.db, speakerId);
  if (!found) throw new AppError('NOT_FOUND', { speaker: speakerId });
  return found;
}

function speakerValues(input: SpeakerFormInput) {
  return {
    slug: input.slug,
    name: input.name,
    country: input.country ?? null,
    honorific: localizedOf(input, 'honorific'),
    position: localizedOf(input, 'position'),
    organisation: localizedOf(input, 'organisation'),
    bio: localizedOf(input, 'bio'),
  };
}

/**
 * Adds a speaker. Their public page appears once they speak in a published session. Audited.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CONFLICT (slug taken)
 */
export async function createSpeaker(
  deps: Deps,
  { actor, input }: { actor: Actor | null; input: SpeakerFormInput },
): Promise<SpeakerRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const created = await insertSpeaker(tx, speakerValues(input));
    await recordAudit(deps, tx, actor, {
      action: 'conversations.speaker.create',
      subjectType: 'speaker',
      subjectId: created.id,
      after: created,
    });
    return created;
  });
}

/** Changes a speaker. Audited. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT */
export async function editSpeaker(
  deps: Deps,
  { actor, speakerId, input }: { actor: Actor | null; speakerId: string; input: SpeakerFormInput },
): Promise<SpeakerRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const before = await findSpeakerById(tx, speakerId);
    if (!before) throw new AppError('NOT_FOUND', { speaker: speakerId });
    const after = await updateSpeaker(tx, speakerId, speakerValues(input));
    await recordAudit(deps, tx, actor, {
      action: 'conversations.speaker.update',
      subjectType: 'speaker',
      subjectId: speakerId,
      before,
      after,
    });
    return after;
  });
}
