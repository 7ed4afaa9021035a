import { describe, expect, it } from '@jest/globals';
import type { MailJob } from './mail-job.js';
import { mailJobPayload } from './mail-queue.js';

describe('mailJobPayload', () => {
  it('copies the fields a job may carry', () => {
    expect(
      mailJobPayload({
        kind: 'registration.cancelled',
        registrationId: 'r1',
        byOrganizer: true,
        droppedWorkshopIds: ['w1'],
        reason: null,
        wishedWorkshopIds: ['w2'],
      }),
    ).toEqual({
      kind: 'registration.cancelled',
      registrationId: 'r1',
      byOrganizer: true,
      droppedWorkshopIds: ['w1'],
      reason: null,
      wishedWorkshopIds: ['w2'],
    });
    expect(mailJobPayload({ kind: 'agenda.changed', registrationId: 'r2' })).toEqual({
      kind: 'agenda.changed',
      registrationId: 'r2',
    });
  });

  it('drops anything else, a manage token above all', () => {
    const sneaky = {
      kind: 'registration.confirmed',
      registrationId: 'r1',
      manageToken: 'secret-token',
      email: 'erika@example.org',
    } as MailJob;
    const payload = mailJobPayload(sneaky);
    expect(payload).toEqual({ kind: 'registration.confirmed', registrationId: 'r1' });
    expect(JSON.stringify(payload)).not.toContain('secret');
  });
});
