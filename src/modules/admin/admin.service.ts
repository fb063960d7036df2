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
  messages: OutboxMessage[];
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
  const messages = rows.slice(0, OUTBOX_PAGE_SIZE).map(withAttachmentList);
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

/** A file sent with a message, as the back office lists it (the bytes stay in the outbox row). */
export interface OutboxAttachment {
  /** Its position in the message, from 0: the download's address. */
  index: number;
  fileName: string;
  mediaType: string;
  byteSize: number;
  /** Shown inside the HTML part (`cid:`), such as the check-in QR code. */
  isInline: boolean;
}

/** A message with the list of its attachments (docs/adr/0024). */
export type OutboxMessage = OutboxMail & { attachmentList: OutboxAttachment[] };

function withAttachmentList(message: OutboxMail): OutboxMessage {
  const attachmentList = (message.attachments ?? []).map((a, index) => ({
    index,
    fileName: a.filename,
    mediaType: a.contentType,
    byteSize: Buffer.byteLength(a.contentBase64, 'base64'),
    isInline: Boolean(a.cid),
  }));
  return { ...message, attachmentList };
}

/**
 * One message of the outbox with its text and HTML, and its attachments listed.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function getOutboxMessage(
  deps: Deps,
  { actor, id }: { actor: Actor | null; id: string },
): Promise<OutboxMessage> {
  assertCan(actor, 'outbox.read');
  const message = await findOutboxMail(deps.db, id);
  if (!message) throw new AppError('NOT_FOUND', { message: id });
  return withAttachmentList(message);
}

/**
 * One attachment of an outbox message, its bytes as they were (or will be) sent.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (no such message, or no attachment at `index`)
 */
export async function getOutboxAttachment(
  deps: Deps,
  { actor, id, index }: { actor: Actor | null; id: string; index: number },
): Promise<{ fileName: string; mediaType: string; bytes: Buffer }> {
  assertCan(actor, 'outbox.read');
  const message = await findOutboxMail(deps.db, id);
  const attachment = message?.attachments?.[index];
  if (!attachment) throw new AppError('NOT_FOUND', { message: id, attachment: index });
  return {
    fileName: attachment.filename,
    mediaType: attachment.contentType,
    bytes: Buffer.from(attachment.contentBase64, 'base64'),
  };
}
