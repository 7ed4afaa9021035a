import { describe, expect, it } from '@jest/globals';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { findUnstorableInput } from './input-sanitation.js';

function check(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return findUnstorableInput(document, operation, variables);
}

describe('input sanitation', () => {
  it('finds NUL and unpaired surrogates in literals, with the argument path', () => {
    expect(check('{ event(slug: "\\u0000") { id } }')).toEqual({
      field: ['slug'],
      problem: expect.stringContaining('NUL'),
    });
    expect(
      check('mutation { createEvent(input: { venue: { city: "K\\u0000ln" } }) { id } }')?.field,
    ).toEqual(['input', 'venue', 'city']);
  });

  it('finds them in variables where they are used, also in lists and fragments', () => {
    expect(
      check('mutation ($i: RegisterInput!) { register(input: $i) { __typename } }', {
        i: { participant: { firstName: 'Erika', lastName: 'x\ud800' } },
      }),
    ).toEqual({
      field: ['input', 'participant', 'lastName'],
      problem: expect.stringContaining('surrogate'),
    });
    expect(
      check('mutation ($w: [ID!]!) { register(input: { workshopIds: $w }) { __typename } }', {
        w: ['a', '\udc00'],
      })?.field,
    ).toEqual(['input', 'workshopIds', '1']);
    expect(
      check('query ($s: String) { ...F } fragment F on Query { event(slug: $s) { id } }', {
        s: '\u0000',
      })?.field,
    ).toEqual(['slug']);
    expect(check('query ($s: String = "\\u0000") { event(slug: $s) { id } }')?.field).toEqual([
      's',
    ]);
  });

  it('lets every other text through, emoji and paired surrogates included', () => {
    expect(check('{ event(slug: "🙂 Köln \\u202e") { id } }')).toBeNull();
    expect(
      check('query ($s: String) { event(slug: $s) { id } }', {
        s: '\ud83d\ude42',
        unused: '\u0000',
      }),
    ).toBeNull();
  });
});
