import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { mailOutbox, mailStatus, mailTemplates, type StoredMailAttachment } from './mail.tables';

import type { DbOrTransaction } from '../../db/client';
export type { DbOrTransaction };

type OutboxRow = typeof mailOutbox.$inferSelect;
/**
 * A message as it goes out: a bulk message's subject, bodies and headers are its template's, with
 * the row's variables filled in (`renderTemplate`).
 */
export type OutboxMail = Omit<OutboxRow, 'subject' | 'text' | 'html'> & {
  subject: string;
  text: string;
  html: string;
};
export type MailTemplate = typeof mailTemplates.$inferSelect;

/** Marks a variable in a template: `\u001Fname\u001F`. */
export const TEMPLATE_VARIABLE_MARK = '\u001F';

/** `\u001Fname\u001F` in a template, for the values of `vars`. */
export function templateVariable(name: string): string {
  return `${TEMPLATE_VARIABLE_MARK}${name}${TEMPLATE_VARIABLE_MARK}`;
}

/**
 * Fills a template's variables: text between two marks is a variable's name. A name with no value
 * becomes empty (a programming error caught by the tests, never a stray mark in a message).
 * `escape` is applied to each value (HTML-escaping for the HTML part).
 */
export function renderTemplate(
  template: string,
  vars: Record<string, string> | null,
  escape: (value: string) => string = (v) => v,
): string {
  if (!template.includes(TEMPLATE_VARIABLE_MARK)) return template;
  const parts = template.split(TEMPLATE_VARIABLE_MARK);
  return parts.map((part, i) => (i % 2 === 0 ? part : escape(vars?.[part] ?? ''))).join('');
}

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The message a row stands for: itself, or its template filled with its variables. */
function resolveOutboxMail(row: OutboxRow, template: MailTemplate | null | undefined): OutboxMail {
  if (!row.templateId) {
    return { ...row, subject: row.subject ?? '', text: row.text ?? '', html: row.html ?? '' };
  }
  if (!template) throw new Error(`mail_outbox: template ${row.templateId} of message ${row.id} is missing`);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(template.headers))
    headers[name] = renderTemplate(value, row.vars);
  return {
    ...row,
    subject: renderTemplate(template.subject, row.vars),
    text: renderTemplate(template.text, row.vars),
    html: renderTemplate(template.html, row.vars, escapeHtml),
    headers: { ...headers, ...row.headers },
  };
}

/** Rows with their templates joined, resolved. */
async function selectResolved(db: DbOrTransaction, where: SQL | undefined, limit?: number, order = true) {
  let query = db
    .select({ row: mailOutbox, template: mailTemplates })
    .from(mailOutbox)
    .leftJoin(mailTemplates, eq(mailTemplates.id, mailOutbox.templateId))
    .where(where)
    .$dynamic();
  if (order) query = query.orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id));
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query;
  return rows.map(({ row, template }) => resolveOutboxMail(row, template));
}
export type MailStatus = (typeof mailStatus.enumValues)[number];

/** What insertOutboxMail writes for each message; status and time are the same for a whole batch. */
export interface NewOutboxMail {
  id: string;
  kind: string;
  toAddress: string;
  locale: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  dedupeKey: string | null;
  /** Single messages only; null for none. */
  attachments: StoredMailAttachment[] | null;
}

/**
 * Inserts a batch of messages in one statement. A message whose dedupe key is already in the
 * outbox is skipped. Keep batches to about 1,000 rows (`chunkOutboxMail`): 12 bind parameters a
 * row, at most 65,535 a statement.
 *
 * Written by hand for bulk sends. Measured on embedded PostgreSQL (2 cores), 50,000 messages of
 * 4 KB: this multi-row VALUES takes about 5 s; Drizzle's insert builder for the same rows about
 * 11 s; one json_to_recordset or unnest() parameter per batch 1.5 to 2 times as long, as
 * PostgreSQL parses the large literal.
 *
 * @returns the ids of the rows inserted (those skipped are missing).
 */
export async function insertOutboxMail(
  db: DbOrTransaction,
  rows: readonly NewOutboxMail[],
  common: { status: MailStatus; createdAt: Date },
): Promise<string[]> {
  if (rows.length === 0) return [];
  const createdAt = common.createdAt.toISOString();
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.id}, ${r.kind}, ${r.toAddress}, ${r.locale}, ${r.subject}, ${r.text}, ${r.html},
             ${JSON.stringify(r.headers)}, ${r.attachments ? JSON.stringify(r.attachments) : null}::jsonb,
             ${r.dedupeKey}, ${common.status}, ${createdAt})`,
    ),
    sql`, `,
  );
  const result = await db.execute<{ id: string }>(sql`
    INSERT INTO ${mailOutbox} (id, kind, to_address, locale, subject, text, html, headers, attachments, dedupe_key, status, created_at)
    VALUES ${values}
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`);
  return result.rows.map((row) => row.id);
}

/** Rows of at most `maxRows` and about `maxChars` characters of content each, in order. */
export function* chunkOutboxMail<
  T extends Pick<NewOutboxMail, 'subject' | 'text' | 'html'> & Partial<Pick<NewOutboxMail, 'attachments'>>,
>(rows: readonly T[], { maxRows, maxChars }: { maxRows: number; maxChars: number }): Generator<T[]> {
  let chunk: T[] = [];
  let chars = 0;
  for (const row of rows) {
    let size = row.subject.length + row.text.length + row.html.length;
    for (const a of row.attachments ?? []) size += a.contentBase64.length;
    if (chunk.length > 0 && (chunk.length >= maxRows || chars + size > maxChars)) {
      yield chunk;
      chunk = [];
      chars = 0;
    }
    chunk.push(row);
    chars += size;
  }
  if (chunk.length > 0) yield chunk;
}

/** The ids already in the outbox for these dedupe keys, by key. */
export async function findOutboxIdsByDedupeKey(
  db: DbOrTransaction,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const result = await db.execute<{ id: string; dedupe_key: string }>(sql`
    SELECT id, dedupe_key FROM ${mailOutbox} WHERE dedupe_key = ANY(${sql.param(keys)}::text[])`);
  return new Map(result.rows.map((row) => [row.dedupe_key, row.id]));
}

export async function findOutboxMail(db: DbOrTransaction, id: string): Promise<OutboxMail | undefined> {
  const [row] = await selectResolved(db, eq(mailOutbox.id, id), 1, false);
  return row;
}

/** The messages among `ids` still waiting to be sent (not sent, failed or held meanwhile). */
export async function listQueuedOutboxMail(
  db: DbOrTransaction,
  ids: readonly string[],
): Promise<OutboxMail[]> {
  if (ids.length === 0) return [];
  return selectResolved(
    db,
    and(sql`${mailOutbox.id} = ANY(${sql.param(ids)}::uuid[])`, eq(mailOutbox.status, 'queued')),
    undefined,
    false,
  );
}

/**
 * Marks messages sent, counting the attempt. Only rows still `queued` change, so a message is
 * marked sent once even if two workers got hold of it.
 *
 * @returns the ids that changed.
 */
export async function markOutboxMailSent(
  db: DbOrTransaction,
  ids: readonly string[],
  sentAt: Date,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(mailOutbox)
    .set({
      status: 'sent',
      sentAt,
      attempts: sql`${mailOutbox.attempts} + 1`,
      lastError: null,
      nextAttemptAt: null,
    })
    .where(and(sql`${mailOutbox.id} = ANY(${sql.param(ids)}::uuid[])`, eq(mailOutbox.status, 'queued')))
    .returning({ id: mailOutbox.id });
  return rows.map((row) => row.id);
}

export interface MailAttemptFailure {
  id: string;
  error: string;
  /** The queue will not try again: the row becomes `failed`. */
  isFinal: boolean;
  /** When it will try again, at the earliest; null when final. */
  nextAttemptAt: Date | null;
}

/**
 * Records failed attempts in one statement: the attempt is counted and the error kept; after the
 * last attempt the row becomes `failed`. Only rows still `queued` change.
 *
 * @returns the ids that changed.
 */
export async function recordOutboxMailFailures(
  db: DbOrTransaction,
  failures: readonly MailAttemptFailure[],
): Promise<string[]> {
  if (failures.length === 0) return [];
  const records = failures.map((f) => ({
    id: f.id,
    error: f.error,
    is_final: f.isFinal,
    next_attempt_at: f.nextAttemptAt?.toISOString() ?? null,
  }));
  const result = await db.execute<{ id: string }>(sql`
    UPDATE ${mailOutbox} AS o SET
      attempts = o.attempts + 1,
      last_error = f.error,
      status = CASE WHEN f.is_final THEN 'failed'::mail_status ELSE o.status END,
      next_attempt_at = f.next_attempt_at
    FROM json_to_recordset(${JSON.stringify(records)}::json)
      AS f(id uuid, error text, is_final boolean, next_attempt_at timestamptz)
    WHERE o.id = f.id AND o.status = 'queued'
    RETURNING o.id`);
  return result.rows.map((row) => row.id);
}

/**
 * The outbox, newest first, for the back office: optionally one status, paged by keyset
 * (pass the last row's `createdAt` and `id` as `before`).
 */
export async function listOutboxMail(
  db: DbOrTransaction,
  opts: { status?: MailStatus; limit: number; before?: { createdAt: Date; id: string } },
): Promise<OutboxMail[]> {
  const conditions: SQL[] = [];
  if (opts.status) conditions.push(eq(mailOutbox.status, opts.status));
  if (opts.before) {
    const { createdAt, id } = opts.before;
    conditions.push(
      or(
        lt(mailOutbox.createdAt, createdAt),
        and(eq(mailOutbox.createdAt, createdAt), lt(mailOutbox.id, id)),
      )!,
    );
  }
  return selectResolved(db, and(...conditions), opts.limit);
}

/**
 * The mail to one address (matched case-insensitively, as `eraseOutboxMailTo` does), newest first,
 * resolved: for a person's "download my data". `keptSince`: only messages created since then, and
 * those still queued, which is what the retention sweep leaves (docs/adr/0026-outbox-retention.md).
 * Reads the whole outbox (no index on the address): called rarely, on a table kept to the retention.
 */
export async function listOutboxMailTo(
  db: DbOrTransaction,
  address: string,
  { keptSince }: { keptSince?: Date } = {},
): Promise<OutboxMail[]> {
  return selectResolved(
    db,
    and(
      sql`lower(${mailOutbox.toAddress}) = lower(${address})`,
      keptSince ? or(eq(mailOutbox.status, 'queued'), gte(mailOutbox.createdAt, keptSince)) : undefined,
    ),
  );
}

/** How many messages are in each status (every status present, zero when none). */
export async function countOutboxMailByStatus(db: DbOrTransaction): Promise<Record<MailStatus, number>> {
  const rows = await db
    .select({ status: mailOutbox.status, count: count() })
    .from(mailOutbox)
    .groupBy(mailOutbox.status);
  const counts = Object.fromEntries(mailStatus.enumValues.map((status) => [status, 0])) as Record<
    MailStatus,
    number
  >;
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

/** A bulk message: one recipient of a template. */
export interface NewTemplatedOutboxMail {
  id: string;
  kind: string;
  toAddress: string;
  locale: string;
  templateId: string;
  vars: Record<string, string>;
  dedupeKey: string | null;
}

/**
 * Stores a bulk send's template, unless its batch already has one in that language.
 * @returns whether it was written (false: that batch and language were sent before).
 */
export async function insertMailTemplate(
  db: DbOrTransaction,
  template: Omit<MailTemplate, 'createdAt'>,
  createdAt: Date,
): Promise<boolean> {
  const rows = await db
    .insert(mailTemplates)
    .values({ ...template, createdAt })
    .onConflictDoNothing({ target: [mailTemplates.batchKey, mailTemplates.locale] })
    .returning({ id: mailTemplates.id });
  return rows.length > 0;
}

/**
 * Inserts the bulk messages of one template in one statement: the per-recipient columns travel as
 * four array parameters (unnest), the rest as single values, so 10,000 rows cost a few bind
 * parameters instead of 90,000. A message whose dedupe key is already in the outbox is skipped.
 *
 * @returns the ids of the rows inserted.
 */
export async function insertTemplatedOutboxMail(
  db: DbOrTransaction,
  template: { id: string; kind: string; locale: string },
  rows: readonly Pick<NewTemplatedOutboxMail, 'id' | 'toAddress' | 'vars' | 'dedupeKey'>[],
  common: { status: MailStatus; createdAt: Date },
): Promise<string[]> {
  if (rows.length === 0) return [];
  const result = await db.execute<{ id: string }>(sql`
    INSERT INTO ${mailOutbox} (id, kind, to_address, locale, template_id, vars, dedupe_key, status, created_at)
    SELECT r.id, ${template.kind}, r.to_address, ${template.locale}, ${template.id}::uuid, r.vars, r.dedupe_key,
           ${common.status}::mail_status, ${common.createdAt.toISOString()}::timestamptz
    FROM unnest(
      ${sql.param(rows.map((r) => r.id))}::uuid[],
      ${sql.param(rows.map((r) => r.toAddress))}::text[],
      ${sql.param(rows.map((r) => JSON.stringify(r.vars)))}::jsonb[],
      ${sql.param(rows.map((r) => r.dedupeKey))}::text[]
    ) AS r(id, to_address, vars, dedupe_key)
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`);
  return result.rows.map((row) => row.id);
}

/** How many messages of a bulk send (its templates' batch key) are in each status. */
export async function countOutboxMailByBatch(
  db: DbOrTransaction,
  batchKey: string,
): Promise<Record<MailStatus, number>> {
  const rows = await db
    .select({ status: mailOutbox.status, count: count() })
    .from(mailOutbox)
    .innerJoin(mailTemplates, eq(mailTemplates.id, mailOutbox.templateId))
    .where(eq(mailTemplates.batchKey, batchKey))
    .groupBy(mailOutbox.status);
  const counts = Object.fromEntries(mailStatus.enumValues.map((status) => [status, 0])) as Record<
    MailStatus,
    number
  >;
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

// Retention (docs/adr/0026-outbox-retention.md)

/** What an erased message shows instead of its recipient's address. */
export const ERASED_ADDRESS = '(erased)';

/** The statuses a message does not leave: the sweep may erase it once it is old enough. */
const FINAL = sql`${mailOutbox.status} IN ('sent', 'failed', 'held')`;

/** A bulk row keeps its status and times (its send's progress) but no longer says whom it was for. */
const ERASE_BULK_ROW = {
  toAddress: ERASED_ADDRESS,
  vars: null,
  headers: {},
  attachments: null,
} as const;

/**
 * Forgets every message to `address` (a person deleting their account), in the caller's
 * transaction: single messages are deleted; bulk messages keep only their status, for their send's
 * progress, and one still queued is marked failed so it never goes out.
 *
 * @returns how many rows were deleted and how many erased.
 */
export async function eraseOutboxMailTo(
  db: DbOrTransaction,
  address: string,
): Promise<{ deleted: number; erased: number }> {
  const to = sql`lower(${mailOutbox.toAddress}) = lower(${address})`;
  const deleted = await db
    .delete(mailOutbox)
    .where(and(to, isNull(mailOutbox.templateId)))
    .returning({ id: mailOutbox.id });
  const erased = await db
    .update(mailOutbox)
    .set({
      ...ERASE_BULK_ROW,
      status: sql`CASE WHEN ${mailOutbox.status} = 'queued' THEN 'failed'::mail_status ELSE ${mailOutbox.status} END`,
      lastError: sql`CASE WHEN ${mailOutbox.status} = 'queued' THEN 'recipient erased' ELSE ${mailOutbox.lastError} END`,
    })
    .where(and(to, isNotNull(mailOutbox.templateId)))
    .returning({ id: mailOutbox.id });
  return { deleted: deleted.length, erased: erased.length };
}

/**
 * One round of the retention sweep: at most `limit` single messages created before `before` and
 * in a final state are deleted, and at most `limit` such bulk messages erased (address, variables
 * and headers; status and times stay). `after` narrows the look to rows created since then (the
 * sweeper's previous round), so old erased rows are not read again every time.
 *
 * @returns how many rows were deleted and how many erased; call again while either equals `limit`.
 */
export async function sweepOutboxMail(
  db: DbOrTransaction,
  { before, after, limit }: { before: Date; after?: Date; limit: number },
): Promise<{ deleted: number; erased: number }> {
  const old = and(
    FINAL,
    lt(mailOutbox.createdAt, before),
    after ? gte(mailOutbox.createdAt, after) : undefined,
  );
  const single = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(old, isNull(mailOutbox.templateId)))
    .limit(limit);
  const deleted = await db
    .delete(mailOutbox)
    .where(inArray(mailOutbox.id, single))
    .returning({ id: mailOutbox.id });
  const bulk = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(old, isNotNull(mailOutbox.templateId), isNotNull(mailOutbox.vars)))
    .limit(limit);
  const erased = await db
    .update(mailOutbox)
    .set(ERASE_BULK_ROW)
    .where(inArray(mailOutbox.id, bulk))
    .returning({ id: mailOutbox.id });
  return { deleted: deleted.length, erased: erased.length };
}
