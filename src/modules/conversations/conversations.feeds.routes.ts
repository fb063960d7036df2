import type { FastifyPluginAsync } from 'fastify';
import { renderAtomFeed } from '../../platform/formats/atom';
import { renderRobotsTxt, renderSitemap, type SitemapUrl } from '../../platform/formats/sitemap';
import type { PageRouteOptions } from '../../platform/http/module';
import { LOCALES } from '../../platform/i18n/locales';
import { pickText } from '../../platform/i18n/localized-text';
import { getPublicIndex, getSeriesHome } from './conversations.service';

const cached = { config: { pageCache: true } };

/** Every public page in every language, with its language versions as alternates. */
function localizedUrls(base: string, path: string, lastmod?: Date): SitemapUrl[] {
  const alternates = [
    ...LOCALES.map((l) => ({ hreflang: l, href: `${base}/${l}${path}` })),
    { hreflang: 'x-default', href: `${base}/en${path}` },
  ];
  return LOCALES.map((l) => ({ loc: `${base}/${l}${path}`, lastmod, alternates }));
}

/** /sitemap.xml and /robots.txt: outside any locale. */
export const conversationsSiteRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, { deps, site }) => {
  const base = site.baseUrl; // PUBLIC_URL without a trailing slash

  app.get('/sitemap.xml', cached, async (_req, reply) => {
    const index = await getPublicIndex(deps);
    const urls: SitemapUrl[] = [
      ...localizedUrls(base, '/'),
      ...localizedUrls(base, '/documents'),
      ...localizedUrls(base, '/speakers'),
    ];
    for (const { series, themes, sessions, speakers } of index.series) {
      urls.push(...localizedUrls(base, `/series/${series.slug}`, series.updatedAt));
      for (const theme of themes)
        urls.push(...localizedUrls(base, `/series/${series.slug}/themes/${theme.slug}`, theme.updatedAt));
      for (const s of sessions)
        urls.push(...localizedUrls(base, `/series/${series.slug}/sessions/${s.number}`, s.updatedAt));
      for (const speaker of speakers)
        urls.push(...localizedUrls(base, `/speakers/${speaker.slug}`, speaker.updatedAt));
    }
    const unique = [...new Map(urls.map((u) => [u.loc, u])).values()];
    return reply.type('application/xml; charset=utf-8').send(renderSitemap(unique));
  });

  app.get('/robots.txt', cached, async (_req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(renderRobotsTxt({ sitemapUrl: `${base}/sitemap.xml`, disallow: ['/api/', '/*/admin/'] })),
  );
};

/** /:locale/feed.atom: the sessions of the primary series, newest first, in the feed's language. */
export const conversationsFeedRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, { deps, site }) => {
  const base = site.baseUrl; // PUBLIC_URL without a trailing slash

  app.get('/feed.atom', cached, async (req, reply) => {
    const { locale, t } = req;
    const home = await getSeriesHome(deps, {});
    const text = (value: Parameters<typeof pickText>[0]) => pickText(value, locale)?.text ?? '';
    const sessions = home.themes
      .flatMap((g) => g.sessions)
      .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
    const updated = sessions.reduce(
      (latest, s) => (s.updatedAt > latest ? s.updatedAt : latest),
      home.series.updatedAt,
    );
    const xml = renderAtomFeed({
      id: `${base}/${locale}/feed.atom`,
      title: `${text(home.series.title)} — ${t('feed.title')}`,
      subtitle: text(home.series.summary),
      lang: locale,
      selfUrl: `${base}/${locale}/feed.atom`,
      alternateUrl: `${base}/${locale}/`,
      updated,
      author: { name: text(home.series.organiser) || t('site.name') },
      entries: sessions.map((s) => {
        const url = `${base}/${locale}/series/${home.series.slug}/sessions/${s.number}`;
        const title = pickText(s.title, locale);
        return {
          id: url,
          title: `${t('session.number', { number: s.number })}: ${title?.text ?? ''}`,
          url,
          updated: s.updatedAt,
          published: s.startsAt,
          summary: text(s.subject) || text(s.description),
          lang: title?.locale ?? locale,
        };
      }),
    });
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });
};
