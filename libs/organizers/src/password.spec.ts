import { describe, expect, it, jest } from '@jest/globals';

// Every argon2 verification the code does, recorded by a wrapper around the real one.
const argon2 = await import('@node-rs/argon2');
const verified: string[] = [];
jest.unstable_mockModule('@node-rs/argon2', () => ({
  ...argon2,
  verify: (hash: string, password: string) => {
    verified.push(hash);
    return argon2.verify(hash, password);
  },
}));
const { hashPassword, verifyPassword } = await import('./password.js');

/** The parameters part of a PHC string: algorithm, version, memory, passes, lanes. */
const parameters = (phc: string) => phc.split('$').slice(1, 4).join('$');

describe('password hashing', () => {
  it('uses argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'wrong horse battery')).toBe(false);
  });

  it('answers false without a hash, after doing the same work: one verification with the same parameters', async () => {
    const hash = await hashPassword('correct horse battery');
    verified.length = 0;
    expect(await verifyPassword(hash, 'wrong horse battery')).toBe(false);
    expect(await verifyPassword(null, 'wrong horse battery')).toBe(false);
    expect(verified).toHaveLength(2);
    expect(parameters(verified[1])).toBe(parameters(verified[0]));
    expect(parameters(verified[0])).toBe('argon2id$v=19$m=19456,t=2,p=1');
    // and the dummy hash accepts nothing, not even its own password
    expect(await verifyPassword(null, 'not-a-real-password-only-for-timing')).toBe(false);
  });
});
