import { renderToString } from 'preact-render-to-string';
import type { OutgoingMail } from '../../../platform/mail/mailer';
import { dirOf, type Locale } from '../../../platform/i18n/locales';
import type { Translate } from '../../../platform/i18n/t';

/**
 * The sign-in e-mail, in the language of the page it was asked for from: the one-time link, and
 * the code for reading mail on another device. Plain text and HTML say the same.
 */
export function signInMail(args: {
  to: string;
  locale: Locale;
  t: Translate;
  link: string;
  code: string;
  minutes: number;
}): OutgoingMail {
  const { t, locale, link, code, minutes } = args;
  const site = t('site.name');
  const subject = t('accounts.mail.subject', { site });
  const intro = t('accounts.mail.intro', { site });
  const linkLine = t('accounts.mail.link', { minutes });
  const codeLine = t('accounts.mail.code');
  const ignore = t('accounts.mail.ignore');
  // The code is shown with a thin space in the middle in neither part: people copy it.
  const text = [intro, '', linkLine, link, '', codeLine, code, '', ignore, '', `— ${site}`].join('\n');
  const html = `<!doctype html>${renderToString(
    <html lang={locale} dir={dirOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <title>{subject}</title>
      </head>
      <body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 36rem">
        <p>{intro}</p>
        <p>{linkLine}</p>
        <p>
          <a href={link} style="font-weight: bold">
            {t('accounts.mail.button')}
          </a>
        </p>
        <p>{codeLine}</p>
        <p style="font-size: 1.75rem; letter-spacing: 0.2em; font-family: monospace" dir="ltr">
          {code}
        </p>
        <p>{ignore}</p>
        <p>— {site}</p>
      </body>
    </html>,
  )}`;
  return { to: args.to, locale, subject, text, html, kind: 'accounts.sign-in' };
}
