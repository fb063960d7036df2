import { describe, expect, test } from 'vitest';
import { renderRobotsTxt, renderSitemap, SITEMAP_MAX_URLS } from './sitemap';
import { childrenNamed, parseXml, textOf, type XmlElement } from './xml-test-parser';

const LOCALES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

function languageVersions(path: string): { hreflang: string; href: string }[] {
  return [
    ...LOCALES.map((locale) => ({ hreflang: locale, href: `https://colloquy.test/${locale}${path}` })),
    { hreflang: 'x-default', href: `https://colloquy.test/en${path}` },
  ];
}

/** Each <url> as a plain object: loc, lastmod and alternates, read from the parsed document. */
function readUrls(
  urlset: XmlElement,
): { loc: string; lastmod?: string; alternates: Record<string, string>[] }[] {
  return childrenNamed(urlset, 'url').map((url) => {
    const lastmod = childrenNamed(url, 'lastmod')[0];
    return {
      loc: textOf(childrenNamed(url, 'loc')[0] ?? url),
      ...(lastmod ? { lastmod: textOf(lastmod) } : {}),
      alternates: childrenNamed(url, 'xhtml:link').map((link) => link.attributes),
    };
  });
}

describe('renderSitemap', () => {
  test('writes a well-formed sitemaps.org 0.9 urlset with the xhtml namespace', () => {
    const xml = renderSitemap([{ loc: 'https://colloquy.test/en' }]);

    const urlset = parseXml(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset ')).toBe(true);
    expect(urlset.name).toBe('urlset');
    expect(urlset.attributes).toEqual({
      xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
      'xmlns:xhtml': 'http://www.w3.org/1999/xhtml',
    });
    expect(readUrls(urlset)).toEqual([{ loc: 'https://colloquy.test/en', alternates: [] }]);
  });

  test('lists every language version of a page as xhtml:link alternates, with lastmod in UTC', () => {
    const xml = renderSitemap([
      {
        loc: 'https://colloquy.test/fr/series/forum',
        lastmod: new Date('2025-05-01T14:00:00.999+02:00'),
        alternates: languageVersions('/series/forum'),
      },
      { loc: 'https://colloquy.test/fr/about' },
    ]);

    expect(readUrls(parseXml(xml))).toEqual([
      {
        loc: 'https://colloquy.test/fr/series/forum',
        lastmod: '2025-05-01T12:00:00Z',
        alternates: [
          { rel: 'alternate', hreflang: 'ar', href: 'https://colloquy.test/ar/series/forum' },
          { rel: 'alternate', hreflang: 'zh', href: 'https://colloquy.test/zh/series/forum' },
          { rel: 'alternate', hreflang: 'en', href: 'https://colloquy.test/en/series/forum' },
          { rel: 'alternate', hreflang: 'fr', href: 'https://colloquy.test/fr/series/forum' },
          { rel: 'alternate', hreflang: 'ru', href: 'https://colloquy.test/ru/series/forum' },
          { rel: 'alternate', hreflang: 'es', href: 'https://colloquy.test/es/series/forum' },
          { rel: 'alternate', hreflang: 'x-default', href: 'https://colloquy.test/en/series/forum' },
        ],
      },
      { loc: 'https://colloquy.test/fr/about', alternates: [] },
    ]);
  });

  test('entity-escapes URLs and percent-encodes non-ASCII paths', () => {
    const xml = renderSitemap([
      {
        loc: `https://colloquy.test/en/speakers/o'neil?q=a&b=c`,
        alternates: [{ hreflang: 'ar', href: 'https://colloquy.test/ar/series/منتدى?x="<y>"' }],
      },
      { loc: 'https://colloquy.test/zh/series/论坛' },
    ]);

    expect(xml).toContain(`<loc>https://colloquy.test/en/speakers/o&apos;neil?q=a&amp;b=c</loc>`);
    expect(readUrls(parseXml(xml))).toEqual([
      {
        loc: `https://colloquy.test/en/speakers/o'neil?q=a&b=c`,
        alternates: [
          {
            rel: 'alternate',
            hreflang: 'ar',
            href: 'https://colloquy.test/ar/series/%D9%85%D9%86%D8%AA%D8%AF%D9%89?x=%22%3Cy%3E%22',
          },
        ],
      },
      { loc: 'https://colloquy.test/zh/series/%E8%AE%BA%E5%9D%9B', alternates: [] },
    ]);
  });

  test('writes an empty urlset when there are no URLs', () => {
    const xml = renderSitemap([]);

    expect(parseXml(xml)).toEqual({
      name: 'urlset',
      attributes: {
        xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
        'xmlns:xhtml': 'http://www.w3.org/1999/xhtml',
      },
      children: ['\n'],
    });
  });

  test('refuses a relative URL, which sitemaps do not allow', () => {
    expect(() => renderSitemap([{ loc: '/en/series/forum' }])).toThrow(TypeError);
  });

  test('refuses more URLs than one sitemap file may hold', () => {
    const urls = Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, i) => ({
      loc: `https://colloquy.test/en/${i}`,
    }));

    expect(() => renderSitemap(urls)).toThrow(RangeError);
    expect(() => renderSitemap(urls.slice(0, SITEMAP_MAX_URLS))).not.toThrow();
  });
});

describe('renderRobotsTxt', () => {
  test('disallows each path for every crawler and points to the sitemap', () => {
    const txt = renderRobotsTxt({
      sitemapUrl: 'https://colloquy.test/sitemap.xml',
      disallow: ['/en/admin/', '/api/'],
    });

    expect(txt).toBe(
      'User-agent: *\nDisallow: /en/admin/\nDisallow: /api/\n\nSitemap: https://colloquy.test/sitemap.xml\n',
    );
  });

  test('allows everything with an empty Disallow when no path is given', () => {
    const txt = renderRobotsTxt({ sitemapUrl: 'https://colloquy.test/sitemap.xml', disallow: [] });

    expect(txt).toBe('User-agent: *\nDisallow:\n\nSitemap: https://colloquy.test/sitemap.xml\n');
  });

  test('removes line breaks, so a value cannot add rules', () => {
    const txt = renderRobotsTxt({
      sitemapUrl: 'https://colloquy.test/sitemap.xml\nDisallow: /',
      disallow: ['/admin/\r\nAllow: /admin/'],
    });

    expect(txt.split('\n')).toEqual([
      'User-agent: *',
      'Disallow: /admin/Allow: /admin/',
      '',
      'Sitemap: https://colloquy.test/sitemap.xmlDisallow: /',
      '',
    ]);
  });
});
