import { ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult } from '../../graphql/error-result.js';

@ObjectType('EventFullError', {
  implements: () => [ErrorResult],
  description: 'The event has no seat left and no waiting list.',
})
export class EventFullError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.EVENT_FULL;
    this.message = message;
  }
}
