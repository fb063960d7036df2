/**
 * What a file is, judged by its bytes alone (docs/adr/0016-file-store-and-upload-checks.md): never
 * by its name or the content type a browser claims. Documents the secretariat may upload are PDF,
 * Office Open XML (docx, xlsx, pptx), OpenDocument (odt, ods, odp) and the legacy Office formats
 * (doc, xls, ppt). Anything else, an executable renamed .pdf among them, is not recognised.
 */

export interface FileType {
  /** The extension a download of this type is given, without the dot. */
  extension: string;
  mediaType: string;
}

export const DOCUMENT_TYPES = {
  pdf: { extension: 'pdf', mediaType: 'application/pdf' },
  docx: {
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: { extension: 'xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: {
    extension: 'pptx',
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  },
  odt: { extension: 'odt', mediaType: 'application/vnd.oasis.opendocument.text' },
  ods: { extension: 'ods', mediaType: 'application/vnd.oasis.opendocument.spreadsheet' },
  odp: { extension: 'odp', mediaType: 'application/vnd.oasis.opendocument.presentation' },
  doc: { extension: 'doc', mediaType: 'application/msword' },
  xls: { extension: 'xls', mediaType: 'application/vnd.ms-excel' },
  ppt: { extension: 'ppt', mediaType: 'application/vnd.ms-powerpoint' },
} as const satisfies Record<string, FileType>;

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The document type of these bytes, or undefined when they are not a document we accept. */
export function detectDocumentType(bytes: Buffer): FileType | undefined {
  if (startsWith(bytes, PDF_MAGIC)) return DOCUMENT_TYPES.pdf;
  if (startsWith(bytes, ZIP_MAGIC)) return zipDocumentType(bytes);
  if (startsWith(bytes, CFB_MAGIC)) return compoundDocumentType(bytes);
  return undefined;
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}

const ODF_TYPES: Record<string, FileType> = {
  'application/vnd.oasis.opendocument.text': DOCUMENT_TYPES.odt,
  'application/vnd.oasis.opendocument.spreadsheet': DOCUMENT_TYPES.ods,
  'application/vnd.oasis.opendocument.presentation': DOCUMENT_TYPES.odp,
};

/**
 * A zip is an OpenDocument file when its first entry is `mimetype`, stored uncompressed, naming an
 * OpenDocument type (ODF 1.2 part 3, §3.3); an Office Open XML file when it has
 * `[Content_Types].xml` and the main part's folder (`word/`, `xl/`, `ppt/`). Any other zip is not a
 * document.
 */
function zipDocumentType(bytes: Buffer): FileType | undefined {
  const odf = odfMimeType(bytes);
  if (odf) return ODF_TYPES[odf];
  const names = zipEntryNames(bytes);
  if (!names || !names.includes('[Content_Types].xml')) return undefined;
  if (names.includes('word/document.xml')) return DOCUMENT_TYPES.docx;
  if (names.includes('xl/workbook.xml')) return DOCUMENT_TYPES.xlsx;
  if (names.includes('ppt/presentation.xml')) return DOCUMENT_TYPES.pptx;
  return undefined;
}

function odfMimeType(bytes: Buffer): string | undefined {
  if (bytes.length < 30) return undefined;
  const method = bytes.readUInt16LE(8);
  const size = bytes.readUInt32LE(18);
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  const name = bytes.toString('latin1', 30, 30 + nameLength);
  if (name !== 'mimetype' || method !== 0 || size > 100) return undefined;
  const start = 30 + nameLength + extraLength;
  return bytes.toString('latin1', start, start + size);
}

/** The names in a zip's central directory, or undefined when it has none that reads right. */
function zipEntryNames(bytes: Buffer): string[] | undefined {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * A Compound File Binary (the legacy Office container, also used by installers) is a Word, Excel
 * or PowerPoint file when its directory has the stream those programs keep their content in. The
 * directory holds names in UTF-16LE, so looking for the name's bytes finds the entry.
 */
function compoundDocumentType(bytes: Buffer): FileType | undefined {
  const has = (name: string) => bytes.includes(Buffer.from(name, 'utf16le'));
  if (has('WordDocument')) return DOCUMENT_TYPES.doc;
  if (has('Workbook') || has('Book')) return DOCUMENT_TYPES.xls;
  if (has('PowerPoint Document')) return DOCUMENT_TYPES.ppt;
  return undefined;
}
