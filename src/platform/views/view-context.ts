import type { Locale } from '../i18n/locales';
import type { Translate } from '../i18n/t';

/** What every view needs to know about the request it renders for. */
export interface ViewContext {
  locale: Locale;
  t: Translate;
  /** The page's path and query without its locale, e.g. `/documents?session=9`; for the language switcher. */
  path: string;
  /** The site's public origin, for absolute links (hreflang alternates, canonical). */
  baseUrl: string;
  /** Public URLs of the built assets (with a content hash for caching). */
  assets: AssetUrls;
}

export interface AssetUrls {
  css: string;
  scripts: string[];
}

/** What every page of the site shares: where it lives and its assets. */
export interface Site {
  baseUrl: string;
  assets: AssetUrls;
}
