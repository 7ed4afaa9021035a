import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, Loading } from '../components/Layout';
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
import { registersToWaitlist } from '../pages/RegistrationForm';
import { useI18n } from '../lib/i18n';
import { AdminOnBehalfEvent, AdminRegisterOnBehalf } from './operations';

/** The form's element ids start with this, apart from the participant's shared fields. */
const ID = 'on-behalf';

type Outcome = { kind: 'CONFIRMED' | 'WAITLISTED'; name: string; email: string };

/**
 * "Person anmelden" on an event's desk (issue 13): an organizer registers someone on
 * their behalf with the participants' fields and workshop choice, also outside the
 * registration window. The result is a message that takes focus; refusals are worded
 * for the organizer and linked to their fields.
 */
export function OnBehalfForm({
  eventId,
  onRegistered,
}: {
  eventId: string;
  onRegistered: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const message = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (outcome) message.current?.focus();
  }, [outcome]);
  return (
    <section aria-labelledby={`${ID}-title`} className="admin-on-behalf">
      <h3 id={`${ID}-title`} className="kern-heading-small" tabIndex={-1} ref={heading}>
        {t.admin.onBehalf.title}
      </h3>
      {outcome ? (
        <div ref={message} tabIndex={-1} role="status">
          <Alert
            kind={outcome.kind === 'CONFIRMED' ? 'success' : 'info'}
            title={t.admin.onBehalf.done[outcome.kind](outcome.name)}
          >
            <p className="kern-body">{t.admin.onBehalf.mail(outcome.email)}</p>
          </Alert>
        </div>
      ) : null}
      {open ? (
        <Form
          eventId={eventId}
          onOpened={() => heading.current?.focus()}
          onCancel={() => setOpen(false)}
          onRegistered={(result) => {
            setOpen(false);
            setOutcome(result);
            onRegistered();
          }}
        />
      ) : (
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => {
            setOutcome(null);
            setOpen(true);
          }}
        >
          <span className="kern-label">{t.admin.onBehalf.open}</span>
        </button>
      )}
    </section>
  );
}

function Form({
  eventId,
  onOpened,
  onCancel,
  onRegistered,
}: {
  eventId: string;
  /** The form is there (its event loaded): the button that opened it is gone. */
  onOpened: () => void;
  onCancel: () => void;
  onRegistered: (outcome: Outcome) => void;
}) {
  const { t } = useI18n();
  const texts = t.admin.onBehalf;
  const [{ data }] = useQuery({
    query: AdminOnBehalfEvent,
    variables: { id: eventId },
    requestPolicy: 'network-only',
  });
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [participant, setParticipant] = useState<ParticipantValues>(EMPTY_PARTICIPANT);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [alternatives, setAlternatives] = useState<Record<string, Alternative[]>>({});
  const [submits, setSubmits] = useState(0);
  const [{ fetching }, register] = useMutation(AdminRegisterOnBehalf);
  const event = data?.event;
  const loaded = Boolean(event);
  useEffect(() => {
    if (loaded) onOpened();
    // once, when the form appears
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);
  if (!event) return <Loading />;
  const phases = choicePhases(event.agenda);
  const waitlist = registersToWaitlist(event);
  const selectable = (w: ChoiceWorkshop) => waitlist || w.capacityStatus !== 'FULL';

  const submit = async (currentChoice: Record<string, string>) => {
    if (fetching) return;
    setSubmits((n) => n + 1);
    setFormError(null);
    const found = validateParticipant(participant, texts.errors);
    for (const phase of phases) {
      if (!currentChoice[phase.id]) found[phaseKey(phase.id)] = texts.errors.workshop(phase.title);
    }
    if (!consent) found.consent = texts.errors.consent;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setAlternatives({});
    const result = await register({
      eventId,
      input: {
        participant: participantInput(participant),
        workshopIds: phases.map((p) => currentChoice[p.id]),
        privacyConsent: consent,
        idempotencyKey,
      },
    });
    setSubmits((n) => n + 1);
    const answer = result.data?.registerOnBehalf;
    if (!answer) {
      // an expired session shows the login above the page; everything typed stays
      if (!result.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
        setFormError(result.error?.networkError ? t.form.errors.network : t.form.errors.unknown);
      }
      return;
    }
    switch (answer.__typename) {
      case 'Registration':
        onRegistered({
          kind: answer.status === 'WAITLISTED' ? 'WAITLISTED' : 'CONFIRMED',
          name: `${answer.firstName} ${answer.lastName}`,
          email: answer.email,
        });
        return;
      case 'WorkshopFullError': {
        const phaseId = answer.workshop.phase.id;
        setErrors({
          [phaseKey(phaseId)]: texts.errors.workshopFull(
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
        else if (answer.field[0] === 'eventId') setFormError(texts.errors.notOpenForRegistrations);
        else setFormError(answer.message);
        return;
      }
      case 'AlreadyRegisteredError':
        setErrors({ email: texts.errors.alreadyRegistered });
        return;
      case 'EventFullError':
        setFormError(texts.errors.eventFull);
        return;
      case 'InvalidWorkshopSelectionError':
        setFormError(texts.errors.invalidSelection);
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
    consentTarget: `${ID}-consent`,
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="registration-form"
      aria-labelledby={`${ID}-title`}
    >
      <ErrorSummary errors={summary} targets={targets} focusKey={submits} id={`${ID}-errors`} />
      <p className="kern-body">{texts.intro}</p>
      {waitlist ? <Alert kind="warning" title={texts.waitlist} /> : null}
      <ParticipantFields
        values={participant}
        onChange={setParticipant}
        errors={errors}
        organizerName={event.organizerName}
        texts={{
          personTitle: texts.personTitle,
          emailHint: texts.emailHint,
          needsHint: texts.needsHint,
        }}
      />
      <WorkshopPhases
        phases={phases}
        timeZone={event.timeZone}
        heading={<h4 className="kern-heading-small">{t.form.workshopsTitle}</h4>}
        hint={texts.workshopsHint}
        choice={choice}
        setChoice={setChoice}
        errors={errors}
        selectable={selectable}
        alternatives={alternatives}
        submit={submit}
      />
      <Checkbox
        id={`${ID}-consent`}
        label={texts.consent}
        checked={consent}
        onChange={setConsent}
        error={errors.consent}
      />
      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={fetching}>
          <span className="kern-label">{fetching ? t.form.sending : texts.submit}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel}>
          <span className="kern-label">{texts.cancel}</span>
        </button>
      </div>
    </form>
  );
}
