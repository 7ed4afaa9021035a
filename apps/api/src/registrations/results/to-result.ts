import type { PresentedFailure, Registration, RegistrationResult } from '@fachtag/registrations';
import { AlreadyRegisteredError } from '../errors/already-registered.error.js';
import { EventFullError } from '../errors/event-full.error.js';
import { InputInvalidError } from '../errors/input-invalid.error.js';
import { InvalidWorkshopSelectionError } from '../errors/invalid-workshop-selection.error.js';
import { RegistrationClosedError } from '../errors/registration-closed.error.js';
import { RegistrationNotFoundError } from '../errors/registration-not-found.error.js';
import { RegistrationNotOpenError } from '../errors/registration-not-open.error.js';
import { WorkshopFullError } from '../errors/workshop-full.error.js';
import { RegistrationSuccess } from '../models/registration-success.model.js';

/** The GraphQL error object for a refused participant request. */
export function toErrorResult(failure: PresentedFailure): object {
  switch (failure.kind) {
    case 'NOT_OPEN':
      return new RegistrationNotOpenError(failure.opensAt);
    case 'CLOSED':
      return new RegistrationClosedError(failure.closedAt);
    case 'EVENT_FULL':
      return new EventFullError('The event is fully booked and has no waiting list.');
    case 'WORKSHOP_FULL':
      return new WorkshopFullError(failure.workshop, failure.alternatives);
    case 'ALREADY_REGISTERED':
      return new AlreadyRegisteredError(
        'This e-mail address is already registered for this event.',
      );
    case 'INVALID_SELECTION':
      return new InvalidWorkshopSelectionError(failure.message);
    case 'INPUT_INVALID':
      return new InputInvalidError(failure.field, failure.message);
    case 'NOT_FOUND':
      return new RegistrationNotFoundError('No active registration has this manage token.');
  }
}

/** register's answer: success with the token, or the error. */
export function toRegisterResult(result: RegistrationResult): object {
  if (!result.ok) return toErrorResult(result.failure);
  return new RegistrationSuccess(result.registration, result.registration.manageToken ?? '');
}

/** update/cancel answer: the registration itself, or the error. */
export function toRegistrationOrError(result: RegistrationResult): Registration | object {
  return result.ok ? result.registration : toErrorResult(result.failure);
}
