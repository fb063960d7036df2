import nodemailer from 'nodemailer';
import type { OutboxMail } from './outbox.repo';

export interface SmtpOptions {
  /** smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://… (TLS). */
  url: string;
  /** The From header and envelope sender: `Colloquy <no-reply@example.org>`. */
  from: string;
  /** Connections kept open to the server, used in parallel. */
  maxConnections: number;
}

/** One SMTP server, through a pool of connections (nodemailer). */
export class SmtpTransport {
  private readonly transport;
  private readonly messageIdDomain: string;

  constructor(private readonly opts: SmtpOptions) {
    this.transport = nodemailer.createTransport({
      url: opts.url,
      pool: true,
      maxConnections: opts.maxConnections,
      // Bounded well below the queue's job expiry (300 s), so a hung server fails the attempt
      // instead of leaving the job to expire.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
      // Keep idle connections a little while between batches, then let the server rest.
      idleTimeout: 30_000,
    });
    this.messageIdDomain = domainOf(opts.from);
  }

  /**
   * Sends one outbox message. Its Message-ID is made from the outbox id, so the rare message
   * sent twice (the process died between the server's acceptance and our record of it) carries
   * the same Message-ID both times and receiving systems can tell.
   *
   * @throws the SMTP or connection error (nodemailer's, with `responseCode` when the server
   * answered).
   */
  async send(mail: OutboxMail): Promise<void> {
    await this.transport.sendMail({
      from: this.opts.from,
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.id}@${this.messageIdDomain}>`,
      headers: { ...mail.headers, 'Content-Language': mail.locale },
      attachments: mail.attachments?.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.contentBase64, 'base64'),
        ...(a.cid ? { cid: a.cid, contentDisposition: 'inline' as const } : {}),
      })),
    });
  }

  close(): void {
    this.transport.close();
  }
}

/** The domain of the address in `Name <user@domain>` or `user@domain`. */
export function domainOf(address: string): string {
  const bare = /<([^>]+)>/.exec(address)?.[1] ?? address;
  return bare.slice(bare.lastIndexOf('@') + 1).trim() || 'localhost';
}
