import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { isLocale, negotiateLocale, type Locale } from '../i18n/locales';
import { translator, type Translate } from '../i18n/t';
import type { Site, ViewContext } from '../views/view-context';
import { renderDocument } from './render';

declare module 'fastify' {
  interface FastifyRequest {
    /** The page's language: the first path segment, or negotiated where the URL has none. */
    locale: Locale;
    t: Translate;
  }
  interface FastifyContextConfig {
    /**
     * Keep the rendered response in the page cache (public GET pages only): by path, or by path
     * and query for pages whose content depends on the query.
     */
    pageCache?: boolean | 'with-query';
  }
}

const translators = new Map<Locale, Translate>();

/** The translate function for a locale, built once. */
export function translatorFor(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = translator(locale);
    translators.set(locale, t);
  }
  return t;
}

/** The locale named by the URL's first segment, else the one Accept-Language prefers. */
export function localeOfRequest(req: FastifyRequest): Locale {
  const first = req.url.split(/[/?#]/)[1];
  return isLocale(first) ? first : negotiateLocale(req.headers['accept-language']);
}

export function setRequestLocale(req: FastifyRequest, locale: Locale): void {
  req.locale = locale;
  req.t = translatorFor(locale);
}

/** The view context of a request: its language, and its path without the locale for the switcher. */
export function viewContextOf(req: FastifyRequest, site: Site): ViewContext {
  const queryAt = req.url.indexOf('?');
  const pathOnly = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
  // Only pages whose content depends on the query keep it in their language links (a filtered
  // list stays filtered); elsewhere a stray `?utm_source=…` must not end up in a cached page.
  const keepsQuery = req.routeOptions.config.pageCache === 'with-query';
  const query = queryAt === -1 || !keepsQuery ? '' : req.url.slice(queryAt);
  const first = pathOnly.split('/')[1];
  const rest = isLocale(first) ? pathOnly.slice(first.length + 1) : pathOnly;
  return {
    locale: req.locale,
    t: req.t,
    // The query is kept: switching language on a filtered list keeps the filter.
    path: (rest === '' ? '/' : rest) + query,
    assets: site.assets,
    baseUrl: site.baseUrl,
  };
}

/** Sends a rendered page. */
export function sendPage(reply: FastifyReply, vnode: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(vnode));
}
