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
  /**
   * Set when the back office shows a public page before (or after) it is published: the layout
   * marks it as a preview, links back to the editing page and keeps search engines out.
   */
  preview?: PagePreview;
}

export interface PagePreview {
  /** Whether the page is public now. */
  published: boolean;
  /** The back office page that edits what is previewed. */
  editHref: string;
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
