import { Field, InterfaceType, registerEnumType } from '@nestjs/graphql';

/** Machine-readable code of an expected failure of a participant's mutation. */
export enum ErrorCode {
  REGISTRATION_NOT_OPEN = 'REGISTRATION_NOT_OPEN',
  REGISTRATION_CLOSED = 'REGISTRATION_CLOSED',
  EVENT_FULL = 'EVENT_FULL',
  WORKSHOP_FULL = 'WORKSHOP_FULL',
  ALREADY_REGISTERED = 'ALREADY_REGISTERED',
  INVALID_WORKSHOP_SELECTION = 'INVALID_WORKSHOP_SELECTION',
  INPUT_INVALID = 'INPUT_INVALID',
  REGISTRATION_NOT_FOUND = 'REGISTRATION_NOT_FOUND',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
}

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Machine-readable code of an expected failure (an ErrorResult).',
});

@InterfaceType('ErrorResult', {
  description:
    "Every expected failure of a participant's mutation is a member of the result union implementing this.",
})
export abstract class ErrorResult {
  @Field(() => ErrorCode, { description: 'Machine-readable code.' })
  errorCode!: ErrorCode;

  @Field({
    description:
      "Human-readable explanation in the event's language (German or English); without a known event by Accept-Language, else English.",
  })
  message!: string;
}
