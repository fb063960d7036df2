import { and, desc, eq, ilike, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditLog } from '../audit.tables';

export type AuditEntry = typeof auditLog.$inferSelect;

export interface AuditFilter {
  /** Part of the actor's name or e-mail. */
  actor?: string;
  /** An action (`conversations.session.publish`) or its start (`conversations.session`). */
  action?: string;
  subjectType?: string;
  subjectId?: string;
}

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const prefixPattern = (value: string) => `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Entries newest first, filtered, paged by keyset: pass the last id seen as `beforeId`. */
export function listAuditEntries(
  db: Db,
  opts: { filter: AuditFilter; limit: number; beforeId?: number },
): Promise<AuditEntry[]> {
  const { filter } = opts;
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(ilike(auditLog.actorLabel, likePattern(filter.actor)));
  if (filter.action) conditions.push(ilike(auditLog.action, prefixPattern(filter.action)));
  if (filter.subjectType) conditions.push(eq(auditLog.subjectType, filter.subjectType));
  if (filter.subjectId) conditions.push(eq(auditLog.subjectId, filter.subjectId));
  if (opts.beforeId !== undefined) conditions.push(lt(auditLog.id, opts.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(opts.limit);
}
