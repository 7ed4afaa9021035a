import { describe, expect, it } from '@jest/globals';
import { InvalidInputError } from '@fachtag/common';
import { validateOrganizerInput } from './organizer-input.js';

const valid = { email: 'Orga@Example.org ', name: ' Erika ', password: 'x'.repeat(10) };

/** The fields an input is refused for, or [] when it is accepted. */
function refusedFields(input: typeof valid): string[] {
  try {
    validateOrganizerInput(input);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).field;
  }
}

describe('validateOrganizerInput', () => {
  it('accepts an address (normalized), a name and a password at their bounds', () => {
    expect(refusedFields(valid)).toEqual([]);
    expect(refusedFields({ ...valid, name: 'E' })).toEqual([]);
    expect(refusedFields({ ...valid, name: 'E'.repeat(200) })).toEqual([]);
    expect(refusedFields({ ...valid, password: 'p'.repeat(200) })).toEqual([]);
    // characters, not UTF-16 units: ten emoji are ten characters
    expect(refusedFields({ ...valid, password: '🔑'.repeat(10) })).toEqual([]);
  });

  it('names the field that is wrong', () => {
    expect(refusedFields({ ...valid, email: 'not-an-address' })).toEqual(['email']);
    expect(refusedFields({ ...valid, name: '   ' })).toEqual(['name']);
    expect(refusedFields({ ...valid, name: 'E'.repeat(201) })).toEqual(['name']);
    expect(refusedFields({ ...valid, password: 'p'.repeat(9) })).toEqual(['password']);
    expect(refusedFields({ ...valid, password: 'p'.repeat(201) })).toEqual(['password']);
    expect(refusedFields({ ...valid, password: '🔑'.repeat(9) })).toEqual(['password']);
  });

  it('says what is expected', () => {
    expect(() => validateOrganizerInput({ ...valid, email: 'x' })).toThrow(
      'email must be an e-mail address.',
    );
    expect(() => validateOrganizerInput({ ...valid, name: '' })).toThrow(
      'name must have 1 to 200 characters.',
    );
    expect(() => validateOrganizerInput({ ...valid, password: '' })).toThrow(
      'password must have 10 to 200 characters.',
    );
  });
});
