import { createUnionType } from '@nestjs/graphql';
import { AlreadyRegisteredError } from '../errors/already-registered.error.js';
import { EventFullError } from '../errors/event-full.error.js';
import { InputInvalidError } from '../errors/input-invalid.error.js';
import { InvalidWorkshopSelectionError } from '../errors/invalid-workshop-selection.error.js';
import { WorkshopFullError } from '../errors/workshop-full.error.js';
import { RegistrationModel } from '../models/registration.model.js';
import { resolveResultType } from './resolve-result-type.js';

export const RegisterOnBehalfResult = createUnionType({
  name: 'RegisterOnBehalfResult',
  description:
    "The new registration (confirmed or waitlisted; the participant's manage link goes only to their mail), or why it was refused (then nothing was stored): a draft or cancelled event answers InputInvalidError naming eventId.",
  types: () =>
    [
      RegistrationModel,
      EventFullError,
      WorkshopFullError,
      AlreadyRegisteredError,
      InvalidWorkshopSelectionError,
      InputInvalidError,
    ] as const,
  resolveType: resolveResultType,
});
