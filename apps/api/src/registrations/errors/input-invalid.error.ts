import { Field, ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult } from '../../graphql/error-result.js';

@ObjectType('InputInvalidError', {
  implements: () => [ErrorResult],
  description: 'An input field was refused; nothing was stored.',
})
export class InputInvalidError extends ErrorResult {
  @Field(() => [String], {
    description: "Path of the offending input field, e.g. ['participant', 'email'].",
  })
  field: string[];

  constructor(field: string[], message: string) {
    super();
    this.errorCode = ErrorCode.INPUT_INVALID;
    this.message = message;
    this.field = field;
  }
}
