import type { ComponentChildren } from 'preact';
import { languageName } from '../i18n/format';
import { dirOf } from '../i18n/locales';
import { pickText, type LocalizedText } from '../i18n/localized-text';
import type { ViewContext } from './view-context';

export interface LocalizedProps {
  ctx: ViewContext;
  text: LocalizedText | null | undefined;
  /** The element to render; a block element gets the "shown in English" note beside the text. */
  as?: 'span' | 'p' | 'div' | 'h1' | 'h2' | 'h3';
  class?: string;
  /** For empty text in every language. */
  fallback?: ComponentChildren;
}

/**
 * Organiser content in the visitor's language. When it is missing there, shows the text in the
 * language it is in (marked with lang/dir, so screen readers switch voice) and a visible note.
 */
export function Localized({
  ctx,
  text,
  as: Tag = 'span',
  class: className,
  fallback = null,
}: LocalizedProps) {
  const picked = pickText(text, ctx.locale);
  if (!picked) return <>{fallback}</>;
  if (!picked.isFallback) {
    return <Tag class={className}>{picked.text}</Tag>;
  }
  const note = (
    <span class="fallback-note" lang={ctx.locale} dir={dirOf(ctx.locale)}>
      {ctx.t('content.shownIn', { language: languageName(picked.locale, ctx.locale) })}
    </span>
  );
  return (
    <Tag class={className ? `${className} is-fallback` : 'is-fallback'}>
      <span lang={picked.locale} dir={dirOf(picked.locale)}>
        {picked.text}
      </span>{' '}
      {note}
    </Tag>
  );
}

/** The plain string, for attributes and <title>, with no note. */
export function textOf(ctx: ViewContext, text: LocalizedText | null | undefined): string {
  return pickText(text, ctx.locale)?.text ?? '';
}

/** A longer organiser text: paragraphs split on blank lines, with the same fallback note. */
export function LocalizedParagraphs({
  ctx,
  text,
}: {
  ctx: ViewContext;
  text: LocalizedText | null | undefined;
}) {
  const picked = pickText(text, ctx.locale);
  if (!picked) return null;
  const paragraphs = picked.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div class={picked.isFallback ? 'prose is-fallback' : 'prose'}>
      {picked.isFallback ? (
        <p class="fallback-note" lang={ctx.locale} dir={dirOf(ctx.locale)}>
          {ctx.t('content.shownIn', { language: languageName(picked.locale, ctx.locale) })}
        </p>
      ) : null}
      <div
        lang={picked.isFallback ? picked.locale : undefined}
        dir={picked.isFallback ? dirOf(picked.locale) : undefined}
      >
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </div>
  );
}
