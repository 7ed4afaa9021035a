/**
 * Organizer input that breaks a rule. `field` is the path of the offending
 * input field relative to the mutation's input, e.g. ['endsAt'] or ['venue', 'city'].
 * The API turns it into a GraphQL error with code BAD_USER_INPUT.
 */
export class InvalidInputError extends Error {
  constructor(
    readonly field: string[],
    message: string,
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/** A referenced record does not exist (or is not visible to the caller). */
export class NotFoundError extends Error {
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} '${id}' does not exist.`);
    this.name = 'NotFoundError';
  }
}
