import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './harness/index.js';
import { createEventFixture } from './factories/index.js';
import { freshEm, mailJobs, MY_REGISTRATION, register, seats } from './registrations-helpers.js';

describe('register', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKER: 'false' });
  });
  afterAll(() => t.close());

  it('confirms a registration, takes seats, shows the token once and enqueues the mail', async () => {
    const f = await createEventFixture(freshEm(t), { capacity: 10, phases: [[5, 5], [5]] });
    const w = f.workshops;
    const result = await register(t, {
      eventId: f.event.id,
      workshopIds: [w[1][0].id, w[0][1].id],
    });
    expect(result.__typename).toBe('RegistrationSuccess');
    const r = result.registration!;
    expect(r.status).toBe('CONFIRMED');
    expect(r.workshops.map((x) => x.number)).toEqual([2, 3]);
    expect(result.manageToken!.length).toBeGreaterThanOrEqual(22);
    expect(r.calendarUrl).toBe(
      `${t.config.publicBaseUrl}/calendar/registrations/${result.manageToken}.ics`,
    );
    expect(await seats(t, f.event.id)).toEqual({
      event: 1,
      workshop: { [w[0][0].id]: 0, [w[0][1].id]: 1, [w[1][0].id]: 1 },
    });
    const jobs = await mailJobs(t, r.id);
    expect(jobs).toEqual([
      { kind: 'registration.confirmed', registrationId: r.id, manageToken: result.manageToken },
    ]);
    const mine = await t.data<{ myRegistration: { id: string; calendarUrl: string } }>(
      MY_REGISTRATION,
      {
        token: result.manageToken,
      },
    );
    expect(mine.myRegistration.id).toBe(r.id);
  });
});
