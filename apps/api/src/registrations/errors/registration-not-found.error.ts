import { ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult } from '../../graphql/error-result.js';

@ObjectType('RegistrationNotFoundError', {
  implements: () => [ErrorResult],
  description: 'No active registration has this manage token.',
})
export class RegistrationNotFoundError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.REGISTRATION_NOT_FOUND;
    this.message = message;
  }
}
