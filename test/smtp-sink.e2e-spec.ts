import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMailTransport } from '@fachtag/mail';
import { SmtpSink } from './harness/index.js';

describe('the in-process SMTP server of the test harness', () => {
  const sink = new SmtpSink();
  beforeAll(() => sink.start());
  afterAll(() => sink.stop());

  it('receives what the SMTP transport sends and hands it to mailparser', async () => {
    const transport = createMailTransport(sink.url, '/nonexistent');
    await transport.send({
      from: 'Fachtag <noreply@fachtag.test>',
      to: 'teilnehmerin@example.org',
      subject: 'Anmeldung bestätigt: Transferforum',
      text: 'Grüße aus Köln',
    });
    transport.close();
    const [mail] = await sink.waitFor(1);
    expect(mail.to).toEqual(['teilnehmerin@example.org']);
    const parsed = await SmtpSink.parse(mail);
    expect(parsed.subject).toBe('Anmeldung bestätigt: Transferforum');
    expect(parsed.text?.trim()).toBe('Grüße aus Köln');
  });

  it('answers with the SMTP error it is told to', async () => {
    sink.failNext(550, 1, 'mailbox unavailable');
    const transport = createMailTransport(sink.url, '/nonexistent');
    await expect(
      transport.send({ from: 'a@fachtag.test', to: 'b@example.org', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    transport.close();
  });
});
