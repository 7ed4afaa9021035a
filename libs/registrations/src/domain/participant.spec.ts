import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  checkIdempotencyKey,
  checkPrivacyConsent,
  isValidEmail,
  normalizeEmail,
  PARTICIPANT_LIMITS,
  validateParticipant,
} from './participant.js';

const valid = { firstName: ' Erika ', lastName: 'Mustermann', email: ' Erika@Example.ORG ' };

describe('validateParticipant', () => {
  it('trims, normalizes the e-mail and turns empty optional texts into null', () => {
    const result = validateParticipant({ ...valid, organization: '  ', jobTitle: 'Leitung' });
    expect(result).toEqual({
      ok: true,
      value: {
        firstName: 'Erika',
        lastName: 'Mustermann',
        email: 'Erika@Example.ORG',
        emailNormalized: 'erika@example.org',
        organization: null,
        jobTitle: 'Leitung',
        accessibilityNeeds: null,
        dietaryNeeds: null,
      },
    });
  });

  it.each([
    [{ firstName: '  ' }, ['participant', 'firstName']],
    [{ lastName: '' }, ['participant', 'lastName']],
    [{ email: 'not-an-address' }, ['participant', 'email']],
    [{ email: 'a@b' }, ['participant', 'email']],
    [{ email: 'a b@example.org' }, ['participant', 'email']],
    [{ email: 'a..b@example.org' }, ['participant', 'email']],
    [{ firstName: 'x'.repeat(101) }, ['participant', 'firstName']],
    [{ organization: 'x'.repeat(201) }, ['participant', 'organization']],
    [{ dietaryNeeds: 'x'.repeat(1001) }, ['participant', 'dietaryNeeds']],
    [{ lastName: 'Muster\nmann' }, ['participant', 'lastName']],
  ])('refuses %j at %j', (override, field) => {
    const result = validateParticipant({ ...valid, ...override });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.field).toEqual(field);
  });

  it('accepts line breaks in free texts', () => {
    expect(
      validateParticipant({ ...valid, accessibilityNeeds: 'Rollstuhl\nGebärdensprache' }).ok,
    ).toBe(true);
  });

  it('property: every accepted participant has bounded, trimmed texts and a lower-case key', () => {
    const text = fc.string({ maxLength: 1200 });
    fc.assert(
      fc.property(
        fc.record({ firstName: text, lastName: text, email: fc.oneof(fc.emailAddress(), text) }),
        fc.option(text),
        (p, organization) => {
          const result = validateParticipant({ ...p, organization });
          if (!result.ok) return;
          const v = result.value;
          expect(v.firstName.length).toBeGreaterThan(0);
          expect(v.firstName.length).toBeLessThanOrEqual(PARTICIPANT_LIMITS.firstName);
          expect(v.firstName).toBe(v.firstName.trim());
          expect((v.organization ?? '').length).toBeLessThanOrEqual(
            PARTICIPANT_LIMITS.organization,
          );
          expect(v.emailNormalized).toBe(v.email.toLowerCase());
          expect(isValidEmail(v.email)).toBe(true);
        },
      ),
    );
  });

  it('property: normalized addresses compare case-insensitively', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        expect(normalizeEmail(email.toUpperCase())).toBe(normalizeEmail(email));
      }),
    );
  });
});

describe('consent and idempotency key', () => {
  it('requires privacy consent', () => {
    expect(checkPrivacyConsent(true)).toBeNull();
    expect(checkPrivacyConsent(false)?.field).toEqual(['privacyConsent']);
  });

  it('bounds idempotency keys', () => {
    expect(checkIdempotencyKey(undefined)).toBeNull();
    expect(checkIdempotencyKey('k-1')).toBeNull();
    expect(checkIdempotencyKey('')?.field).toEqual(['idempotencyKey']);
    expect(checkIdempotencyKey('x'.repeat(201))?.field).toEqual(['idempotencyKey']);
  });
});
