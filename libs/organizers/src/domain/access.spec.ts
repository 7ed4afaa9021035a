import { describe, expect, it } from '@jest/globals';
import {
  AccessDeniedError,
  assertAdmin,
  assertMayManage,
  mayManage,
  NotAuthenticatedError,
} from './access.js';

const owner = { id: 'a', isAdmin: false };
const other = { id: 'b', isAdmin: false };
const admin = { id: 'c', isAdmin: true };

describe('assertMayManage', () => {
  it('lets the owner and admins manage, refuses others and anonymous callers', () => {
    expect(assertMayManage(owner, 'a')).toBe(owner);
    expect(assertMayManage(admin, 'a')).toBe(admin);
    expect(() => assertMayManage(other, 'a')).toThrow(AccessDeniedError);
    expect(() => assertMayManage(null, 'a')).toThrow(NotAuthenticatedError);
  });
});

describe('assertAdmin', () => {
  it('admits admins only', () => {
    expect(assertAdmin(admin)).toBe(admin);
    expect(() => assertAdmin(owner)).toThrow(AccessDeniedError);
    expect(() => assertAdmin(null)).toThrow(NotAuthenticatedError);
  });
});

describe('mayManage and the errors', () => {
  it('answers false for anonymous callers and other organizers, without throwing', () => {
    expect(mayManage(null, 'a')).toBe(false);
    expect(mayManage(other, 'a')).toBe(false);
    expect(mayManage(owner, 'a')).toBe(true);
    expect(mayManage(admin, 'a')).toBe(true);
  });

  it('names the errors and says what to do', () => {
    expect(() => assertMayManage(null, 'a')).toThrow(
      expect.objectContaining({
        name: 'NotAuthenticatedError',
        message: 'Log in as an organizer first (Authorization: Bearer <accessToken>).',
      }),
    );
    expect(() => assertMayManage(other, 'a')).toThrow(
      expect.objectContaining({
        name: 'AccessDeniedError',
        message: 'This organizer may not manage that event.',
      }),
    );
    expect(() => assertAdmin(owner)).toThrow('Only an admin organizer may do this.');
  });
});
