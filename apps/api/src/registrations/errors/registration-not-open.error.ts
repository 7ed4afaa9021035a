import { Field, ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult } from '../../graphql/error-result.js';

@ObjectType('RegistrationNotOpenError', {
  implements: () => [ErrorResult],
  description: 'Registration has not opened yet.',
})
export class RegistrationNotOpenError extends ErrorResult {
  @Field(() => Date, { description: 'When registration opens.' })
  opensAt: Date;

  constructor(opensAt: Date, message: string) {
    super();
    this.errorCode = ErrorCode.REGISTRATION_NOT_OPEN;
    this.message = message;
    this.opensAt = opensAt;
  }
}
