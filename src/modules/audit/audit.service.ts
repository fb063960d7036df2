import type { Clock } from '../../platform/clock';
import type { Actor } from '../accounts';
import { anonymiseAuditActor, insertAuditEntry, type DbOrTransaction } from './audit.repo';

export interface AuditedChange {
  /** Namespaced verb: `conversations.session.publish`, `accounts.role.grant`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** The record before the change (null for a creation) and after it (null for a deletion). */
  before?: unknown;
  after?: unknown;
}

/**
 * Records a secretariat or moderator action. Call it inside the transaction that makes the change,
 * so the log holds exactly the changes that happened.
 */
export async function recordAudit(
  deps: { clock: Clock },
  db: DbOrTransaction,
  actor: Actor,
  change: AuditedChange,
): Promise<void> {
  await insertAuditEntry(db, {
    at: deps.clock.now(),
    actorId: actor.userId,
    actorLabel: actor.label,
    action: change.action,
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

/** What the log says instead of the name and e-mail of an actor whose account was deleted. */
export const DELETED_ACTOR_LABEL = 'deleted account';

/**
 * Keeps a deleted person's actions in the log (the public record of who changed what) without
 * saying who they were: the actor becomes "deleted account". Call it in the deletion's transaction.
 */
export function forgetAuditActor(db: DbOrTransaction, userId: string): Promise<number> {
  return anonymiseAuditActor(db, userId, DELETED_ACTOR_LABEL);
}
