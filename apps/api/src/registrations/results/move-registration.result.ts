import { createUnionType } from '@nestjs/graphql';
import { InputInvalidError } from '../errors/input-invalid.error.js';
import { RegistrationNotFoundError } from '../errors/registration-not-found.error.js';
import { WorkshopFullError } from '../errors/workshop-full.error.js';
import { RegistrationModel } from '../models/registration.model.js';
import { resolveResultType } from './resolve-result-type.js';

export const MoveRegistrationResult = createUnionType({
  name: 'MoveRegistrationResult',
  description:
    'The moved registration, or why it could not be moved (then nothing changed): the workshop is full (with the free ones of its phase), the registration is cancelled or the workshop is not of its event, or no such registration.',
  types: () =>
    [RegistrationModel, WorkshopFullError, InputInvalidError, RegistrationNotFoundError] as const,
  resolveType: resolveResultType,
});
