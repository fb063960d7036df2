import type { Deps } from '../../../deps';
import { assertCan, type Actor } from '../../accounts';
import { listAuditEntries, type AuditEntry, type AuditFilter } from '../repo/entries';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditPage {
  entries: AuditEntry[];
  /** The id to pass as `before` for the next (older) page; none on the last page. */
  nextBefore: number | undefined;
}

/**
 * One page of the audit log, newest first, narrowed by actor, action and subject.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN (needs 'audit.read')
 */
export async function readAuditLog(
  deps: Deps,
  { actor, filter, before }: { actor: Actor | null; filter: AuditFilter; before?: number },
): Promise<AuditPage> {
  assertCan(actor, 'audit.read');
  const rows = await listAuditEntries(deps.db, { filter, limit: AUDIT_PAGE_SIZE + 1, beforeId: before });
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    entries,
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? entries[entries.length - 1]?.id : undefined,
  };
}
