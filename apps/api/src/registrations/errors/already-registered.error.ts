import { ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult } from '../../graphql/error-result.js';

@ObjectType('AlreadyRegisteredError', {
  implements: () => [ErrorResult],
  description:
    'This e-mail address already has an active registration for the event (compared case-insensitively).',
})
export class AlreadyRegisteredError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.ALREADY_REGISTERED;
    this.message = message;
  }
}
