import type { Deps } from '../../deps';
import { AppError } from '../../platform/errors';
import {
  countOutboxMailByStatus,
  findOutboxMail,
  listOutboxMail,
  type MailStatus,
  type OutboxMail,
} from '../../platform/mail/outbox.repo';
import { assertCan, can, type Actor } from '../accounts';
import { countContentDrafts } from '../conversations';

export type { OutboxMail };

export interface Dashboard {
  /** Drafts, for people who manage content. */
  drafts: { series: number; sessions: number; documents: number } | undefined;
  /** Mail by status, for people who read the outbox. */
  mail: Record<MailStatus, number> | undefined;
}

/**
 * The back office's home: what waits for attention, as far as the viewer may see it.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN (needs 'admin.enter')
 */
export async function getDashboard(deps: Deps, { actor }: { actor: Actor | null }): Promise<Dashboard> {
  assertCan(actor, 'admin.enter');
  const [drafts, mail] = await Promise.all([
    can(actor, 'content.manage') ? countContentDrafts(deps, { actor }) : undefined,
    can(actor, 'outbox.read') ? countOutboxMailByStatus(deps.db) : undefined,
  ]);
  return { drafts, mail };
}

export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxPage {
  messages: OutboxMail[];
  counts: Record<MailStatus, number>;
  /** `before` for the next (older) page; none on the last page. */
  nextBefore: string | undefined;
}

/**
 * The outbox, newest first, optionally one status. Without SMTP every message is `held` here:
 * this is where the secretariat reads the platform's mail.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN (needs 'outbox.read')
 */
export async function listOutbox(
  deps: Deps,
  { actor, status, before }: { actor: Actor | null; status?: MailStatus; before?: string },
): Promise<OutboxPage> {
  assertCan(actor, 'outbox.read');
  const cursor = before ? parseCursor(before) : undefined;
  const [rows, counts] = await Promise.all([
    listOutboxMail(deps.db, { status, limit: OUTBOX_PAGE_SIZE + 1, before: cursor }),
    countOutboxMailByStatus(deps.db),
  ]);
  const messages = rows.slice(0, OUTBOX_PAGE_SIZE);
  const last = messages[messages.length - 1];
  return {
    messages,
    counts,
    nextBefore:
      rows.length > OUTBOX_PAGE_SIZE && last ? `${last.createdAt.toISOString()}_${last.id}` : undefined,
  };
}

function parseCursor(before: string): { createdAt: Date; id: string } {
  const at = before.indexOf('_');
  const createdAt = new Date(before.slice(0, at));
  if (Number.isNaN(createdAt.getTime())) throw new AppError('BAD_REQUEST', { before });
  return { createdAt, id: before.slice(at + 1) };
}

/**
 * One message of the outbox with its text and HTML.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function getOutboxMessage(
  deps: Deps,
  { actor, id }: { actor: Actor | null; id: string },
): Promise<OutboxMail> {
  assertCan(actor, 'outbox.read');
  const message = await findOutboxMail(deps.db, id);
  if (!message) throw new AppError('NOT_FOUND', { message: id });
  return message;
}
