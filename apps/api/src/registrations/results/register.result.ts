import { createUnionType } from '@nestjs/graphql';
import { AlreadyRegisteredError } from '../errors/already-registered.error.js';
import { EventFullError } from '../errors/event-full.error.js';
import { InputInvalidError } from '../errors/input-invalid.error.js';
import { InvalidWorkshopSelectionError } from '../errors/invalid-workshop-selection.error.js';
import { RegistrationClosedError } from '../errors/registration-closed.error.js';
import { RegistrationNotOpenError } from '../errors/registration-not-open.error.js';
import { WorkshopFullError } from '../errors/workshop-full.error.js';
import { RegistrationSuccess } from '../models/registration-success.model.js';
import { resolveResultType } from './resolve-result-type.js';

export const RegisterResult = createUnionType({
  name: 'RegisterResult',
  description: 'The new registration, or why it was refused (then nothing was stored).',
  types: () =>
    [
      RegistrationSuccess,
      RegistrationClosedError,
      RegistrationNotOpenError,
      EventFullError,
      WorkshopFullError,
      AlreadyRegisteredError,
      InvalidWorkshopSelectionError,
      InputInvalidError,
    ] as const,
  resolveType: resolveResultType,
});
