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
import { render, type Msg } from '@fachtag/common';
/** The result with its message texts rendered in English, as the API's default answers them. */
function english(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(english);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'text' && v !== null && typeof v === 'object' && 'key' in v) {
      out.message = render(v as Msg, 'en');
    } else out[k] = english(v);
  }
  return out;
}

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

describe('validateParticipant at its bounds (mutation testing found these unpinned)', () => {
  it('accepts every text at its limit and refuses one character more, with a clear message', () => {
    for (const [name, limit] of Object.entries(PARTICIPANT_LIMITS)) {
      if (name === 'email') continue;
      expect(validateParticipant({ ...valid, [name]: 'x'.repeat(limit) }).ok).toBe(true);
      expect(english(validateParticipant({ ...valid, [name]: 'x'.repeat(limit + 1) }))).toEqual({
        ok: false,
        problem: {
          field: ['participant', name],
          message: `${name} must be at most ${limit} characters`,
        },
      });
    }
    // characters, not UTF-16 units
    expect(validateParticipant({ ...valid, firstName: '😀'.repeat(100) }).ok).toBe(true);
    const local = 'a'.repeat(64);
    const long = `${local}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.org`;
    expect(long.length).toBe(254);
    expect(validateParticipant({ ...valid, email: long }).ok).toBe(true);
    expect(validateParticipant({ ...valid, email: `a${long}` })).toMatchObject({
      ok: false,
      problem: { field: ['participant', 'email'] },
    });
  });

  it('names a required field, control characters and a bad address under the given path', () => {
    const at = ['input', 'participant'];
    expect(english(validateParticipant({ ...valid, lastName: ' ' }, at))).toEqual({
      ok: false,
      problem: { field: [...at, 'lastName'], message: 'lastName is required' },
    });
    expect(english(validateParticipant({ ...valid, firstName: 'Eri\rka' }, at))).toEqual({
      ok: false,
      problem: { field: [...at, 'firstName'], message: 'firstName contains control characters' },
    });
    expect(english(validateParticipant({ ...valid, jobTitle: 'Lei\u0007tung' }, at))).toEqual({
      ok: false,
      problem: { field: [...at, 'jobTitle'], message: 'jobTitle contains control characters' },
    });
    expect(english(validateParticipant({ ...valid, email: 'nope' }, at))).toEqual({
      ok: false,
      problem: { field: [...at, 'email'], message: 'email is not a valid e-mail address' },
    });
    for (const c of ['\u0000', '\u0008', '\u000B', '\u000C', '\u000E', '\u001F', '\u007F']) {
      expect(validateParticipant({ ...valid, dietaryNeeds: `a${c}b` }).ok).toBe(false);
    }
    for (const c of ['\t', '\n', '\r\n']) {
      expect(validateParticipant({ ...valid, dietaryNeeds: `a${c}b` }).ok).toBe(true);
    }
  });

  it('keeps every optional text, trimmed', () => {
    const result = validateParticipant({
      ...valid,
      organization: ' Stadt ',
      jobTitle: ' Leitung ',
      accessibilityNeeds: ' Rampe ',
      dietaryNeeds: ' vegan ',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        organization: 'Stadt',
        jobTitle: 'Leitung',
        accessibilityNeeds: 'Rampe',
        dietaryNeeds: 'vegan',
      },
    });
  });
});

describe('consent and idempotency key at their bounds', () => {
  it('explains a missing consent', () => {
    expect(english(checkPrivacyConsent(false))).toEqual({
      field: ['privacyConsent'],
      message: 'privacyConsent must be true: accept the privacy notice',
    });
  });

  it('accepts 1 to 200 printable characters, or no key', () => {
    expect(checkIdempotencyKey(null)).toBeNull();
    expect(checkIdempotencyKey('k')).toBeNull();
    expect(checkIdempotencyKey('k'.repeat(200))).toBeNull();
    expect(english(checkIdempotencyKey('k\u0001'))).toEqual({
      field: ['idempotencyKey'],
      message: 'idempotencyKey must be 1 to 200 printable characters',
    });
  });
});
