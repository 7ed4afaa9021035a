import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CapacityStatus, capacityStatus, capacityWarning, seatsLeft } from './seats.js';

describe('capacityStatus', () => {
  it('turns FILLING_UP at the threshold and FULL at capacity', () => {
    expect(capacityStatus(7, 10, 0.8)).toBe(CapacityStatus.AVAILABLE);
    expect(capacityStatus(8, 10, 0.8)).toBe(CapacityStatus.FILLING_UP);
    expect(capacityStatus(9, 10, 0.8)).toBe(CapacityStatus.FILLING_UP);
    expect(capacityStatus(10, 10, 0.8)).toBe(CapacityStatus.FULL);
    expect(capacityStatus(0, 1, 1)).toBe(CapacityStatus.AVAILABLE);
    expect(capacityStatus(1000, null, 0.8)).toBe(CapacityStatus.AVAILABLE);
    // beyond capacity (a lowered capacity) is FULL too
    expect(capacityStatus(12, 10, 0.8)).toBe(CapacityStatus.FULL);
  });

  it('leaves no negative seats and no limit without a capacity', () => {
    expect(seatsLeft(3, 10)).toBe(7);
    expect(seatsLeft(12, 10)).toBe(0);
    expect(seatsLeft(5, null)).toBeNull();
  });

  it('is monotone in seats taken', () => {
    const order = [CapacityStatus.AVAILABLE, CapacityStatus.FILLING_UP, CapacityStatus.FULL];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.nat(10_000),
        (capacity, threshold, taken) =>
          order.indexOf(capacityStatus(taken, capacity, threshold)) <=
          order.indexOf(capacityStatus(taken + 1, capacity, threshold)),
      ),
    );
  });

  it('is FULL exactly when no seat is left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(2000), (capacity, taken) => {
        const full = capacityStatus(taken, capacity, 0.8) === CapacityStatus.FULL;
        return full === (seatsLeft(taken, capacity) === 0);
      }),
    );
  });
});

describe('capacityWarning', () => {
  it('speaks German by default, English for en events, nothing while available', () => {
    expect(capacityWarning(CapacityStatus.FILLING_UP, 'de')).toMatch(/^Diesen Workshop haben/);
    expect(capacityWarning(CapacityStatus.FULL, 'en')).toMatch(/fully booked/);
    expect(capacityWarning(CapacityStatus.AVAILABLE, 'de')).toBeNull();
  });

  it('has both sentences in both languages, English for any en tag, German otherwise', () => {
    expect(capacityWarning(CapacityStatus.FULL, 'de')).toMatch(/^Dieser Workshop ist ausgebucht\./);
    expect(capacityWarning(CapacityStatus.FILLING_UP, 'en')).toMatch(/^Many participants/);
    expect(capacityWarning(CapacityStatus.FULL, 'EN-GB')).toMatch(/^This workshop is fully booked/);
    expect(capacityWarning(CapacityStatus.FULL, 'fr')).toMatch(/^Dieser Workshop/);
    expect(capacityWarning(CapacityStatus.AVAILABLE, 'en')).toBeNull();
  });
});
