// Registration e-mails as pure functions of their props: HTML (Preact, escaped) and plain text, in
// the registration's language. The service renders them and hands them to the mailer.
import { formatDateTimeRange } from '../../../platform/i18n/format';
import { dirOf, type Locale } from '../../../platform/i18n/locales';
import type { MessageKey, Translate } from '../../../platform/i18n/t';
import type { RegistrationMode } from '../registration.types';

/** What the message says: its subject and opening. */
export type RegistrationMailKind =
  'confirmed' | 'waitlisted' | 'pending' | 'promoted' | 'declined' | 'reminder';

export interface RegistrationMailProps {
  t: Translate;
  locale: Locale;
  kind: RegistrationMailKind;
  /** "Ninth session: Title" in the recipient's language. */
  sessionName: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  mode: RegistrationMode;
  checkInCode: string;
  sessionUrl: string;
  calendarUrl: string;
  /** The page that records online attendance and sends on to the livestream. */
  joinUrl: string;
  cancelUrl: string;
  /** The check-in QR code's inline image (`cid:`), attached to onsite messages that give a place. */
  qrCid?: string;
}

const SUBJECT: Record<RegistrationMailKind, MessageKey> = {
  confirmed: 'registration.mail.confirmed.subject',
  waitlisted: 'registration.mail.waitlisted.subject',
  pending: 'registration.mail.pending.subject',
  promoted: 'registration.mail.promoted.subject',
  declined: 'registration.mail.declined.subject',
  reminder: 'registration.mail.reminder.subject',
};
const INTRO: Record<RegistrationMailKind, MessageKey> = {
  confirmed: 'registration.mail.confirmed.intro',
  waitlisted: 'registration.mail.waitlisted.intro',
  pending: 'registration.mail.pending.intro',
  promoted: 'registration.mail.promoted.intro',
  declined: 'registration.mail.declined.intro',
  reminder: 'registration.mail.reminder.intro',
};
const MODE: Record<RegistrationMode, MessageKey> = {
  onsite: 'registration.mode.onsite',
  online: 'registration.mode.online',
};

export function registrationMailSubject({ t, kind, sessionName }: RegistrationMailProps): string {
  return t(SUBJECT[kind], { session: sessionName });
}

/** A confirmed place: the check-in code (onsite) or the join link (online) is worth showing. */
export const holdsPlace = (kind: RegistrationMailKind) =>
  kind === 'confirmed' || kind === 'promoted' || kind === 'reminder';

function when(p: RegistrationMailProps): string {
  return `${formatDateTimeRange(p.startsAt, p.endsAt, p.locale, p.timeZone)} (${p.timeZone})`;
}

export function RegistrationMail(props: RegistrationMailProps) {
  const { t, locale, kind } = props;
  const subject = registrationMailSubject(props);
  return (
    <html lang={locale} dir={dirOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{subject}</title>
      </head>
      <body>
        <p>{t(INTRO[kind], { session: props.sessionName })}</p>
        <ul>
          <li>
            {t('registration.mail.when')}: {when(props)}
          </li>
          <li>
            {t('registration.mail.mode')}: {t(MODE[props.mode])}
          </li>
        </ul>
        {holdsPlace(kind) && props.mode === 'onsite' ? (
          <p>
            {t('registration.mail.checkInCode')}:{' '}
            <strong style="font-family: monospace; font-size: 1.5em; letter-spacing: 0.15em">
              {props.checkInCode}
            </strong>
          </p>
        ) : null}
        {holdsPlace(kind) && props.mode === 'onsite' && props.qrCid ? (
          <p>
            <img
              src={`cid:${props.qrCid}`}
              width={200}
              height={200}
              alt={t('registration.qr.alt', { code: props.checkInCode })}
            />
          </p>
        ) : null}
        {holdsPlace(kind) && props.mode === 'online' ? (
          <p>
            <a href={props.joinUrl}>{t('registration.mail.join')}</a>
          </p>
        ) : null}
        {kind !== 'declined' ? (
          <p>
            <a href={props.calendarUrl}>{t('registration.mail.calendar')}</a>
          </p>
        ) : null}
        <p>
          <a href={props.sessionUrl}>{t('registration.mail.sessionPage')}</a>
        </p>
        {kind !== 'declined' ? (
          <p>
            <a href={props.cancelUrl}>{t('registration.mail.cancel')}</a>
          </p>
        ) : null}
      </body>
    </html>
  );
}

export function registrationMailText(props: RegistrationMailProps): string {
  const { t, kind } = props;
  const parts = [
    t(INTRO[kind], { session: props.sessionName }),
    `${t('registration.mail.when')}: ${when(props)}\n${t('registration.mail.mode')}: ${t(MODE[props.mode])}`,
  ];
  if (holdsPlace(kind) && props.mode === 'onsite')
    parts.push(`${t('registration.mail.checkInCode')}: ${props.checkInCode}`);
  if (holdsPlace(kind) && props.mode === 'online')
    parts.push(`${t('registration.mail.join')}:\n${props.joinUrl}`);
  if (kind !== 'declined') parts.push(`${t('registration.mail.calendar')}:\n${props.calendarUrl}`);
  parts.push(`${t('registration.mail.sessionPage')}:\n${props.sessionUrl}`);
  if (kind !== 'declined') parts.push(`${t('registration.mail.cancel')}:\n${props.cancelUrl}`);
  return parts.join('\n\n');
}
