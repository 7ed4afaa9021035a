import { describe, expect, it } from '@jest/globals';
import { signAccessToken, verifyAccessToken } from './tokens.js';

const secret = 'a-test-secret-of-at-least-32-characters';

describe('access tokens', () => {
  it('name the organizer for 12 hours, then expire', async () => {
    const issued = new Date('2026-06-19T07:00:00Z');
    const token = await signAccessToken('org-1', secret, issued);
    expect(await verifyAccessToken(token, secret, new Date('2026-06-19T18:59:00Z'))).toBe('org-1');
    expect(await verifyAccessToken(token, secret, new Date('2026-06-19T19:01:00Z'))).toBeNull();
  });

  it('refuse tokens signed with another secret or tampered with', async () => {
    const token = await signAccessToken('org-1', secret);
    expect(await verifyAccessToken(token, 'another-secret-of-at-least-32-chars!!')).toBeNull();
    expect(await verifyAccessToken(token.slice(0, -2) + 'xx', secret)).toBeNull();
    expect(await verifyAccessToken('garbage', secret)).toBeNull();
  });
});
