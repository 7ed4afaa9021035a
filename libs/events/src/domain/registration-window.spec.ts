import { describe, expect, it } from '@jest/globals';
import { EventStatus } from '../event.entity.js';
import { isRegistrationOpen } from './registration-window.js';

const event = {
  status: EventStatus.PUBLISHED,
  registrationOpensAt: new Date('2026-05-01T00:00:00Z'),
  registrationClosesAt: new Date('2026-05-27T22:00:00Z'),
};

describe('isRegistrationOpen', () => {
  it('is open for published events inside the window, up to the cutoff', () => {
    expect(isRegistrationOpen(event, new Date('2026-04-30T23:59:59Z'))).toBe(false);
    expect(isRegistrationOpen(event, new Date('2026-05-01T00:00:00Z'))).toBe(true);
    expect(isRegistrationOpen(event, new Date('2026-05-27T21:59:59Z'))).toBe(true);
    expect(isRegistrationOpen(event, new Date('2026-05-27T22:00:00Z'))).toBe(false);
    expect(
      isRegistrationOpen({ ...event, registrationOpensAt: null }, new Date('2026-01-01T00:00:00Z')),
    ).toBe(true);
    expect(
      isRegistrationOpen({ ...event, status: EventStatus.DRAFT }, new Date('2026-05-10T00:00:00Z')),
    ).toBe(false);
    expect(
      isRegistrationOpen(
        { ...event, status: EventStatus.CANCELLED },
        new Date('2026-05-10T00:00:00Z'),
      ),
    ).toBe(false);
  });
});
