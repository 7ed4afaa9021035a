import { SMTPServer } from 'smtp-server';

/** An SMTP sink that only counts what it accepts (and when the last one came). */
export class SmtpCounter {
  count = 0;
  private server: SMTPServer | undefined;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          this.count += 1;
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Resolves with the seconds it took until `count` reached `target`, or rejects after `timeoutS`. */
  async until(target: number, timeoutS: number): Promise<number> {
    const started = performance.now();
    while (this.count < target) {
      if (performance.now() - started > timeoutS * 1000) {
        throw new Error(`only ${this.count} of ${target} mails after ${timeoutS} s`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return (performance.now() - started) / 1000;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
