import type { FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether an unsafe request (a form post) was sent by a page of another site (docs/adr/0019-csrf.md).
 * Browsers say so in `Sec-Fetch-Site`; older ones at least send `Origin`, which must then be this
 * site's. A request with neither comes from no browser (curl, a mail client's one-click
 * unsubscribe), which no other site can make a visitor's browser send.
 */
export function isCrossSiteRequest(req: FastifyRequest, publicUrl: string): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const fetchSite = req.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return false;
  if (origin === 'null') return true;
  return origin !== new URL(publicUrl).origin && origin !== `${req.protocol}://${req.host}`;
}
