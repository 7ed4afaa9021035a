import { describe, expect, it } from '@jest/globals';
import { EventStatus } from '@fachtag/events';
import { RegistrationStatus } from '../registration.entity.js';
import { currentMailKind } from './current-kind.js';

const { CONFIRMED, WAITLISTED, CANCELLED } = RegistrationStatus;

describe('currentMailKind', () => {
  it.each([
    ['registration.confirmed', CONFIRMED, 'registration.confirmed'],
    ['registration.confirmed', CANCELLED, null],
    ['registration.waitlisted', WAITLISTED, 'registration.waitlisted'],
    ['registration.waitlisted', CONFIRMED, 'registration.confirmed'],
    ['registration.waitlisted', CANCELLED, null],
    ['registration.promoted', CANCELLED, null],
    ['registration.changed', WAITLISTED, 'registration.changed'],
    ['registration.changed', CANCELLED, null],
    ['registration.link', WAITLISTED, 'registration.link'],
    ['registration.link', CANCELLED, null],
    ['registration.cancelled', CANCELLED, 'registration.cancelled'],
    ['registration.cancelled', CONFIRMED, null],
    ['agenda.changed', WAITLISTED, null],
    ['event.cancelled', WAITLISTED, 'event.cancelled'],
  ] as const)('%s while %s → %s', (kind, status, expected) => {
    expect(currentMailKind(kind, status)).toBe(expected);
  });

  it.each([
    ['registration.confirmed', CONFIRMED, null],
    ['registration.promoted', CONFIRMED, null],
    ['registration.waitlisted', WAITLISTED, null],
    ['registration.changed', CONFIRMED, null],
    ['agenda.changed', CONFIRMED, null],
    ['registration.link', CONFIRMED, null],
    ['event.cancelled', CONFIRMED, 'event.cancelled'],
    ['registration.cancelled', CANCELLED, 'registration.cancelled'],
  ] as const)('%s while %s of a cancelled event → %s', (kind, status, expected) => {
    expect(currentMailKind(kind, status, EventStatus.CANCELLED)).toBe(expected);
  });
});
