// A multipart/form-data body for app.inject, as a browser sends a form with a file input.
import { randomBytes } from 'node:crypto';

export interface MultipartFilePart {
  field: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** One file, or several (a form with more than one file input). */
export function multipartBody(
  fields: Record<string, string>,
  file?: MultipartFilePart | MultipartFilePart[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----colloquy${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const f of Array.isArray(file) ? file : file ? [file] : []) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.fileName}"\r\n` +
          `Content-Type: ${f.contentType}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
