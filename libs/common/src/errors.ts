import { msg, render, type Msg, type Thing } from './messages.js';

/**
 * Organizer input that breaks a rule. `field` is the path of the offending
 * input field relative to the mutation's input, e.g. ['endsAt'] or ['venue', 'city'].
 * The API turns it into a GraphQL error with code BAD_USER_INPUT, its text in
 * the reader's language; `message` is the English text (for logs).
 */
export class InvalidInputError extends Error {
  constructor(
    readonly field: string[],
    readonly text: Msg,
  ) {
    super(render(text, 'en'));
    this.name = 'InvalidInputError';
  }
}

/** A referenced record does not exist (or is not visible to the caller). */
export class NotFoundError extends Error {
  readonly text: Msg;

  constructor(
    readonly what: Thing,
    readonly id: string,
  ) {
    const text = msg('notFound', { what, id });
    super(render(text, 'en'));
    this.text = text;
    this.name = 'NotFoundError';
  }
}
