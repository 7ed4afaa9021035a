import { Field, ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult } from '../../graphql/error-result.js';

@ObjectType('RegistrationClosedError', {
  implements: () => [ErrorResult],
  description: 'The registration cutoff has passed (or the event was cancelled).',
})
export class RegistrationClosedError extends ErrorResult {
  @Field(() => Date, { description: 'When registration closed.' })
  closedAt: Date;

  constructor(closedAt: Date, message: string) {
    super();
    this.errorCode = ErrorCode.REGISTRATION_CLOSED;
    this.message = message;
    this.closedAt = closedAt;
  }
}
