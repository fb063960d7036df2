import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Deps } from './deps';
import { accountsModule, checkCsrf } from './modules/accounts';
import { adminModule } from './modules/admin';
import { analyticsModule } from './modules/analytics';
import { auditModule } from './modules/audit';
import { conversationsModule } from './modules/conversations';
import { newsletterModule } from './modules/newsletter';
import { opinionsModule } from './modules/opinions';
import { registrationModule } from './modules/registration';
import { AppError } from './platform/errors';
import { API_PREFIX, buildOpenApiDocument, mountApiRoutes } from './platform/http/api';
import { loadAssets, type Assets } from './platform/http/assets';
import { sendError } from './platform/http/on-error';
import { etagOf, matchesEtag, PageCache, utf8Body } from './platform/http/page-cache';
import { localeOfRequest, setRequestLocale } from './platform/http/request-context';
import { isCrossSiteRequest } from './platform/http/same-origin';
import { SECURITY_HEADERS } from './platform/http/security-headers';
import type { AppModule } from './platform/http/module';
import { isLocale, negotiateLocale } from './platform/i18n/locales';
import type { Site } from './platform/views/view-context';

export interface AppOptions {
  /** Where the built client assets are (dist/assets); none in most tests. */
  assetsDir?: string;
  pageCache?: PageCache;
}

export interface App {
  app: FastifyInstance;
  pageCache: PageCache;
  assets: Assets;
  /** Every route the app serves, as registered (the permission test walks them all). */
  routes: RouteInfo[];
}

export interface RouteInfo {
  method: string;
  /** The full pattern, e.g. `/:locale/admin/sessions/:sessionId`. */
  url: string;
}

/** The feature modules, in mounting order. A new module is added here. */
export const modules: AppModule[] = [
  adminModule,
  conversationsModule,
  accountsModule,
  newsletterModule,
  registrationModule,
  auditModule,
  analyticsModule,
  opinionsModule,
];

/**
 * The URL for the log, with credentials that travel in query strings (one-time sign-in links,
 * newsletter links) cut out: a log reader must not be able to use them.
 */
function withoutSecrets(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/g, '$1…');
}

/** The logger levels at which an `info` line is written (pino's: trace < debug < info < warn …). */
const LEVELS_LOGGING_INFO = new Set(['trace', 'debug', 'info']);

const HTML_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
/** Anything not in the page cache may be someone's own page (a profile, the back office). */
const PRIVATE_CACHE_CONTROL = 'private, no-store';

/**
 * Builds the HTTP application: plugins, hooks, modules and error handling. Never listens; the
 * server (or a test, through `app.inject`) does.
 */
export async function createApp(deps: Deps, opts: AppOptions = {}): Promise<App> {
  const assets = loadAssets(opts.assetsDir);
  const site: Site = { baseUrl: deps.config.PUBLIC_URL.replace(/\/$/, ''), assets: assets.urls };
  const pageCache =
    opts.pageCache ?? new PageCache(deps.config.PAGE_CACHE_ENTRIES, deps.config.PAGE_CACHE_TTL_S * 1000);
  const app = Fastify({
    loggerInstance: deps.log,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
    frameworkErrors: (error, req, reply) => {
      setRequestLocale(req, localeOfRequest(req));
      void sendError(error, req, reply, site);
    },
  });

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url });
    }
  });

  // One log line per request, at completion, with its id: what `disableRequestLogging` replaced.
  app.addHook('onResponse', async (req, reply) => {
    // The line's fields cost a regular expression on the URL: skip them when info is not logged.
    if (!LEVELS_LOGGING_INFO.has(req.log.level)) return;
    req.log.info(
      {
        method: req.method,
        url: withoutSecrets(req.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  // Cached pages are answered before routing work is done. A miss records the cache generation
  // it started in, so the page is stored only if nothing changed while it was being rendered.
  // Pages that read no query are kept by path alone, so `?utm_source=…` and the like neither miss
  // the cache nor crowd real pages out of it.
  const pendingStores = new WeakMap<object, { key: string; generation: number }>();
  app.addHook('onRequest', async (req, reply) => {
    const mode = req.routeOptions.config.pageCache;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !mode) return;
    const key = mode === 'with-query' ? req.url : (req.url.split('?')[0] ?? req.url);
    const hit = pageCache.get(key);
    if (!hit) {
      pendingStores.set(req, { key, generation: pageCache.generation });
      return;
    }
    reply.headers(SECURITY_HEADERS).header('etag', hit.etag).header('cache-control', HTML_CACHE_CONTROL);
    reply.header('x-request-id', req.id);
    if (matchesEtag(req.headers['if-none-match'], hit.etag)) return reply.code(304).send();
    return reply.type(hit.contentType).send(hit.body);
  });

  // ETag and 304 on every successful GET; successful cacheable pages are kept.
  app.addHook('onSend', async (req, reply, payload) => {
    reply.headers(SECURITY_HEADERS).header('x-request-id', req.id);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('etag')) return payload;
    const body = typeof payload === 'string' ? utf8Body(payload) : payload;
    const etag = etagOf(body);
    reply.header('etag', etag);
    if (!reply.hasHeader('cache-control')) {
      reply.header(
        'cache-control',
        req.routeOptions.config.pageCache ? HTML_CACHE_CONTROL : PRIVATE_CACHE_CONTROL,
      );
    }
    const pending = pendingStores.get(req);
    if (pending) {
      pageCache.set(
        pending.key,
        { body, etag, contentType: String(reply.getHeader('content-type')) },
        pending.generation,
      );
    }
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      reply.code(304);
      return '';
    }
    return body;
  });

  // Forms: urlencoded bodies (multipart where a route registers it), the session cookie, rate
  // limits that routes opt into, and CSRF (docs/adr/0019-csrf.md): a post from another site's page
  // is refused outright; a signed-in browser's post must also carry its session's token.
  await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  app.addHook('preHandler', async (req) => {
    if (req.routeOptions.config.csrf === false) return;
    if (isCrossSiteRequest(req, deps.config.PUBLIC_URL)) throw new AppError('CSRF');
    await checkCsrf(deps, req);
  });

  app.setErrorHandler((error: Error, req, reply) => sendError(error, req, reply, site));
  app.setNotFoundHandler((req, reply) => sendError(new AppError('NOT_FOUND'), req, reply, site));

  app.get('/', async (req, reply) => {
    const locale = negotiateLocale(req.headers['accept-language']);
    return reply
      .header('vary', 'accept-language')
      .header('cache-control', 'private, no-cache')
      .redirect(`/${locale}/`, 302);
  });

  app.get('/assets/:name', async (req, reply) => {
    const asset = assets.files.get((req.params as { name: string }).name);
    if (!asset) throw new AppError('NOT_FOUND');
    return reply
      .type(asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await deps.db.execute(sql`SELECT 1`);
      return { status: 'ready' };
    } catch (error) {
      deps.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  const adminSections = modules.flatMap((m) => m.adminSections ?? []);
  const options = { deps, site, adminSections, modules };
  for (const module of modules) {
    if (module.siteRoutes) await app.register(module.siteRoutes, options);
    const { routes, adminRoutes } = module;
    if (!routes && !adminRoutes) continue;
    await app.register(
      async (localized) => {
        localized.addHook('onRequest', async (req) => {
          const { locale } = req.params as { locale?: string };
          if (!isLocale(locale)) {
            setRequestLocale(req, negotiateLocale(req.headers['accept-language']));
            throw new AppError('NOT_FOUND', { locale });
          }
          setRequestLocale(req, locale);
        });
        if (routes) await localized.register(routes, options);
        if (adminRoutes) await localized.register(adminRoutes, { ...options, prefix: '/admin' });
      },
      { prefix: '/:locale' },
    );
  }

  const apiRoutes = modules.flatMap((m) => m.api?.(deps) ?? []);
  mountApiRoutes(app, apiRoutes);
  const openApi = JSON.stringify(
    buildOpenApiDocument(apiRoutes, {
      title: 'Colloquy read API',
      version: '1.0.0',
      serverUrl: deps.config.PUBLIC_URL,
    }),
  );
  app.get(`${API_PREFIX}/openapi.json`, async (_req, reply) =>
    reply.type('application/json; charset=utf-8').header('access-control-allow-origin', '*').send(openApi),
  );

  return { app, pageCache, assets, routes };
}
