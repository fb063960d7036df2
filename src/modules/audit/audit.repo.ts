import { eq } from 'drizzle-orm';
import { auditLog } from './audit.tables';

import type { DbOrTransaction } from '../../db/client';
export type { DbOrTransaction };

export interface NewAuditEntry {
  at: Date;
  actorId: string;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
}

export async function insertAuditEntry(db: DbOrTransaction, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/** Replaces the actor of every entry by a person with a neutral label (their account is deleted). */
export async function anonymiseAuditActor(
  db: DbOrTransaction,
  actorId: string,
  label: string,
): Promise<number> {
  const rows = await db
    .update(auditLog)
    .set({ actorId: null, actorLabel: label })
    .where(eq(auditLog.actorId, actorId))
    .returning({ id: auditLog.id });
  return rows.length;
}
