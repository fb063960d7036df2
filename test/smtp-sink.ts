// A real SMTP server on loopback that keeps what it receives, parsed, for tests that send mail
// (ADR 0009: no stub transport). Use one per test file:
//
//   const sink = new SmtpSink();
//   beforeAll(() => sink.start());
//   afterAll(() => sink.stop());
//   ... createTestDeps({ env: { SMTP_URL: sink.url, MAIL_POLL_INTERVAL_S: '0.5' } }) ...
//   const [mail] = await sink.waitFor(1, { to: 'ada@example.org' });
//   expect(mail.subject).toBe('…');
//
// `stop()` then `start()` brings it back on the same port, for "the server was down" tests.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail extends ParsedMail {
  /** The SMTP envelope: MAIL FROM and RCPT TO, which may differ from the headers. */
  envelope: { from: string; to: string[] };
}

export interface SmtpSinkOptions {
  /** Recipients for which this returns true are refused at RCPT TO with a permanent 550. */
  rejectRecipient?: (address: string) => boolean;
}

export class SmtpSink {
  /** Every message received since the sink was made (restarts keep them), in arrival order. */
  readonly messages: ReceivedMail[] = [];
  rejectRecipient: (address: string) => boolean;
  private server: SMTPServer | undefined;
  private port = 0;

  constructor(opts: SmtpSinkOptions = {}) {
    this.rejectRecipient = opts.rejectRecipient ?? (() => false);
  }

  /** smtp://127.0.0.1:<port>, once started. */
  get url(): string {
    if (this.port === 0) throw new Error('SmtpSink: start() it first');
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Listens on loopback: a free port the first time, the same port after a stop(). */
  async start(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      logger: false,
      authOptional: true,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
      // Plain text on loopback; a client that sees STARTTLS would try it.
      disabledCommands: ['STARTTLS'],
      // A stop() ends open client connections at once instead of after 30 s.
      closeTimeout: 50,
      onRcptTo: (address, _session, callback) => {
        if (!this.rejectRecipient(address.address)) return callback();
        callback(Object.assign(new Error('5.1.1 No such mailbox here'), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        simpleParser(stream).then(
          (parsed) => {
            this.messages.push(
              Object.assign(parsed, {
                envelope: {
                  from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                  to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
                },
              }),
            );
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    const address = server.server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.server = server;
  }

  /** Stops listening and closes open connections: clients now get "connection refused". */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * Waits until `n` messages (sent to `to`, if given) have arrived, and returns them.
   *
   * @throws when they have not arrived within `timeoutMs`.
   */
  async waitFor(n: number, opts: { to?: string; timeoutMs?: number } = {}): Promise<ReceivedMail[]> {
    const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
    const matching = () => this.messages.filter((m) => !opts.to || m.envelope.to.includes(opts.to));
    while (matching().length < n) {
      if (Date.now() > deadline) {
        throw new Error(
          `SmtpSink: ${matching().length} of ${n} messages${opts.to ? ` to ${opts.to}` : ''} arrived in ${opts.timeoutMs ?? 10_000} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return matching();
  }
}
