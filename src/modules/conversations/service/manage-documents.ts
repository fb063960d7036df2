import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import { withExtension } from '../../../platform/files/content-disposition';
import { fileStoreOf } from '../../../platform/files/file-store';
import { detectDocumentType } from '../../../platform/files/file-type';
import type { Locale } from '../../../platform/i18n/locales';
import { assertCan, type Actor } from '../../accounts';
import { recordAudit } from '../../audit';
import { localizedOf, type DocumentFormInput } from '../conversations.admin.schema';
import {
  deleteDocumentFile,
  findDocumentById,
  findFileOfDocument,
  findSessionById,
  insertDocument,
  listAllDocuments,
  listAllSeries,
  listAllSessions,
  listFilesOfDocument,
  updateDocument,
  upsertDocumentFile,
  type DocumentFileInfo,
  type DocumentListRow,
  type DocumentRow,
  type SeriesRow,
  type SessionListRow,
} from '../repo/manage';

/** Every document, published or not, newest first. @throws AppError UNAUTHENTICATED, FORBIDDEN */
export async function listDocumentsForAdmin(
  deps: Deps,
  { actor }: { actor: Actor | null },
): Promise<DocumentListRow[]> {
  assertCan(actor, 'content.manage');
  return listAllDocuments(deps.db);
}

export interface DocumentChoices {
  series: SeriesRow[];
  sessions: SessionListRow[];
}

/** The series and sessions a document can belong to. @throws AppError UNAUTHENTICATED, FORBIDDEN */
export async function getDocumentChoices(
  deps: Deps,
  { actor }: { actor: Actor | null },
): Promise<DocumentChoices> {
  assertCan(actor, 'content.manage');
  const [series, sessions] = await Promise.all([listAllSeries(deps.db), listAllSessions(deps.db)]);
  return { series, sessions };
}

export interface DocumentForAdmin extends DocumentChoices {
  document: DocumentRow;
  files: DocumentFileInfo[];
}

/** A document with its language versions, to edit. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND */
export async function getDocumentForAdmin(
  deps: Deps,
  { actor, documentId }: { actor: Actor | null; documentId: string },
): Promise<DocumentForAdmin> {
  assertCan(actor, 'content.manage');
  const document = await findDocumentById(deps.db, documentId);
  if (!document) throw new AppError('NOT_FOUND', { document: documentId });
  const [choices, files] = await Promise.all([
    getDocumentChoices(deps, { actor }),
    listFilesOfDocument(deps.db, documentId),
  ]);
  return { ...choices, document, files };
}

function documentValues(input: DocumentFormInput) {
  return {
    seriesId: input.seriesId,
    sessionId: input.sessionId ?? null,
    symbol: input.symbol,
    kind: input.kind,
    publishedOn: input.publishedOn,
    title: localizedOf(input, 'title'),
  };
}

async function checkSession(db: Parameters<typeof findSessionById>[0], input: DocumentFormInput) {
  if (!input.sessionId) return;
  const session = await findSessionById(db, input.sessionId);
  if (!session || session.seriesId !== input.seriesId)
    throw new AppError('BAD_REQUEST', { field: 'sessionId' });
}

/**
 * Creates a document as a draft, without files yet. Audited.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, BAD_REQUEST (session of another series), CONFLICT (symbol taken)
 */
export async function createDocument(
  deps: Deps,
  { actor, input }: { actor: Actor | null; input: DocumentFormInput },
): Promise<DocumentRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    await checkSession(tx, input);
    const created = await insertDocument(tx, { ...documentValues(input), isPublished: false });
    await recordAudit(deps, tx, actor, {
      action: 'conversations.document.create',
      subjectType: 'document',
      subjectId: created.id,
      after: created,
    });
    return created;
  });
}

/** Changes a document. Audited. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_REQUEST, CONFLICT */
export async function editDocument(
  deps: Deps,
  { actor, documentId, input }: { actor: Actor | null; documentId: string; input: DocumentFormInput },
): Promise<DocumentRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const before = await findDocumentById(tx, documentId);
    if (!before) throw new AppError('NOT_FOUND', { document: documentId });
    await checkSession(tx, input);
    const after = await updateDocument(tx, documentId, documentValues(input));
    await recordAudit(deps, tx, actor, {
      action: 'conversations.document.update',
      subjectType: 'document',
      subjectId: documentId,
      before,
      after,
    });
    return after;
  });
}

/** Publishes a document or takes it back. Audited. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND */
export async function setDocumentPublished(
  deps: Deps,
  { actor, documentId, isPublished }: { actor: Actor | null; documentId: string; isPublished: boolean },
): Promise<DocumentRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const before = await findDocumentById(tx, documentId);
    if (!before) throw new AppError('NOT_FOUND', { document: documentId });
    const after = await updateDocument(tx, documentId, { isPublished });
    await recordAudit(deps, tx, actor, {
      action: isPublished ? 'conversations.document.publish' : 'conversations.document.unpublish',
      subjectType: 'document',
      subjectId: documentId,
      before: { isPublished: before.isPublished },
      after: { isPublished: after.isPublished },
    });
    return after;
  });
}

/**
 * Stores an uploaded file as a document's version in one language, replacing the one there was
 * (docs/adr/0016-file-store-and-upload-checks.md). The type is judged by the bytes, never by the
 * name or the browser's word; the file is named after that type. The bytes go to the file store
 * before the row is written: a failed write leaves at most an unreferenced file. Audited.
 *
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 * @throws AppError TOO_LARGE when the file is over UPLOAD_MAX_BYTES
 * @throws AppError BAD_REQUEST `{ reason: 'fileType' }` when it is not a document we accept, or empty
 */
export async function uploadDocumentFile(
  deps: Deps,
  args: { actor: Actor | null; documentId: string; locale: Locale; fileName: string; bytes: Buffer },
): Promise<DocumentFileInfo> {
  const { actor, documentId, locale, bytes } = args;
  assertCan(actor, 'content.manage');
  if (bytes.length > deps.config.UPLOAD_MAX_BYTES) throw new AppError('TOO_LARGE', { bytes: bytes.length });
  const type = detectDocumentType(bytes);
  if (!type) throw new AppError('BAD_REQUEST', { reason: 'fileType' });
  if (!(await findDocumentById(deps.db, documentId)))
    throw new AppError('NOT_FOUND', { document: documentId });
  const storageKey = await fileStoreOf(deps.config).put(bytes);
  return deps.db.transaction(async (tx) => {
    const before = await findFileOfDocument(tx, documentId, locale);
    const after = await upsertDocumentFile(tx, {
      documentId,
      locale,
      fileName: withExtension(args.fileName, type.extension),
      mediaType: type.mediaType,
      byteSize: bytes.length,
      storageKey,
    });
    await recordAudit(deps, tx, actor, {
      action: 'conversations.document-file.upload',
      subjectType: 'document',
      subjectId: documentId,
      before: before ? withoutContent(before) : null,
      after,
    });
    return after;
  });
}

function withoutContent<T extends { content?: unknown }>(row: T): Omit<T, 'content'> {
  const { content: _content, ...rest } = row;
  return rest;
}

/** Takes a language version off a document (the stored file stays: others may share it). Audited. */
export async function removeDocumentFile(
  deps: Deps,
  { actor, documentId, locale }: { actor: Actor | null; documentId: string; locale: Locale },
): Promise<void> {
  assertCan(actor, 'content.manage');
  await deps.db.transaction(async (tx) => {
    const before = await findFileOfDocument(tx, documentId, locale);
    if (!before) throw new AppError('NOT_FOUND', { document: documentId, locale });
    await deleteDocumentFile(tx, documentId, locale);
    await recordAudit(deps, tx, actor, {
      action: 'conversations.document-file.remove',
      subjectType: 'document',
      subjectId: documentId,
      before: withoutContent(before),
    });
  });
}

export interface DocumentFileDownload {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** A language version's bytes, published or not, for the secretariat to check. */
export async function readDocumentFileForAdmin(
  deps: Deps,
  { actor, documentId, locale }: { actor: Actor | null; documentId: string; locale: Locale },
): Promise<DocumentFileDownload> {
  assertCan(actor, 'content.manage');
  const file = await findFileOfDocument(deps.db, documentId, locale);
  if (!file) throw new AppError('NOT_FOUND', { document: documentId, locale });
  return { fileName: file.fileName, mediaType: file.mediaType, bytes: await bytesOfFile(deps, file) };
}

/** The bytes of a document file: in the row (demo files) or in the file store (uploads). */
export async function bytesOfFile(
  deps: Pick<Deps, 'config'>,
  file: { content: Buffer | null; storageKey: string | null },
): Promise<Buffer> {
  if (file.content) return file.content;
  if (file.storageKey) return fileStoreOf(deps.config).read(file.storageKey);
  throw new AppError('NOT_FOUND');
}
