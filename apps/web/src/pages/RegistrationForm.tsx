import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { Alert } from '../components/Layout';
import { AlreadyRegisteredHelp } from '../components/LostLink';
import { Checkbox, ErrorSummary, type FieldErrors } from '../components/FormParts';
import {
  EMPTY_PARTICIPANT,
  ParticipantFields,
  participantField,
  participantInput,
  validateParticipant,
  type ParticipantValues,
} from '../components/ParticipantFields';
import {
  WorkshopPhases,
  choicePhases,
  phaseKey,
  registrationErrorSummary,
  type Alternative,
  type ChoiceWorkshop,
} from '../components/WorkshopChoice';
import { RegisterMutation } from '../graphql/operations';
import { useFormat, useI18n } from '../lib/i18n';
import { eventPath, navigate } from '../lib/router';
import type { EventData } from '../components/Agenda';

export interface ConfirmationState {
  manageToken: string;
  email: string;
}

function newKey(): string {
  return crypto.randomUUID();
}

/** Whether new registrations wait: the event is full, or others are waiting already. */
export function registersToWaitlist(
  event: Pick<EventData, 'waitlistEnabled' | 'seatsLeft' | 'waitlistCount'>,
): boolean {
  return event.waitlistEnabled && (event.seatsLeft === 0 || event.waitlistCount > 0);
}

export function RegistrationSection({ event }: { event: EventData }) {
  const { t } = useI18n();
  const f = useFormat(event.timeZone);
  const [now] = useState(Date.now);
  let body: ReactNode;
  if (event.status === 'CANCELLED') {
    body = <Alert kind="danger" title={t.event.cancelled} />;
  } else if (event.registrationOpensAt && Date.parse(event.registrationOpensAt) > now) {
    body = (
      <Alert kind="info" title={t.form.notOpenTitle}>
        <p className="kern-body">
          {t.event.registrationNotYetOpen(f.dateTime(event.registrationOpensAt))}
        </p>
      </Alert>
    );
  } else if (!event.isRegistrationOpen) {
    body = (
      <Alert kind="info" title={t.form.closedTitle}>
        <p className="kern-body">
          {t.event.registrationClosed(f.dateTime(event.registrationClosesAt))}
        </p>
        <p className="kern-body">{t.form.closedText}</p>
      </Alert>
    );
  } else if (event.seatsLeft === 0 && !event.waitlistEnabled) {
    body = <Alert kind="warning" title={t.form.fullNoWaitlist} />;
  } else {
    body = <RegistrationForm event={event} />;
  }
  return (
    <section aria-labelledby="register-heading" className="section" id="anmeldung">
      <h2 id="register-heading" className="kern-heading-large">
        {t.form.title}
      </h2>
      {body}
    </section>
  );
}

export function RegistrationForm({ event }: { event: EventData }) {
  const { t } = useI18n();
  const f = useFormat(event.timeZone);
  const phases = choicePhases(event.agenda);
  const waitlist = registersToWaitlist(event);
  const [idempotencyKey] = useState(newKey);
  const [participant, setParticipant] = useState<ParticipantValues>(EMPTY_PARTICIPANT);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [alternatives, setAlternatives] = useState<Record<string, Alternative[]>>({});
  const [alreadyRegistered, setAlreadyRegistered] = useState(false);
  const [submits, setSubmits] = useState(0);
  const [{ fetching }, register] = useMutation(RegisterMutation);

  // while waitlisted, choices are wishes: full workshops may be wished too
  const selectable = (w: ChoiceWorkshop) => waitlist || w.capacityStatus !== 'FULL';

  const validate = (currentChoice: Record<string, string>): FieldErrors => {
    const found = validateParticipant(participant, t.form.errors);
    for (const phase of phases) {
      if (!currentChoice[phase.id]) found[phaseKey(phase.id)] = t.form.errors.workshop(phase.title);
    }
    if (!consent) found.consent = t.form.errors.consent;
    return found;
  };

  const submit = async (currentChoice: Record<string, string>) => {
    if (fetching) return;
    setSubmits((n) => n + 1);
    setFormError(null);
    setAlreadyRegistered(false);
    const found = validate(currentChoice);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setAlternatives({});
    const result = await register({
      input: {
        eventId: event.id,
        participant: participantInput(participant),
        workshopIds: phases.map((p) => currentChoice[p.id]),
        privacyConsent: consent,
        idempotencyKey,
      },
    });
    setSubmits((n) => n + 1);
    const answer = result.data?.register;
    if (!answer) {
      setFormError(result.error?.networkError ? t.form.errors.network : t.form.errors.unknown);
      return;
    }
    switch (answer.__typename) {
      case 'RegistrationSuccess': {
        const state: ConfirmationState = {
          manageToken: answer.manageToken,
          email: participant.email.trim(),
        };
        navigate(`${eventPath(event.slug)}/bestaetigt`, state);
        return;
      }
      case 'WorkshopFullError': {
        const phaseId = answer.workshop.phase.id;
        setErrors({
          [phaseKey(phaseId)]: t.form.errors.workshopFull(
            answer.workshop.number,
            answer.workshop.title,
          ),
        });
        setAlternatives({ [phaseId]: answer.alternatives });
        setChoice((c) => {
          const next = { ...c };
          delete next[phaseId];
          return next;
        });
        return;
      }
      case 'InputInvalidError': {
        const field = participantField(answer.field);
        if (field) setErrors({ [field]: answer.message });
        else if (answer.field[0] === 'privacyConsent') setErrors({ consent: answer.message });
        else setFormError(answer.message);
        return;
      }
      case 'AlreadyRegisteredError':
        setErrors({ email: t.form.errors.alreadyRegistered });
        setAlreadyRegistered(true);
        return;
      case 'EventFullError':
        setFormError(t.form.errors.eventFull);
        return;
      case 'RegistrationClosedError':
        setFormError(t.form.errors.closed(f.dateTime(answer.closedAt)));
        return;
      case 'RegistrationNotOpenError':
        setFormError(t.form.errors.notOpen(f.dateTime(answer.opensAt)));
        return;
      case 'InvalidWorkshopSelectionError':
        setFormError(t.form.errors.invalidSelection);
        return;
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(choice);
  };

  const { summary, targets } = registrationErrorSummary({
    errors,
    formError,
    phases,
    selectable,
    consentTarget: 'consent',
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="registration-form"
      aria-labelledby="register-heading"
    >
      <ErrorSummary errors={summary} targets={targets} focusKey={submits} />
      {waitlist ? (
        <Alert kind="warning" title={t.event.eventFull}>
          <p className="kern-body">{t.form.waitlistExplained}</p>
        </Alert>
      ) : null}
      <p className="kern-body">{t.form.intro}</p>
      <ParticipantFields
        values={participant}
        onChange={setParticipant}
        errors={errors}
        organizerName={event.organizerName}
        afterEmail={
          alreadyRegistered ? (
            <AlreadyRegisteredHelp eventId={event.id} email={participant.email} />
          ) : null
        }
      />
      <WorkshopPhases
        phases={phases}
        timeZone={event.timeZone}
        heading={<h3 className="kern-heading-medium">{t.form.workshopsTitle}</h3>}
        hint={waitlist ? t.form.waitlistWishHint : t.form.workshopsHint}
        choice={choice}
        setChoice={setChoice}
        errors={errors}
        selectable={selectable}
        alternatives={alternatives}
        submit={submit}
      />
      <fieldset className="kern-fieldset">
        <legend className="kern-label kern-label--large">{t.form.consentTitle}</legend>
        <div className="kern-fieldset__body">
          <Checkbox
            id="consent"
            label={t.form.consent}
            checked={consent}
            onChange={setConsent}
            error={errors.consent}
          />
          <p className="kern-body">
            <a className="kern-link" href="#datenschutz">
              {t.form.consentLink}
            </a>
          </p>
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={fetching}>
          <span className="kern-label">
            {fetching ? t.form.sending : waitlist ? t.form.submitWaitlist : t.form.submit}
          </span>
        </button>
      </div>
    </form>
  );
}
