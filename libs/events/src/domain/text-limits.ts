import { characterCount, InvalidInputError, isPlainEmailAddress, msg } from '@fachtag/common';

/** Upper bounds of organizer texts: generous for real programmes, small enough for mails. */
export const TEXT_LIMITS = {
  title: 200,
  subtitle: 300,
  description: 10_000,
  organizerName: 200,
  costNote: 2_000,
  room: 100,
  name: 200,
  affiliation: 300,
  venueField: 200,
  cancelReason: 2_000,
  speakers: 30,
} as const;

/** Throws when a required text is blank or a text has more than `max` characters (code points). */
export function checkText(
  value: string | null | undefined,
  field: string[],
  max: number,
  required = false,
): void {
  if (value === null || value === undefined) {
    if (required)
      throw new InvalidInputError(field, msg('input.required', { field: field.join('.') }));
    return;
  }
  if (required && value.trim() === '') {
    throw new InvalidInputError(field, msg('input.empty', { field: field.join('.') }));
  }
  if (characterCount(value) > max) {
    throw new InvalidInputError(field, msg('input.tooLong', { field: field.join('.'), max }));
  }
}

/** Throws unless `value` (when given) is one plain e-mail address, nothing around it. */
export function checkEmail(value: string | null | undefined, field: string[]): void {
  if (value === null || value === undefined) return;
  if (!isPlainEmailAddress(value)) {
    throw new InvalidInputError(field, msg('input.email', { field: field.join('.') }));
  }
}

/** A speaker or host list: bounded length, each with a name. */
export function checkSpeakers(
  speakers: ReadonlyArray<{ name: string; affiliation?: string | null }> | null | undefined,
  field: string,
): void {
  if (!speakers) return;
  if (speakers.length > TEXT_LIMITS.speakers) {
    throw new InvalidInputError(
      [field],
      msg('input.tooMany', { field, max: TEXT_LIMITS.speakers }),
    );
  }
  speakers.forEach((s, i) => {
    checkText(s.name, [field, String(i), 'name'], TEXT_LIMITS.name, true);
    checkText(s.affiliation, [field, String(i), 'affiliation'], TEXT_LIMITS.affiliation);
  });
}
