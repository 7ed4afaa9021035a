import { describe, expect, it } from '@jest/globals';
import { EventStatus } from '../event-status.js';
import fc from 'fast-check';
import {
  isRegistrationOpen,
  participantMayChange,
  registrationWindow,
  windowChangesAt,
} from './registration-window.js';

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
    // the cutoff instant itself still counts, as for `register`
    expect(isRegistrationOpen(event, new Date('2026-05-27T22:00:00Z'))).toBe(true);
    expect(isRegistrationOpen(event, new Date('2026-05-27T22:00:00.001Z'))).toBe(false);
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

const closes = new Date('2030-06-01T12:00:00Z');
const opens = new Date('2030-05-01T08:00:00Z');
const published = {
  status: 'PUBLISHED' as const,
  registrationOpensAt: opens,
  registrationClosesAt: closes,
};

describe('registrationWindow', () => {
  it('is open between opening and cutoff, inclusive of the cutoff instant', () => {
    expect(registrationWindow(published, opens).state).toBe('OPEN');
    expect(registrationWindow(published, closes).state).toBe('OPEN');
    expect(registrationWindow(published, new Date(closes.getTime() + 1))).toEqual({
      state: 'CLOSED',
      closedAt: closes,
    });
    expect(registrationWindow(published, new Date(opens.getTime() - 1))).toEqual({
      state: 'NOT_OPEN',
      opensAt: opens,
    });
  });

  it('needs no opening instant', () => {
    expect(registrationWindow({ ...published, registrationOpensAt: null }, new Date(0)).state).toBe(
      'OPEN',
    );
  });

  it('refuses drafts and closes cancelled events', () => {
    expect(registrationWindow({ ...published, status: 'DRAFT' }, opens).state).toBe(
      'NOT_PUBLISHED',
    );
    const cancelledAt = new Date('2030-05-10T00:00:00Z');
    expect(registrationWindow({ ...published, status: 'CANCELLED', cancelledAt }, opens)).toEqual({
      state: 'CLOSED',
      closedAt: cancelledAt,
    });
  });

  // mutation testing (docs/quality.md, 6 December 2026)
  it('closes a cancelled event at the cutoff when it was cancelled after it', () => {
    const cancelledAt = new Date(closes.getTime() + 86_400_000);
    expect(registrationWindow({ ...published, status: 'CANCELLED', cancelledAt }, opens)).toEqual({
      state: 'CLOSED',
      closedAt: closes,
    });
    expect(
      registrationWindow({ ...published, status: 'CANCELLED', cancelledAt: null }, opens),
    ).toEqual({ state: 'CLOSED', closedAt: closes });
  });

  it('lets participants change before the opening too (nobody holds one yet: like open)', () => {
    expect(participantMayChange(published, new Date(opens.getTime() - 1))).toBe(true);
    expect(participantMayChange({ ...published, status: 'DRAFT' }, opens)).toBe(false);
  });

  it('lets participants change until the cutoff only', () => {
    expect(participantMayChange(published, closes)).toBe(true);
    expect(participantMayChange(published, new Date(closes.getTime() + 1))).toBe(false);
  });

  it('property: exactly one state at every instant, and OPEN iff opensAt <= t <= closesAt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2e12 }),
        fc.integer({ min: 0, max: 2e12 }),
        fc.integer({ min: 0, max: 2e12 }),
        (a, b, t) => {
          const [o, c] = a <= b ? [a, b] : [b, a];
          const window = registrationWindow(
            {
              status: 'PUBLISHED',
              registrationOpensAt: new Date(o),
              registrationClosesAt: new Date(c),
            },
            new Date(t),
          );
          expect(window.state === 'OPEN').toBe(o <= t && t <= c);
          if (window.state === 'CLOSED') expect(t).toBeGreaterThan(c);
          if (window.state === 'NOT_OPEN') expect(t).toBeLessThan(o);
        },
      ),
    );
  });
});

describe('windowChangesAt', () => {
  const opens = new Date('2026-05-01T00:00:00Z');
  const closes = new Date('2026-05-27T22:00:00Z');
  const event = {
    status: EventStatus.PUBLISHED,
    registrationOpensAt: opens,
    registrationClosesAt: closes,
  };

  it('is the next instant at which the clock alone opens or closes registration', () => {
    expect(windowChangesAt(event, opens.getTime() - 1)).toBe(opens.getTime());
    expect(windowChangesAt(event, opens.getTime())).toBe(closes.getTime() + 1);
    // the cutoff instant itself is still open
    expect(windowChangesAt(event, closes.getTime())).toBe(closes.getTime() + 1);
    expect(windowChangesAt(event, closes.getTime() + 1)).toBe(Infinity);
    expect(windowChangesAt({ ...event, status: EventStatus.DRAFT }, 0)).toBe(Infinity);
    expect(windowChangesAt({ ...event, status: EventStatus.CANCELLED }, 0)).toBe(Infinity);
  });
});
