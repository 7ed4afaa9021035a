import { createUnionType, Field, ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult } from '../../graphql/error-result.js';
import { OrganizerModel } from './organizer.model.js';

@ObjectType('LoginSuccess', { description: 'A successful login.' })
export class LoginSuccessModel {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`; valid for 12 hours.' })
  accessToken!: string;

  @Field(() => OrganizerModel, { description: 'The organizer who logged in.' })
  organizer!: OrganizerModel;
}

@ObjectType('InvalidCredentialsError', {
  implements: () => [ErrorResult],
  description: 'E-mail or password is wrong (which one is not told).',
})
export class InvalidCredentialsErrorModel implements ErrorResult {
  @Field(() => ErrorCode, { description: 'INVALID_CREDENTIALS.' })
  errorCode: ErrorCode = ErrorCode.INVALID_CREDENTIALS;

  @Field(() => String, { description: 'Human-readable explanation, in English.' })
  message: string = 'E-mail or password is wrong.';
}

export const LoginResultUnion = createUnionType({
  name: 'LoginResult',
  description: 'A token, or why not.',
  types: () => [LoginSuccessModel, InvalidCredentialsErrorModel] as const,
  resolveType: (value: object) =>
    value instanceof InvalidCredentialsErrorModel
      ? InvalidCredentialsErrorModel
      : LoginSuccessModel,
});
