import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import type { FieldErrors } from './FormParts';
import { TextField } from './FormParts';

export interface ParticipantValues {
  firstName: string;
  lastName: string;
  email: string;
  organization: string;
  jobTitle: string;
  accessibilityNeeds: string;
  dietaryNeeds: string;
}

export const EMPTY_PARTICIPANT: ParticipantValues = {
  firstName: '',
  lastName: '',
  email: '',
  organization: '',
  jobTitle: '',
  accessibilityNeeds: '',
  dietaryNeeds: '',
};

/** The field ids of the participant's data, in the order the summary lists their errors. */
export const PARTICIPANT_FIELDS: Array<keyof ParticipantValues> = [
  'firstName',
  'lastName',
  'email',
  'organization',
  'jobTitle',
  'accessibilityNeeds',
  'dietaryNeeds',
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateParticipant(
  values: ParticipantValues,
  messages: { firstName: string; lastName: string; email: string },
): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.firstName.trim()) errors.firstName = messages.firstName;
  if (!values.lastName.trim()) errors.lastName = messages.lastName;
  if (!EMAIL.test(values.email.trim())) errors.email = messages.email;
  return errors;
}

/** The API's input: trimmed, empty optional fields as null. */
export function participantInput(values: ParticipantValues) {
  const optional = (v: string) => (v.trim() ? v.trim() : null);
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    organization: optional(values.organization),
    jobTitle: optional(values.jobTitle),
    accessibilityNeeds: optional(values.accessibilityNeeds),
    dietaryNeeds: optional(values.dietaryNeeds),
  };
}

/** Maps an InputInvalidError's field path (["participant","email"]) to our field id. */
export function participantField(path: string[]): keyof ParticipantValues | null {
  const last = path[path.length - 1];
  return (PARTICIPANT_FIELDS as string[]).includes(last) ? (last as keyof ParticipantValues) : null;
}

export function ParticipantFields({
  values,
  onChange,
  errors,
  organizerName,
  afterEmail,
  texts,
}: {
  values: ParticipantValues;
  onChange: (values: ParticipantValues) => void;
  errors: FieldErrors;
  organizerName: string;
  afterEmail?: ReactNode;
  /** Other words for the legend and hints (the console registers someone else). */
  texts?: { personTitle: string; emailHint: string; needsHint: (organizer: string) => string };
}) {
  const { t } = useI18n();
  const words = texts ?? t.form;
  const set = (key: keyof ParticipantValues) => (value: string) =>
    onChange({ ...values, [key]: value });
  return (
    <>
      <fieldset className="kern-fieldset">
        <legend className="kern-label kern-label--large">{words.personTitle}</legend>
        <div className="kern-fieldset__body">
          <TextField
            id="firstName"
            label={t.form.firstName}
            value={values.firstName}
            onChange={set('firstName')}
            error={errors.firstName}
            required
            autoComplete="given-name"
          />
          <TextField
            id="lastName"
            label={t.form.lastName}
            value={values.lastName}
            onChange={set('lastName')}
            error={errors.lastName}
            required
            autoComplete="family-name"
          />
          <TextField
            id="email"
            label={t.form.email}
            value={values.email}
            onChange={set('email')}
            error={errors.email}
            hint={words.emailHint}
            required
            type="email"
            autoComplete="email"
          >
            {afterEmail}
          </TextField>
          <TextField
            id="organization"
            label={t.form.organization}
            value={values.organization}
            onChange={set('organization')}
            error={errors.organization}
            autoComplete="organization"
          />
          <TextField
            id="jobTitle"
            label={t.form.jobTitle}
            value={values.jobTitle}
            onChange={set('jobTitle')}
            error={errors.jobTitle}
            autoComplete="organization-title"
          />
        </div>
      </fieldset>
      <fieldset className="kern-fieldset" aria-describedby="needs-hint">
        <legend className="kern-label kern-label--large">{t.form.needsTitle}</legend>
        <div className="kern-hint" id="needs-hint">
          {words.needsHint(organizerName)}
        </div>
        <div className="kern-fieldset__body">
          <TextField
            id="accessibilityNeeds"
            label={t.form.accessibilityNeeds}
            value={values.accessibilityNeeds}
            onChange={set('accessibilityNeeds')}
            error={errors.accessibilityNeeds}
            hint={t.form.accessibilityHint}
            multiline
          />
          <TextField
            id="dietaryNeeds"
            label={t.form.dietaryNeeds}
            value={values.dietaryNeeds}
            onChange={set('dietaryNeeds')}
            error={errors.dietaryNeeds}
            hint={t.form.dietaryHint}
            multiline
          />
        </div>
      </fieldset>
    </>
  );
}
