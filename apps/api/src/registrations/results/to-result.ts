import { msg, render, type Locale, type Msg } from '@fachtag/common';
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

/** The GraphQL error object for a refused participant request, its message in `locale`. */
export function toErrorResult(failure: PresentedFailure, locale: Locale): object {
  const say = (text: Msg) => render(text, locale);
  switch (failure.kind) {
    case 'NOT_OPEN':
      return new RegistrationNotOpenError(
        failure.opensAt,
        say(msg('registration.notOpen', { at: failure.opensAt.toISOString() })),
      );
    case 'CLOSED':
      return new RegistrationClosedError(
        failure.closedAt,
        say(msg('registration.closed', { at: failure.closedAt.toISOString() })),
      );
    case 'EVENT_FULL':
      return new EventFullError(say(msg('registration.eventFull', {})));
    case 'WORKSHOP_FULL':
      return new WorkshopFullError(
        failure.workshop,
        failure.alternatives,
        say(
          msg('registration.workshopFull', {
            number: failure.workshop.number,
            title: failure.workshop.title,
          }),
        ),
      );
    case 'ALREADY_REGISTERED':
      return new AlreadyRegisteredError(say(msg('registration.already', {})));
    case 'INVALID_SELECTION':
      return new InvalidWorkshopSelectionError(say(failure.text));
    case 'INPUT_INVALID':
      return new InputInvalidError(failure.field, say(failure.text));
    case 'NOT_FOUND':
      return new RegistrationNotFoundError(say(msg('registration.notFound', {})));
  }
}

/** register's answer: success with the token, or the error. */
export function toRegisterResult(result: RegistrationResult, locale: Locale): object {
  if (!result.ok) return toErrorResult(result.failure, locale);
  return new RegistrationSuccess(result.registration, result.registration.manageToken ?? '');
}

/** update/cancel answer: the registration itself, or the error. */
export function toRegistrationOrError(
  result: RegistrationResult,
  locale: Locale,
): Registration | object {
  return result.ok ? result.registration : toErrorResult(result.failure, locale);
}
