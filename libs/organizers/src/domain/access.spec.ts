import { describe, expect, it } from '@jest/globals';
import {
  AccessDeniedError,
  assertAdmin,
  assertMayManage,
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
