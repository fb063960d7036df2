import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Clock } from '../clock';
import type { Locale } from '../i18n/locales';
import type { StoredMailAttachment } from './mail.tables';
import type { MailQueue } from './mail-queue';
import {
  chunkOutboxMail,
  findOutboxIdsByDedupeKey,
  insertMailTemplate,
  insertOutboxMail,
  insertTemplatedOutboxMail,
  type NewTemplatedOutboxMail,
  type DbOrTransaction,
  type NewOutboxMail,
} from './outbox.repo';

/** One e-mail to one person, written by the caller in that person's language. */
export interface OutgoingMail {
  to: string;
  /** The recipient's language: subject, text and HTML are already in it. */
  locale: Locale;
  subject: string;
  /** The plain-text part. */
  text: string;
  /** The HTML part, a whole document (`<html lang dir>`). */
  html: string;
  /** Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Record<string, string>;
  /** What it is for, namespaced by module: `accounts.sign-in`, `newsletter.edition`. */
  kind: string;
  /** Sends it at most once: a second message with the same key is not queued (the first one's id is returned). */
  dedupeKey?: string;
  /** Files sent with it (single messages only: bulk mail has none). */
  attachments?: readonly MailAttachment[];
}

/** A file sent with a message. */
export interface MailAttachment {
  filename: string;
  /** The full media type, e.g. `text/calendar; charset=utf-8; method=PUBLISH`. */
  contentType: string;
  content: string | Uint8Array;
  /** An inline part: the HTML shows it as `<img src="cid:…">`. */
  cid?: string;
}

/**
 * One message written once for many recipients (a newsletter edition in one language). Subject,
 * text, HTML and header values may name per-recipient variables with `templateVariable(name)`;
 * each recipient's `vars` fill them in when the message is sent (HTML-escaped in the HTML part).
 */
export interface BulkMail {
  kind: string;
  /** The recipients' language: everything is already in it. */
  locale: Locale;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  recipients: readonly BulkRecipient[];
}

export interface BulkRecipient {
  to: string;
  vars: Record<string, string>;
  /** At most once per key, as for `OutgoingMail.dedupeKey`. */
  dedupeKey?: string;
}

export interface MailWriteOptions {
  /** The caller's transaction: the message is kept only if it commits. Default: the mailer's own. */
  db?: DbOrTransaction;
}

export interface Mailer {
  /**
   * Writes the message to the outbox and queues it for delivery (or holds it, with no SMTP
   * server configured). Returns once it is stored, before it is sent.
   */
  send(message: OutgoingMail, options?: MailWriteOptions): Promise<{ id: string }>;
  /**
   * The same for many messages (a newsletter edition), in a few bulk statements, all or none.
   * Returns one id per message, in order.
   */
  sendMany(messages: readonly OutgoingMail[], options?: MailWriteOptions): Promise<{ id: string }[]>;
  /**
   * A bulk send: each template's subject, bodies and headers are stored once, and each recipient
   * gets an outbox row that refers to it (docs/adr/0015). All or none, in the caller's transaction
   * when given. `batchKey` groups the send for `countOutboxMailByBatch` (its progress) and is its
   * dedupe key: a batch goes out at most once per language (a second call skips that language
   * whole). Recipients may also carry dedupe keys of their own, at a cost per row.
   *
   * @returns how many messages were queued (or held), and how many were skipped for their dedupe key.
   */
  sendBulk(
    batchKey: string,
    mails: readonly BulkMail[],
    options?: MailWriteOptions,
  ): Promise<{ written: number; skipped: number }>;
}

/** Rows per bulk INSERT (four array parameters, whatever the count). */
const BULK_CHUNK = 10_000;
/** Messages per delivery job in a bulk send (see MailQueue.enqueueGroups). */
const BULK_JOB_SIZE = 25;

/** Rows per outbox INSERT, and characters of content it may carry (see insertOutboxMail). */
const CHUNK = { maxRows: 1_000, maxChars: 16_000_000 };

/** Headers the mailer writes itself; a caller may not set them. */
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-language',
  'sender',
  'reply-to',
]);

/**
 * The mailer the app uses: every message goes to the `mail_outbox` table first. With a queue
 * (SMTP configured) the row is `queued` and a pg-boss job carries it to the mail worker, in the
 * same transaction; without one it is `held` and nothing is sent.
 */
export function createOutboxMailer(opts: { db: Db; clock: Clock; queue?: MailQueue }): Mailer {
  const { db, clock, queue } = opts;

  async function sendMany(
    messages: readonly OutgoingMail[],
    options: MailWriteOptions = {},
  ): Promise<{ id: string }[]> {
    if (messages.length === 0) return [];
    const rows = messages.map(toNewRow);
    const status = queue ? 'queued' : 'held';
    const createdAt = clock.now();
    // A nested transaction is a savepoint: on the caller's transaction, this rolls back alone
    // if it fails, and commits with the caller.
    return (options.db ?? db).transaction(async (tx) => {
      const inserted = new Set<string>();
      for (const chunk of chunkOutboxMail(rows, CHUNK)) {
        for (const id of await insertOutboxMail(tx, chunk, { status, createdAt })) inserted.add(id);
      }
      const skippedKeys = rows.filter((r) => !inserted.has(r.id) && r.dedupeKey).map((r) => r.dedupeKey!);
      const existing = await findOutboxIdsByDedupeKey(tx, skippedKeys);
      if (queue && inserted.size > 0) await queue.enqueue(tx, [...inserted]);
      return rows.map((row) => {
        if (inserted.has(row.id)) return { id: row.id };
        // Skipped for its dedupe key: an earlier message (or one earlier in this batch) has it.
        const id = row.dedupeKey ? existing.get(row.dedupeKey) : undefined;
        if (!id) throw new Error(`mail_outbox: message ${row.id} was neither inserted nor found`);
        return { id };
      });
    });
  }

  async function sendBulk(
    batchKey: string,
    mails: readonly BulkMail[],
    options: MailWriteOptions = {},
  ): Promise<{ written: number; skipped: number }> {
    const status = queue ? 'queued' : 'held';
    const createdAt = clock.now();
    const prepared = mails.map((mail) => {
      checkMessage({ ...mail, to: 'template@localhost' });
      const templateId = randomUUID();
      const nextId = timeOrderedIds(mail.recipients.length);
      const rows: NewTemplatedOutboxMail[] = mail.recipients.map((r) => {
        if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(r.to)) {
          throw new Error(`mail (${mail.kind}): "to" must be one bare address`);
        }
        return {
          id: nextId(),
          kind: mail.kind,
          toAddress: r.to,
          locale: mail.locale,
          templateId,
          vars: r.vars,
          dedupeKey: r.dedupeKey ?? null,
        };
      });
      return { mail, templateId, rows };
    });
    return (options.db ?? db).transaction(async (tx) => {
      let written = 0;
      let skipped = 0;
      for (const { mail, templateId, rows } of prepared) {
        if (rows.length === 0) continue;
        const isNew = await insertMailTemplate(
          tx,
          {
            id: templateId,
            kind: mail.kind,
            locale: mail.locale,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            headers: mail.headers ?? {},
            batchKey,
          },
          createdAt,
        );
        if (!isNew) {
          // This batch was already sent in this language: the whole group is a duplicate.
          skipped += rows.length;
          continue;
        }
        for (let start = 0; start < rows.length; start += BULK_CHUNK) {
          const chunk = rows.slice(start, start + BULK_CHUNK);
          const inserted = await insertTemplatedOutboxMail(
            tx,
            { id: templateId, kind: mail.kind, locale: mail.locale },
            chunk,
            { status, createdAt },
          );
          if (queue && inserted.length > 0) {
            const groups: string[][] = [];
            for (let i = 0; i < inserted.length; i += BULK_JOB_SIZE)
              groups.push(inserted.slice(i, i + BULK_JOB_SIZE));
            await queue.enqueueGroups(tx, groups);
          }
          written += inserted.length;
          skipped += chunk.length - inserted.length;
        }
      }
      return { written, skipped };
    });
  }

  return {
    async send(message, options) {
      const [result] = await sendMany([message], options);
      return result!;
    },
    sendMany,
    sendBulk,
  };
}

/**
 * `n` UUIDv7s (RFC 9562: milliseconds since 1970, a 12-bit counter, random bits), increasing: the
 * rows of a bulk send then go to the end of the primary key's index instead of all over it (fewer
 * pages dirtied and written to the WAL than with random ids).
 */
function timeOrderedIds(n: number): () => string {
  const random = randomBytes(16 * Math.max(n, 1));
  let ms = Date.now();
  let counter = 0;
  let i = 0;
  return () => {
    const bytes = random.subarray(16 * i, 16 * i + 16);
    i++;
    if (++counter > 0xfff) {
      counter = 0;
      ms++;
    }
    bytes.writeUIntBE(ms, 0, 6);
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | (bytes[8]! & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

function toNewRow(message: OutgoingMail): NewOutboxMail {
  checkMessage(message);
  return {
    id: randomUUID(),
    kind: message.kind,
    toAddress: message.to,
    locale: message.locale,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers ?? {},
    dedupeKey: message.dedupeKey ?? null,
    attachments: message.attachments?.length ? message.attachments.map(storedAttachment) : null,
  };
}

function storedAttachment(a: MailAttachment): StoredMailAttachment {
  return {
    filename: a.filename,
    contentType: a.contentType,
    contentBase64: Buffer.from(a.content).toString('base64'),
    ...(a.cid ? { cid: a.cid } : {}),
  };
}

/**
 * Programming errors, not user input: addresses are validated at the HTTP boundary. Header values
 * with line breaks would let a value write headers of its own.
 */
function checkMessage(message: OutgoingMail): void {
  if (!message.kind) throw new Error('mail: kind is required');
  if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(message.to)) {
    throw new Error(`mail (${message.kind}): "to" must be one bare address`);
  }
  if (/[\r\n]/.test(message.subject)) throw new Error(`mail (${message.kind}): line break in the subject`);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!/^[A-Za-z0-9-]+$/.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new Error(`mail (${message.kind}): header "${name}" may not be set`);
    }
    if (/[\r\n]/.test(value)) throw new Error(`mail (${message.kind}): line break in header "${name}"`);
  }
  for (const a of message.attachments ?? []) {
    if (/[\r\n"\\/]/.test(a.filename) || /[\r\n]/.test(a.contentType) || /[\r\n<>]/.test(a.cid ?? '')) {
      throw new Error(`mail (${message.kind}): attachment "${a.filename}" has a bad name, type or cid`);
    }
  }
}
