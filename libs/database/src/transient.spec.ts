import { describe, expect, it } from '@jest/globals';
import { isTransientLockFailure, retryTransient, TRANSIENT_ATTEMPTS } from './transient.js';

const RACE = 'new multixact has more than one updating member: 0 2[5 (nokeyupd), 7 (nokeyupd)]';
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('isTransientLockFailure', () => {
  it("recognizes PostgreSQL's multixact race, also as a driver exception's cause", () => {
    expect(isTransientLockFailure(pgError('XX000', RACE))).toBe(true);
    expect(isTransientLockFailure(Object.assign(new Error(RACE), { sqlState: 'XX000' }))).toBe(
      true,
    );
    expect(isTransientLockFailure(new Error('wrapped', { cause: pgError('XX000', RACE) }))).toBe(
      true,
    );
  });

  it('leaves every other failure alone: other internal errors, deadlocks, anything else', () => {
    expect(isTransientLockFailure(pgError('XX000', 'could not open file'))).toBe(false);
    expect(isTransientLockFailure(pgError('40P01', 'deadlock detected'))).toBe(false);
    expect(isTransientLockFailure(pgError('40001', RACE))).toBe(false);
    expect(isTransientLockFailure(new Error(RACE))).toBe(false);
    expect(isTransientLockFailure(null)).toBe(false);
    expect(isTransientLockFailure('XX000')).toBe(false);
  });
});

describe('retryTransient', () => {
  it('runs the work again after a transient failure and answers its result', async () => {
    let calls = 0;
    const result = await retryTransient(async () => {
      calls += 1;
      if (calls < 3) throw pgError('XX000', RACE);
      return 'done';
    });
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it(`gives up after ${TRANSIENT_ATTEMPTS} tries with the last failure`, async () => {
    let calls = 0;
    const work = async () => {
      calls += 1;
      throw pgError('XX000', `${RACE} #${calls}`);
    };
    await expect(retryTransient(work)).rejects.toThrow(`#${TRANSIENT_ATTEMPTS}`);
    expect(calls).toBe(TRANSIENT_ATTEMPTS);
  });

  it('throws any other failure at once', async () => {
    let calls = 0;
    const work = async () => {
      calls += 1;
      throw pgError('40P01', 'deadlock detected');
    };
    await expect(retryTransient(work)).rejects.toThrow('deadlock detected');
    expect(calls).toBe(1);
  });
});
