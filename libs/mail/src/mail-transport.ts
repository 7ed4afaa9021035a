import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';

/** A rendered message ready to hand to a transport. */
export type OutgoingMail = Mail.Options;

/** Where a sent message went: the SMTP response or the file it was written to. */
export interface SentMail {
  messageId: string;
  /** Path of the .eml file when no SMTP server is configured. */
  file?: string;
  response?: string;
}

/** Sends rendered mails. SMTP in production, .eml files on a newcomer's machine. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

/** nodemailer's pooled SMTP transport with timeouts that fail fast instead of hanging a worker. */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter;

  constructor(smtpUrl: string) {
    this.transporter = nodemailer.createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as unknown as Parameters<typeof nodemailer.createTransport>[0]);
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transporter.sendMail(mail);
    return { messageId: info.messageId, response: info.response };
  }

  close(): void {
    this.transporter.close();
  }
}

/** Writes each mail as an .eml file (RFC 5322), which any mail program opens. */
export class EmlFileMailTransport implements MailTransport {
  private readonly transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
  });

  constructor(private readonly dir: string) {}

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transporter.sendMail(mail);
    await mkdir(this.dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const id = info.messageId.replace(/[^A-Za-z0-9@.-]/g, '').slice(0, 80);
    const file = join(this.dir, `${stamp}-${id}.eml`);
    // written aside, then renamed: whoever watches the folder never reads half a mail
    const partial = `${file}.part`;
    await writeFile(partial, info.message as Buffer);
    await rename(partial, file);
    return { messageId: info.messageId, file };
  }

  close(): void {
    this.transporter.close();
  }
}

/** The transport the configuration asks for: SMTP when a URL is set, else files in `<dataDir>/mail`. */
export function createMailTransport(smtpUrl: string | null, dataDir: string): MailTransport {
  return smtpUrl ? new SmtpMailTransport(smtpUrl) : new EmlFileMailTransport(join(dataDir, 'mail'));
}
