import { escapeXml, formatXmlDateTime } from './xml';

/** One page in a sitemap, with the same page in its other languages. */
export interface SitemapUrl {
  /** An absolute URL. */
  loc: string;
  lastmod?: Date;
  /**
   * Every language version of the page, the page itself included (Google ignores a set that does not
   * point back to itself). `hreflang` is a BCP 47 tag such as `fr` or `zh-Hans`, or `x-default`.
   */
  alternates?: { hreflang: string; href: string }[];
}

/** The sitemaps.org limit per file; past it, split the URLs and list the files in a sitemap index. */
export const SITEMAP_MAX_URLS = 50_000;

/**
 * Renders an XML sitemap (sitemaps.org protocol 0.9), ready to serve as `application/xml; charset=utf-8`.
 *
 * Language versions are written as `<xhtml:link rel="alternate" hreflang="…" href="…"/>` inside each
 * `<url>`, the multilingual form Google documents. URLs are normalised with WHATWG `URL`, which
 * percent-encodes non-ASCII paths (an Arabic or Chinese slug) as the protocol requires, then
 * entity-escaped with `escapeXml`. `lastmod` is a W3C Datetime in UTC.
 *
 * @throws TypeError when a URL is not absolute.
 * @throws RangeError when there are more than 50,000 URLs (`SITEMAP_MAX_URLS`), the protocol's limit,
 *   or a date is invalid.
 */
export function renderSitemap(urls: SitemapUrl[]): string {
  if (urls.length > SITEMAP_MAX_URLS) {
    throw new RangeError(`A sitemap holds at most ${SITEMAP_MAX_URLS} URLs, got ${urls.length}`);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const url of urls) {
    lines.push('  <url>', `    <loc>${escapeXml(normalizeUrl(url.loc))}</loc>`);
    if (url.lastmod !== undefined) {
      lines.push(`    <lastmod>${formatXmlDateTime(url.lastmod)}</lastmod>`);
    }
    for (const alternate of url.alternates ?? []) {
      lines.push(
        `    <xhtml:link rel="alternate" hreflang="${escapeXml(alternate.hreflang)}" href="${escapeXml(normalizeUrl(alternate.href))}"/>`,
      );
    }
    lines.push('  </url>');
  }
  lines.push('</urlset>');
  return lines.join('\n') + '\n';
}

function normalizeUrl(url: string): string {
  return new URL(url).href;
}

/**
 * Renders robots.txt (RFC 9309): one group for every crawler (`User-agent: *`) with a `Disallow` rule
 * per path, then a `Sitemap` line (sitemaps.org). With no paths it writes an empty `Disallow:`, which
 * allows everything. Control characters are removed so a value cannot start a new line or rule.
 */
export function renderRobotsTxt(opts: { sitemapUrl: string; disallow: string[] }): string {
  const rules =
    opts.disallow.length === 0 ? ['Disallow:'] : opts.disallow.map((path) => `Disallow: ${oneLine(path)}`);
  return ['User-agent: *', ...rules, '', `Sitemap: ${oneLine(opts.sitemapUrl)}`, ''].join('\n');
}

function oneLine(value: string): string {
  return value.replace(/\p{Cc}/gu, '').trim();
}
