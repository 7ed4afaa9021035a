import { createUnionType } from '@nestjs/graphql';
import { EventFullError } from '../errors/event-full.error.js';
import { InputInvalidError } from '../errors/input-invalid.error.js';
import { InvalidWorkshopSelectionError } from '../errors/invalid-workshop-selection.error.js';
import { RegistrationNotFoundError } from '../errors/registration-not-found.error.js';
import { WorkshopFullError } from '../errors/workshop-full.error.js';
import { RegistrationModel } from '../models/registration.model.js';
import { resolveResultType } from './resolve-result-type.js';

export const PromoteRegistrationResult = createUnionType({
  name: 'PromoteRegistrationResult',
  description:
    'The promoted (now CONFIRMED) registration, or why it was not promoted (then nothing changed): the event or a chosen workshop has no seat left and addSeats was false (WorkshopFullError lists the free workshops of its phase), the selection is not one workshop per phase, the registration is not waiting (InputInvalidError naming id), or no such registration.',
  types: () =>
    [
      RegistrationModel,
      EventFullError,
      WorkshopFullError,
      InvalidWorkshopSelectionError,
      InputInvalidError,
      RegistrationNotFoundError,
    ] as const,
  resolveType: resolveResultType,
});
