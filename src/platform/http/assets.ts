import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AssetUrls } from '../views/view-context';

export interface Asset {
  body: Buffer;
  contentType: string;
}

export interface Assets {
  /** Keyed by the public file name, which carries a content hash: `site.3f2a9c1d.css`. */
  files: Map<string, Asset>;
  urls: AssetUrls;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Loads the built assets (scripts/build.mjs writes them to dist/assets) into memory, each under a
 * name with its content hash, so they can be cached for a year and still change on deploy.
 * A missing directory gives no assets: pages still work, unstyled and without scripts.
 */
export function loadAssets(dir: string | undefined): Assets {
  const files = new Map<string, Asset>();
  const urls: AssetUrls = { css: '/assets/site.css', scripts: [] };
  if (!dir || !fs.existsSync(dir)) return { files, urls };
  for (const name of fs.readdirSync(dir).sort()) {
    const ext = path.extname(name);
    const contentType = TYPES[ext];
    if (!contentType) continue;
    const body = fs.readFileSync(path.join(dir, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const publicName = `${path.basename(name, ext)}.${hash}${ext}`;
    files.set(publicName, { body, contentType });
    if (name === 'site.css') urls.css = `/assets/${publicName}`;
    else if (ext === '.js') urls.scripts.push(`/assets/${publicName}`);
  }
  return { files, urls };
}
