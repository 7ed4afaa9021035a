import { createUnionType } from '@nestjs/graphql';
import { InputInvalidError } from '../errors/input-invalid.error.js';
import { RegistrationModel } from '../models/registration.model.js';
import { resolveResultType } from './resolve-result-type.js';

export const ResendRegistrationMailResult = createUnionType({
  name: 'ResendRegistrationMailResult',
  description:
    'The registration whose mail is on its way again, or why not (a cancelled registration gets no new link).',
  types: () => [RegistrationModel, InputInvalidError] as const,
  resolveType: resolveResultType,
});
