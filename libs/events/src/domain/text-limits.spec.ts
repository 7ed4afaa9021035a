import { describe, expect, it } from '@jest/globals';
import { InvalidInputError } from '@fachtag/common';
import { checkEmail, checkSpeakers, checkText, TEXT_LIMITS } from './text-limits.js';

/** The field and message a check refuses with, or null when it accepts. */
function refusal(check: () => void): { field: string[]; message: string } | null {
  try {
    check();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    const e = error as InvalidInputError;
    return { field: e.field, message: e.message };
  }
}

describe('checkText', () => {
  it('lets an absent optional text pass, and refuses an absent or blank required one', () => {
    expect(refusal(() => checkText(null, ['input', 'room'], 10))).toBeNull();
    expect(refusal(() => checkText(undefined, ['input', 'room'], 10))).toBeNull();
    expect(refusal(() => checkText('  ', ['input', 'room'], 10))).toBeNull();
    expect(refusal(() => checkText(undefined, ['input', 'title'], 10, true))).toEqual({
      field: ['input', 'title'],
      message: 'input.title is required.',
    });
    expect(refusal(() => checkText(' \t ', ['input', 'title'], 10, true))).toEqual({
      field: ['input', 'title'],
      message: 'input.title must not be empty.',
    });
  });

  it('counts characters, not UTF-16 units, up to and including the limit', () => {
    expect(refusal(() => checkText('x'.repeat(10), ['t'], 10, true))).toBeNull();
    expect(refusal(() => checkText('🎤'.repeat(10), ['t'], 10, true))).toBeNull();
    expect(refusal(() => checkText('x'.repeat(11), ['a', 'b'], 10))).toEqual({
      field: ['a', 'b'],
      message: 'a.b must have at most 10 characters.',
    });
  });
});

describe('checkEmail', () => {
  it('accepts none or one plain address, and refuses anything around it', () => {
    expect(refusal(() => checkEmail(null, ['contactEmail']))).toBeNull();
    expect(refusal(() => checkEmail(undefined, ['contactEmail']))).toBeNull();
    expect(refusal(() => checkEmail('info@example.org', ['contactEmail']))).toBeNull();
    expect(refusal(() => checkEmail('Info <info@example.org>', ['input', 'contactEmail']))).toEqual(
      {
        field: ['input', 'contactEmail'],
        message: 'input.contactEmail must be one plain e-mail address, e.g. info@example.org.',
      },
    );
  });
});

describe('checkSpeakers', () => {
  const speaker = { name: 'Jürgen Lemmer', affiliation: 'Stadt Wuppertal' };

  it('accepts no list and up to the limit of named speakers', () => {
    expect(refusal(() => checkSpeakers(null, 'speakers'))).toBeNull();
    expect(refusal(() => checkSpeakers(undefined, 'speakers'))).toBeNull();
    expect(
      refusal(() => checkSpeakers(Array(TEXT_LIMITS.speakers).fill(speaker), 'speakers')),
    ).toBeNull();
  });

  it('refuses a longer list, a speaker without a name and a too long affiliation, by position', () => {
    expect(
      refusal(() => checkSpeakers(Array(TEXT_LIMITS.speakers + 1).fill(speaker), 'hosts')),
    ).toEqual({ field: ['hosts'], message: `At most ${TEXT_LIMITS.speakers} hosts per item.` });
    expect(refusal(() => checkSpeakers([speaker, { name: ' ' }], 'speakers'))).toEqual({
      field: ['speakers', '1', 'name'],
      message: 'speakers.1.name must not be empty.',
    });
    expect(
      refusal(() =>
        checkSpeakers(
          [{ name: 'A', affiliation: 'x'.repeat(TEXT_LIMITS.affiliation + 1) }],
          'speakers',
        ),
      ),
    ).toEqual({
      field: ['speakers', '0', 'affiliation'],
      message: `speakers.0.affiliation must have at most ${TEXT_LIMITS.affiliation} characters.`,
    });
    expect(
      refusal(() => checkSpeakers([{ name: 'x'.repeat(TEXT_LIMITS.name + 1) }], 'speakers')),
    ).toMatchObject({ field: ['speakers', '0', 'name'] });
  });
});
