import { dirOf } from '../../../platform/i18n/locales';
import type { MessageKey } from '../../../platform/i18n/t';
import { mailStatus } from '../../../platform/mail/mail.tables';
import type { OutboxAttachment, OutboxMessage } from '../admin.service';
import { AdminLayout, type AdminNavLink } from '../../../platform/views/admin-layout';
import type { ViewContext } from '../../../platform/views/view-context';
import type { OutboxQuery } from '../admin.schema';
import type { OutboxPage } from '../admin.service';

const formats = new Map<string, Intl.DateTimeFormat>();
function formatAt(at: Date | null, locale: string): string {
  if (!at) return '—';
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'UTC' });
    formats.set(locale, format);
  }
  return `${format.format(at)} UTC`;
}

const statusLabel = (ctx: ViewContext, status: string) =>
  ctx.t(`admin.outbox.status.${status}` as MessageKey);

/** An attachment's name, linking to its download. */
const AttachmentLink = ({
  locale,
  messageId,
  a,
}: {
  locale: string;
  messageId: string;
  a: OutboxAttachment;
}) => (
  <a href={`/${locale}/admin/outbox/${messageId}/attachments/${a.index}`} download={a.fileName} dir="auto">
    {a.fileName}
  </a>
);

/** Kilobytes with one decimal: a confirmation's files are a few hundred bytes to a few KB. */
const sizeFormats = new Map<string, Intl.NumberFormat>();
function formatKb(bytes: number, locale: string): string {
  let format = sizeFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    sizeFormats.set(locale, format);
  }
  return format.format(Math.max(0.1, bytes / 1024));
}

/** A message's attachments: each one's name (its download), media type and size. */
function AttachmentTable({ ctx, message }: { ctx: ViewContext; message: OutboxMessage }) {
  const { t, locale } = ctx;
  return (
    <div class="table-scroll" role="region" aria-label={t('admin.outbox.attachments')} tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('admin.outbox.attachment.name')}</th>
            <th scope="col">{t('admin.outbox.attachment.type')}</th>
            <th scope="col">{t('admin.outbox.attachment.size')}</th>
          </tr>
        </thead>
        <tbody>
          {message.attachmentList.map((a) => (
            <tr key={a.index}>
              <td>
                <AttachmentLink locale={locale} messageId={message.id} a={a} />
                {a.isInline ? <> ({t('admin.outbox.attachment.inline')})</> : null}
              </td>
              <td>
                <code>{a.mediaType}</code>
              </td>
              <td>{t('admin.file.size', { kb: formatKb(a.byteSize, locale) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The outbox: a status filter with counts, then the messages newest first. */
export function OutboxListPage({
  ctx,
  nav,
  page,
  query,
}: {
  ctx: ViewContext;
  nav: AdminNavLink[];
  page: OutboxPage;
  query: OutboxQuery;
}) {
  const { t, locale } = ctx;
  const base = `/${locale}/admin/outbox`;
  const nextQuery = new URLSearchParams({
    ...(query.status ? { status: query.status } : {}),
    ...(page.nextBefore ? { before: page.nextBefore } : {}),
  });
  return (
    <AdminLayout ctx={ctx} title={t('admin.outbox.heading')} nav={nav}>
      <h1>{t('admin.outbox.heading')}</h1>
      <p>{t('admin.outbox.intro')}</p>
      <form method="get" action={base} class="filters" aria-label={t('admin.outbox.filter')}>
        <div class="field">
          <label for="outbox-status">{t('admin.outbox.statusLabel')}</label>
          <select id="outbox-status" name="status">
            <option value="">{t('admin.outbox.all')}</option>
            {mailStatus.enumValues.map((s) => (
              <option key={s} value={s} selected={query.status === s}>
                {statusLabel(ctx, s)} ({page.counts[s]})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t('admin.action.filter')}
        </button>
      </form>
      {page.messages.length === 0 ? (
        <p>{t('admin.outbox.none')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-label={t('admin.outbox.heading')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.outbox.subject')}</th>
                <th scope="col">{t('admin.outbox.statusLabel')}</th>
                <th scope="col">{t('admin.outbox.kind')}</th>
                <th scope="col">{t('admin.outbox.to')}</th>
                <th scope="col">{t('admin.outbox.created')}</th>
                <th scope="col">{t('admin.outbox.sent')}</th>
                <th scope="col">{t('admin.outbox.attempts')}</th>
                <th scope="col">{t('admin.outbox.lastError')}</th>
                <th scope="col">{t('admin.outbox.attachments')}</th>
              </tr>
            </thead>
            <tbody>
              {page.messages.map((m) => (
                <tr key={m.id}>
                  <td>
                    <a href={`${base}/${m.id}`} lang={m.locale} dir={dirOf(m.locale)}>
                      {m.subject}
                    </a>
                  </td>
                  <td>{statusLabel(ctx, m.status)}</td>
                  <td>
                    <code>{m.kind}</code>
                  </td>
                  <td>{m.toAddress}</td>
                  <td>{formatAt(m.createdAt, locale)}</td>
                  <td>{formatAt(m.sentAt, locale)}</td>
                  <td>{m.attempts}</td>
                  <td>{m.lastError ?? ''}</td>
                  <td>
                    {m.attachmentList.length > 0 ? (
                      <ul class="admin-list">
                        {m.attachmentList.map((a) => (
                          <li key={a.index}>
                            <AttachmentLink locale={locale} messageId={m.id} a={a} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextBefore ? (
        <p>
          <a href={`${base}?${nextQuery.toString()}`} rel="next">
            {t('admin.action.olderEntries')}
          </a>
        </p>
      ) : null}
    </AdminLayout>
  );
}

/**
 * One message: its envelope, its plain text, its HTML to download (never rendered here) and its
 * attachments to download.
 */
export function OutboxMessagePage({
  ctx,
  nav,
  message,
}: {
  ctx: ViewContext;
  nav: AdminNavLink[];
  message: OutboxMessage;
}) {
  const { t, locale } = ctx;
  const base = `/${locale}/admin/outbox`;
  return (
    <AdminLayout ctx={ctx} title={t('admin.outbox.message')} nav={nav}>
      <p>
        <a href={base}>{t('admin.outbox.back')}</a>
      </p>
      <h1 lang={message.locale} dir={dirOf(message.locale)}>
        {message.subject}
      </h1>
      <dl class="facts">
        <dt>{t('admin.outbox.statusLabel')}</dt>
        <dd>{statusLabel(ctx, message.status)}</dd>
        <dt>{t('admin.outbox.to')}</dt>
        <dd>{message.toAddress}</dd>
        <dt>{t('admin.outbox.kind')}</dt>
        <dd>
          <code>{message.kind}</code>
        </dd>
        <dt>{t('admin.outbox.created')}</dt>
        <dd>{formatAt(message.createdAt, locale)}</dd>
        <dt>{t('admin.outbox.sent')}</dt>
        <dd>{formatAt(message.sentAt, locale)}</dd>
        <dt>{t('admin.outbox.attempts')}</dt>
        <dd>{message.attempts}</dd>
        {message.lastError ? (
          <>
            <dt>{t('admin.outbox.lastError')}</dt>
            <dd>{message.lastError}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('admin.outbox.text')}</h2>
      <pre class="mail-text" lang={message.locale} dir={dirOf(message.locale)}>
        {message.text}
      </pre>
      <p>
        <a href={`${base}/${message.id}/message.html`} download>
          {t('admin.outbox.downloadHtml')}
        </a>
      </p>
      <h2>{t('admin.outbox.attachments')}</h2>
      {message.attachmentList.length > 0 ? (
        <AttachmentTable ctx={ctx} message={message} />
      ) : (
        <p>{t('admin.outbox.attachment.none')}</p>
      )}
    </AdminLayout>
  );
}
