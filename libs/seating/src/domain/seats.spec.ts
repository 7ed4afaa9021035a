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
});
