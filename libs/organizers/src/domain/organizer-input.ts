import { InvalidInputError } from '@fachtag/common';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** E-mail addresses are compared case-insensitively: stored trimmed and lower-case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks a new organizer's fields; throws {@link InvalidInputError} naming the field. */
export function validateOrganizerInput(input: {
  email: string;
  name: string;
  password: string;
}): void {
  if (!EMAIL.test(normalizeEmail(input.email)) || input.email.length > 254) {
    throw new InvalidInputError(['email'], 'email must be an e-mail address.');
  }
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) {
    throw new InvalidInputError(['name'], 'name must have 1 to 200 characters.');
  }
  if (input.password.length < 10 || input.password.length > 200) {
    throw new InvalidInputError(['password'], 'password must have 10 to 200 characters.');
  }
}
