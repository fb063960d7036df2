// The newsletter's e-mails, as pure functions of their props: HTML (Preact, escaped) and plain
// text, each in the recipient's language. The service renders them and hands them to the mailer.
import type { ComponentChildren } from 'preact';
import { languageName } from '../../../platform/i18n/format';
import { dirOf, type Locale } from '../../../platform/i18n/locales';
import type { Translate } from '../../../platform/i18n/t';

function MailDocument({
  locale,
  title,
  children,
}: {
  locale: Locale;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <html lang={locale} dir={dirOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body>{children}</body>
    </html>
  );
}

export interface ConfirmMailProps {
  t: Translate;
  locale: Locale;
  confirmUrl: string;
}

export function confirmMailSubject({ t }: Pick<ConfirmMailProps, 't'>): string {
  return t('newsletter.mail.confirm.subject', { site: t('site.name') });
}

export function ConfirmMail(props: ConfirmMailProps) {
  const { t, locale, confirmUrl } = props;
  return (
    <MailDocument locale={locale} title={confirmMailSubject(props)}>
      <p>{t('newsletter.mail.confirm.intro', { site: t('site.name') })}</p>
      <p>
        <a href={confirmUrl}>{t('newsletter.mail.confirm.action')}</a>
      </p>
      <p>{t('newsletter.mail.confirm.expiry')}</p>
      <p>{t('newsletter.mail.ignore')}</p>
    </MailDocument>
  );
}

export function confirmMailText({ t, confirmUrl }: ConfirmMailProps): string {
  return [
    t('newsletter.mail.confirm.intro', { site: t('site.name') }),
    `${t('newsletter.mail.confirm.action')}:\n${confirmUrl}`,
    t('newsletter.mail.confirm.expiry'),
    t('newsletter.mail.ignore'),
  ].join('\n\n');
}

export interface AlreadySubscribedMailProps {
  t: Translate;
  locale: Locale;
  preferencesUrl: string;
}

export function alreadySubscribedMailSubject({ t }: Pick<AlreadySubscribedMailProps, 't'>): string {
  return t('newsletter.mail.already.subject', { site: t('site.name') });
}

export function AlreadySubscribedMail(props: AlreadySubscribedMailProps) {
  const { t, locale, preferencesUrl } = props;
  return (
    <MailDocument locale={locale} title={alreadySubscribedMailSubject(props)}>
      <p>{t('newsletter.mail.already.intro', { site: t('site.name') })}</p>
      <p>
        <a href={preferencesUrl}>{t('newsletter.mail.already.action')}</a>
      </p>
      <p>{t('newsletter.mail.ignore')}</p>
    </MailDocument>
  );
}

export function alreadySubscribedMailText({ t, preferencesUrl }: AlreadySubscribedMailProps): string {
  return [
    t('newsletter.mail.already.intro', { site: t('site.name') }),
    `${t('newsletter.mail.already.action')}:\n${preferencesUrl}`,
    t('newsletter.mail.ignore'),
  ].join('\n\n');
}

export interface EditionMailProps {
  /** In the subscriber's language: the note, the footer. */
  t: Translate;
  subscriberLocale: Locale;
  /** The language the edition's text is in: the subscriber's, or the fallback. */
  contentLocale: Locale;
  subject: string;
  body: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
}

/** Paragraphs split on blank lines. */
function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/;

/** A paragraph with its lines and its web addresses made links. */
function Paragraph({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <p>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line.split(URL_PATTERN).map((part, j) => (j % 2 === 1 ? <a href={part}>{part}</a> : part))}
        </>
      ))}
    </p>
  );
}

function fallbackNote(props: EditionMailProps): string | undefined {
  const { t, subscriberLocale, contentLocale } = props;
  if (subscriberLocale === contentLocale) return undefined;
  return t('newsletter.mail.edition.fallbackNote', {
    language: languageName(subscriberLocale, subscriberLocale),
    fallbackLanguage: languageName(contentLocale, subscriberLocale),
  });
}

/** What the subscriber reads, without the document around it: also the back office's preview. */
export function EditionMailContent(props: EditionMailProps & { headingLevel?: 1 | 3 }) {
  const { t, subscriberLocale, contentLocale, subject, body } = props;
  const note = fallbackNote(props);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h1';
  return (
    <div class="edition-mail">
      {note ? (
        <p class="fallback-note" lang={subscriberLocale} dir={dirOf(subscriberLocale)}>
          {note}
        </p>
      ) : null}
      <div lang={contentLocale} dir={dirOf(contentLocale)}>
        <Heading>{subject}</Heading>
        {paragraphsOf(body).map((p, i) => (
          <Paragraph key={i} text={p} />
        ))}
      </div>
      <hr />
      <footer>
        <p>{t('newsletter.mail.edition.why', { site: t('site.name') })}</p>
        <p>
          <a href={props.preferencesUrl}>{t('newsletter.mail.edition.preferences')}</a>
          {' · '}
          <a href={props.unsubscribeUrl}>{t('newsletter.mail.edition.unsubscribe')}</a>
        </p>
      </footer>
    </div>
  );
}

export function EditionMail(props: EditionMailProps) {
  return (
    <MailDocument locale={props.subscriberLocale} title={props.subject}>
      <EditionMailContent {...props} />
    </MailDocument>
  );
}

export function editionMailText(props: EditionMailProps): string {
  const { t } = props;
  const note = fallbackNote(props);
  return [
    ...(note ? [note] : []),
    props.subject,
    ...paragraphsOf(props.body),
    '—',
    t('newsletter.mail.edition.why', { site: t('site.name') }),
    `${t('newsletter.mail.edition.preferences')}: ${props.preferencesUrl}`,
    `${t('newsletter.mail.edition.unsubscribe')}: ${props.unsubscribeUrl}`,
  ].join('\n\n');
}
