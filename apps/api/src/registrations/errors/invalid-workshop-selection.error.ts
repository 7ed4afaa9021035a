import { ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult } from '../../graphql/error-result.js';

@ObjectType('InvalidWorkshopSelectionError', {
  implements: () => [ErrorResult],
  description:
    'The workshop choice is not one workshop per phase of this event; the message names the phase.',
})
export class InvalidWorkshopSelectionError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.INVALID_WORKSHOP_SELECTION;
    this.message = message;
  }
}
