import { createUnionType } from '@nestjs/graphql';
import { InputInvalidError } from '../errors/input-invalid.error.js';
import { InvalidWorkshopSelectionError } from '../errors/invalid-workshop-selection.error.js';
import { RegistrationClosedError } from '../errors/registration-closed.error.js';
import { RegistrationNotFoundError } from '../errors/registration-not-found.error.js';
import { WorkshopFullError } from '../errors/workshop-full.error.js';
import { RegistrationModel } from '../models/registration.model.js';
import { resolveResultType } from './resolve-result-type.js';

export const UpdateRegistrationResult = createUnionType({
  name: 'UpdateRegistrationResult',
  description: 'The changed registration, or why the change was refused (then nothing changed).',
  types: () =>
    [
      RegistrationModel,
      RegistrationClosedError,
      WorkshopFullError,
      InvalidWorkshopSelectionError,
      InputInvalidError,
      RegistrationNotFoundError,
    ] as const,
  resolveType: resolveResultType,
});
