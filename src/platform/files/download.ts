import type { FastifyReply, FastifyRequest } from 'fastify';
import { attachmentDisposition } from './content-disposition';

/**
 * A stored file's response (docs/adr/0016-file-store-and-upload-checks.md): the content type found
 * by its bytes, always an attachment with a safe name, no sniffing, and a policy that lets nothing
 * run if a browser shows it anyway. Use `downloadHeaders` as the route's onSend hook as well: the
 * app's own hook sets the pages' Content-Security-Policy on every response, and route hooks run
 * after it.
 */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; mediaType: string; bytes: Buffer },
  cacheControl: string,
): FastifyReply {
  return reply
    .type(file.mediaType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('cache-control', cacheControl)
    .send(file.bytes);
}

export async function downloadHeaders(_req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  reply.header('content-security-policy', DOWNLOAD_CSP).header('x-content-type-options', 'nosniff');
  return payload;
}
