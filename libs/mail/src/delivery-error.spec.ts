import { describe, expect, it } from '@jest/globals';
import { classifyDeliveryError, describeDeliveryError } from './delivery-error.js';

describe('classifyDeliveryError', () => {
  it.each([
    [{ responseCode: 451, code: 'EMESSAGE' }, 'temporary'],
    [{ responseCode: 421 }, 'temporary'],
    [{ responseCode: 550, code: 'EENVELOPE' }, 'permanent'],
    [{ responseCode: 554 }, 'permanent'],
    [{ code: 'ECONNECTION' }, 'temporary'],
    [{ code: 'ETIMEDOUT' }, 'temporary'],
    [{ code: 'EENVELOPE' }, 'permanent'],
    [new Error('database went away'), 'temporary'],
    ['weird', 'temporary'],
  ])('%j is %s', (error, expected) => {
    expect(classifyDeliveryError(error)).toBe(expected);
  });

  it('describes an error by code and first line', () => {
    expect(describeDeliveryError({ responseCode: 550, message: 'Mailbox unavailable\nmore' })).toBe(
      '550 Mailbox unavailable',
    );
  });
});
