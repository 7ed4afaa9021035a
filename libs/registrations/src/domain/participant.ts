import {
  characterCount,
  isPlainEmailAddress,
  msg,
  normalizeEmail,
  type Msg,
} from '@fachtag/common';

/** Participant data as typed by the client. */
export interface ParticipantData {
  firstName: string;
  lastName: string;
  email: string;
  organization?: string | null;
  jobTitle?: string | null;
  accessibilityNeeds?: string | null;
  dietaryNeeds?: string | null;
}

/** Participant data after validation: trimmed, empty optional texts as null. */
export interface CleanParticipant {
  firstName: string;
  lastName: string;
  email: string;
  emailNormalized: string;
  organization: string | null;
  jobTitle: string | null;
  accessibilityNeeds: string | null;
  dietaryNeeds: string | null;
}

/** A refused input field, with its path in the GraphQL input. */
export interface InputProblem {
  field: string[];
  text: Msg;
}

/** Upper bounds per field, so no text can grow the database or a mail without limit. */
export const PARTICIPANT_LIMITS = {
  firstName: 100,
  lastName: 100,
  email: 254, // RFC 5321 path limit
  organization: 200,
  jobTitle: 200,
  accessibilityNeeds: 1000,
  dietaryNeeds: 1000,
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** True when `email` is one plain address (the API's one e-mail rule, see @fachtag/common). */
export function isValidEmail(email: string): boolean {
  return isPlainEmailAddress(email);
}

export { normalizeEmail };

type TextField = keyof typeof PARTICIPANT_LIMITS;

function checkText(
  value: string | null | undefined,
  name: TextField,
  path: string[],
  required: boolean,
): InputProblem | string | null {
  const text = (value ?? '').trim();
  if (text === '')
    return required
      ? { field: [...path, name], text: msg('participant.required', { field: name }) }
      : null;
  if (characterCount(text) > PARTICIPANT_LIMITS[name]) {
    return {
      field: [...path, name],
      text: msg('participant.tooLong', { field: name, max: PARTICIPANT_LIMITS[name] }),
    };
  }
  // line breaks are fine in free texts (needs), not in names
  if (CONTROL.test(text) || (required && /[\r\n]/.test(text))) {
    return { field: [...path, name], text: msg('participant.control', { field: name }) };
  }
  return text;
}

/**
 * Validates and cleans participant data. Returns the first problem (with its
 * field path under `path`) or the cleaned data.
 */
export function validateParticipant(
  input: ParticipantData,
  path: string[] = ['participant'],
): { ok: true; value: CleanParticipant } | { ok: false; problem: InputProblem } {
  const fields: [TextField, boolean][] = [
    ['firstName', true],
    ['lastName', true],
    ['email', true],
    ['organization', false],
    ['jobTitle', false],
    ['accessibilityNeeds', false],
    ['dietaryNeeds', false],
  ];
  const clean: Record<string, string | null> = {};
  for (const [name, required] of fields) {
    const result = checkText(input[name], name, path, required);
    if (result !== null && typeof result === 'object') return { ok: false, problem: result };
    clean[name] = result;
  }
  const email = clean.email as string;
  if (!isValidEmail(email)) {
    return {
      ok: false,
      problem: { field: [...path, 'email'], text: msg('participant.email', {}) },
    };
  }
  return {
    ok: true,
    value: {
      firstName: clean.firstName as string,
      lastName: clean.lastName as string,
      email,
      emailNormalized: normalizeEmail(email),
      organization: clean.organization,
      jobTitle: clean.jobTitle,
      accessibilityNeeds: clean.accessibilityNeeds,
      dietaryNeeds: clean.dietaryNeeds,
    },
  };
}

/** The privacy notice must be accepted explicitly (GDPR Art. 7: consent is demonstrable). */
export function checkPrivacyConsent(consent: boolean): InputProblem | null {
  return consent
    ? null
    : {
        field: ['privacyConsent'],
        text: msg('participant.consent', {}),
      };
}

/** Idempotency keys: 1–200 printable characters. */
export function checkIdempotencyKey(key: string | null | undefined): InputProblem | null {
  if (key === null || key === undefined) return null;
  if (key.length < 1 || key.length > 200 || CONTROL.test(key)) {
    return {
      field: ['idempotencyKey'],
      text: msg('participant.idempotencyKey', {}),
    };
  }
  return null;
}
