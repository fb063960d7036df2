import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole HTML document from a Preact tree (Preact escapes text and attributes). */
export function renderDocument(vnode: VNode): string {
  return `<!doctype html>${renderToString(vnode)}`;
}
