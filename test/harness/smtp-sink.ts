import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** A message as the SMTP server received it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

/**
 * A real SMTP server inside the test process. `failNext` makes it answer the next
 * messages with an SMTP error (e.g. 451 temporary, 550 permanent); `stop` and
 * `start` simulate an SMTP outage on the same port.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private failures: Array<{ code: number; message: string }> = [];
  private server: SMTPServer | undefined;
  private waiters: Array<() => void> = [];
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Answers the next `times` messages with `code`. */
  failNext(code: number, times = 1, message = 'test failure'): void {
    for (let i = 0; i < times; i++) this.failures.push({ code, message });
  }

  async start(port = this.port): Promise<this> {
    this.server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const failure = this.failures.shift();
          if (failure) {
            const error = new Error(failure.message) as Error & { responseCode: number };
            error.responseCode = failure.code;
            callback(error);
            return;
          }
          const address = (a: SMTPServerAddress | false): string => (a ? a.address : '');
          this.received.push({
            from: address(session.envelope.mailFrom),
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          callback();
          this.waiters.splice(0).forEach((wake) => wake());
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until at least `count` messages arrived, or fails after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 20_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`expected ${count} mails, received ${this.received.length}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received.slice(0, count);
  }

  /** Parses a received message with mailparser, an independent MIME parser. */
  static parse(mail: ReceivedMail): Promise<ParsedMail> {
    return simpleParser(mail.raw);
  }
}
