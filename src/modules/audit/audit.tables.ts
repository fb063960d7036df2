import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables';

/**
 * Every action of the secretariat and of moderators: who, what, when, and the record before and
 * after. Written in the same transaction as the change it describes.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null once the account is deleted; `actorLabel` then says so. */
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** The actor's name and e-mail at the time, for reading the log without a join. */
    actorLabel: text().notNull(),
    /** Namespaced verb: `conversations.session.publish`, `accounts.role.grant`. */
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text().notNull(),
    before: jsonb().$type<unknown>(),
    after: jsonb().$type<unknown>(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_actor_idx').on(t.actorId),
  ],
);
