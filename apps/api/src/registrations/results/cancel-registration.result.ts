import { createUnionType } from '@nestjs/graphql';
import { RegistrationClosedError } from '../errors/registration-closed.error.js';
import { RegistrationNotFoundError } from '../errors/registration-not-found.error.js';
import { RegistrationModel } from '../models/registration.model.js';
import { resolveResultType } from './resolve-result-type.js';

export const CancelRegistrationResult = createUnionType({
  name: 'CancelRegistrationResult',
  description: 'The cancelled registration, or why it could not be cancelled.',
  types: () => [RegistrationModel, RegistrationClosedError, RegistrationNotFoundError] as const,
  resolveType: resolveResultType,
});
