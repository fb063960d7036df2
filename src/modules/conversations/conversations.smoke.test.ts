import { describe, expect } from 'vitest';
import { createApp } from '../../app';
import { dbTest as test } from '../../../test/test-deps';
import en from '../../platform/i18n/messages/en.json' with { type: 'json' };
import { LOCALES } from '../../platform/i18n/locales';
import { seedDemo } from './demo/seed-demo';

// Every public page of the demo, in all six languages: it renders, it says which language it is
// in, Arabic is right to left, and no raw message key leaks onto the page.
const SERIES = '/series/ip-frontier-technologies';
const PAGES = [
  '/',
  SERIES,
  `${SERIES}/sessions/9`,
  `${SERIES}/sessions/2`,
  `${SERIES}/themes/artificial-intelligence-and-ip`,
  '/speakers',
  '/documents',
  '/documents?session=9&kind=agenda',
];
const KEYS = Object.keys(en);

describe('every public page in every language', () => {
  test('renders with lang, dir and no raw message keys', async ({ deps }) => {
    await seedDemo(deps.db, deps.clock);
    const { app } = await createApp(deps);
    const speakerSlug = /href="\/en\/speakers\/([a-z0-9-]+)"/.exec(
      (await app.inject('/en/speakers')).body,
    )?.[1];
    const pages = [...PAGES, `/speakers/${speakerSlug}`];

    const problems: string[] = [];
    for (const locale of LOCALES) {
      for (const page of pages) {
        const url = `/${locale}${page === '/' ? '/' : page}`;
        const res = await app.inject(url);
        const text = res.body.replace(/<[^>]+>/g, ' ');
        if (res.statusCode !== 200) problems.push(`${url}: ${res.statusCode}`);
        if (!res.body.includes(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`)) {
          problems.push(`${url}: wrong <html lang dir>`);
        }
        const leaked = KEYS.filter((key) => text.includes(key));
        if (leaked.length > 0) problems.push(`${url}: raw keys ${leaked.join(', ')}`);
      }
    }

    expect(problems).toEqual([]);
  });

  test('the feed, the sitemap and robots.txt list the demo sessions', async ({ deps }) => {
    await seedDemo(deps.db, deps.clock);
    const { app } = await createApp(deps);

    const feed = await app.inject('/fr/feed.atom');
    const sitemap = await app.inject('/sitemap.xml');
    const robots = await app.inject('/robots.txt');

    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(feed.body.match(/<entry>/g)).toHaveLength(12);
    expect(feed.body).toContain('xml:lang="fr"');
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.body).toContain(`<loc>http://localhost:3000/ar${SERIES}/sessions/9</loc>`);
    expect(sitemap.body).toContain(`hreflang="zh" href="http://localhost:3000/zh${SERIES}/sessions/9"`);
    expect(robots.body).toContain('Sitemap: http://localhost:3000/sitemap.xml');
  });
});
