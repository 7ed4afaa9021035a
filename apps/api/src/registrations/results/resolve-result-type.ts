import { Registration } from '@fachtag/registrations';
import { RegistrationModel } from '../models/registration.model.js';

/** Union members are class instances; a `Registration` entity is the Registration type. */
export function resolveResultType(value: object): string {
  if (value instanceof Registration) return 'Registration';
  const name = Reflect.getPrototypeOf(value)?.constructor.name;
  if (!name) throw new Error('result without a type');
  return name;
}

export { RegistrationModel };
