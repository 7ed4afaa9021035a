import { describe, expect, it } from '@jest/globals';
import { isUuid } from './ids.js';

describe('isUuid', () => {
  it('accepts UUIDs in either case', () => {
    expect(isUuid('3f0c9a52-1b2c-4d5e-8f90-0123456789ab')).toBe(true);
    expect(isUuid('3F0C9A52-1B2C-4D5E-8F90-0123456789AB')).toBe(true);
  });

  it('refuses what a uuid column would reject', () => {
    expect(isUuid('')).toBe(false);
    expect(isUuid('------------------------------------')).toBe(false);
    expect(isUuid('3f0c9a52-1b2c-4d5e-8f90-0123456789ab ')).toBe(false);
    expect(isUuid('3f0c9a521b2c4d5e8f900123456789ab')).toBe(false);
    expect(isUuid('g f0c9a52-1b2c-4d5e-8f90-0123456789a')).toBe(false);
  });
});
