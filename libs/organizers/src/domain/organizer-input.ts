import {
  characterCount,
  InvalidInputError,
  isPlainEmailAddress,
  msg,
  normalizeEmail,
} from '@fachtag/common';

export { normalizeEmail };

/** Checks a new organizer's fields; throws {@link InvalidInputError} naming the field. */
export function validateOrganizerInput(input: {
  email: string;
  name: string;
  password: string;
}): void {
  if (!isPlainEmailAddress(normalizeEmail(input.email))) {
    throw new InvalidInputError(['email'], msg('organizer.email', {}));
  }
  const name = input.name.trim();
  if (characterCount(name) < 1 || characterCount(name) > 200) {
    throw new InvalidInputError(['name'], msg('organizer.name', {}));
  }
  const password = characterCount(input.password);
  if (password < 10 || password > 200) {
    throw new InvalidInputError(['password'], msg('organizer.password', {}));
  }
}
