import { hash } from 'node:crypto';

export interface CachedPage {
  body: Buffer;
  etag: string;
  contentType: string;
}

interface Entry extends CachedPage {
  expiresAt: number;
}

/**
 * Rendered public pages in memory, keyed by URL, least recently used out first.
 *
 * Entries also expire after `maxAgeMs`: some pages change with time alone ("happening now",
 * "next session") without any write to clear them.
 *
 * `generation` goes up on every clear. A render records the generation it started in and stores its
 * page only if no clear happened meanwhile, so a page built from data that changed under it is never
 * kept (docs/adr/0008-page-cache-invalidated-by-postgres-notify.md).
 */
export class PageCache {
  private readonly pages = new Map<string, Entry>();
  private gen = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get generation(): number {
    return this.gen;
  }

  get size(): number {
    return this.pages.size;
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    this.pages.delete(key);
    if (page.expiresAt <= this.now()) return undefined;
    this.pages.set(key, page); // re-inserted: now the most recently used
    return page;
  }

  /** Keeps a copy of the page's bytes (the body may be a view of a larger buffer: utf8Body). */
  set(key: string, page: CachedPage, generation: number): void {
    if (this.maxEntries === 0 || generation !== this.gen) return;
    this.pages.delete(key);
    this.pages.set(key, { ...page, body: Buffer.from(page.body), expiresAt: this.now() + this.maxAgeMs });
    if (this.pages.size > this.maxEntries) {
      const oldest = this.pages.keys().next().value;
      if (oldest !== undefined) this.pages.delete(oldest);
    }
  }

  clear(): void {
    this.gen++;
    this.pages.clear();
  }
}

/**
 * A response body's UTF-8 bytes. Rendered pages are two-byte strings (Intl's narrow spaces, the
 * language names); for those, `Buffer.from(text)` first counts the UTF-8 length, then encodes:
 * 49 µs for a 22 KB page. Encoding once into room for the worst case (3 bytes per UTF-16 unit),
 * outside Node's buffer pool, takes 29 µs. The result is a view of that larger buffer, which is
 * freed with it once written: keep a tight copy (`Buffer.from(bytes)`) to hold one for long.
 */
export function utf8Body(text: string): Buffer {
  const room = Buffer.allocUnsafeSlow(text.length * 3);
  return room.subarray(0, room.write(text));
}

/** A strong ETag from the bytes of the response (one-shot `hash`: no Hash object per response). */
export function etagOf(body: Buffer | string): string {
  return `"${hash('sha1', body, 'base64url')}"`;
}

/** True when an If-None-Match header names this ETag (or is `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
