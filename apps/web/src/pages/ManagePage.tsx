import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, type FieldErrors } from '../components/FormParts';
import { Alert, Loading } from '../components/Layout';
import {
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
import type { WebMyRegistrationQuery } from '../gql/graphql';
import {
  CancelRegistrationMutation,
  MyRegistrationQuery,
  UpdateRegistrationMutation,
} from '../graphql/operations';
import { useFormat, useI18n } from '../lib/i18n';
import { eventPath, linkHandler, usePageTitle } from '../lib/router';
import { WorkshopSummary } from './ConfirmationPage';
import { CalendarLinks, EventLoader, type EventData } from './EventPage';

type RegistrationData = NonNullable<WebMyRegistrationQuery['myRegistration']>;

function valuesOf(r: RegistrationData): ParticipantValues {
  return {
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    organization: r.organization ?? '',
    jobTitle: r.jobTitle ?? '',
    accessibilityNeeds: r.accessibilityNeeds ?? '',
    dietaryNeeds: r.dietaryNeeds ?? '',
  };
}

export function ManagePage({ token }: { token: string }) {
  const { t } = useI18n();
  usePageTitle(`${t.manage.title} – ${t.appName}`);
  if (!token) {
    return (
      <>
        <h1 className="kern-heading-x-large">{t.manage.title}</h1>
        <Alert kind="warning" title={t.manage.noToken} />
      </>
    );
  }
  return <ManageByToken key={token} token={token} />;
}

function ManageByToken({ token }: { token: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: MyRegistrationQuery,
    variables: { token },
    requestPolicy: 'network-only',
  });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <Alert kind="danger" title={t.loadError} role="alert" />;
  const registration = data?.myRegistration;
  if (!registration) {
    return (
      <>
        <h1 className="kern-heading-x-large">{t.manage.title}</h1>
        <Alert kind="warning" title={t.manage.invalid}>
          <p className="kern-body">{t.manage.invalidHelp}</p>
        </Alert>
      </>
    );
  }
  return (
    <EventLoader slug={registration.event.slug}>
      {(event) => <Manage event={event} initial={registration} token={token} />}
    </EventLoader>
  );
}

type Mode = 'view' | 'edit' | 'confirmCancel';

function Manage({
  event,
  initial,
  token,
}: {
  event: EventData;
  initial: RegistrationData;
  token: string;
}) {
  const { t } = useI18n();
  const f = useFormat(event.timeZone);
  const [registration, setRegistration] = useState(initial);
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [, cancel] = useMutation(CancelRegistrationMutation);
  const [cancelling, setCancelling] = useState(false);
  const cancelled = registration.status === 'CANCELLED';
  const waitlisted = registration.status === 'WAITLISTED';
  const changeable = !cancelled && event.isRegistrationOpen && event.status !== 'CANCELLED';

  const doCancel = async () => {
    if (cancelling) return;
    setCancelling(true);
    const result = await cancel({ token });
    setCancelling(false);
    const answer = result.data?.cancelRegistration;
    if (answer?.__typename === 'Registration') {
      setRegistration({ ...registration, status: answer.status, workshops: [] });
      setNotice(t.manage.cancelled);
      setMode('view');
    } else if (answer?.__typename === 'RegistrationClosedError') {
      setFormError(t.manage.closed(f.dateTime(answer.closedAt)));
      setMode('view');
    } else {
      setFormError(result.error?.networkError ? t.form.errors.network : t.form.errors.unknown);
    }
  };

  return (
    <>
      <p className="kern-body">
        <a
          className="kern-link"
          href={eventPath(event.slug)}
          onClick={linkHandler(eventPath(event.slug))}
        >
          {event.title}
        </a>
      </p>
      <h1 className="kern-heading-x-large">{t.manage.title}</h1>
      {notice ? (
        <div role="status">
          <Alert kind="success" title={notice} />
        </div>
      ) : null}
      {formError ? <Alert kind="danger" title={formError} role="alert" /> : null}
      {mode === 'edit' ? (
        <EditForm
          event={event}
          registration={registration}
          token={token}
          onDone={(updated) => {
            if (updated) {
              setRegistration(updated);
              setNotice(t.manage.saved);
            }
            setMode('view');
          }}
        />
      ) : (
        <>
          <dl className="kern-description-list">
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t.manage.status}</dt>
              <dd className="kern-description-list-item__value">
                <span
                  className={`kern-badge ${cancelled ? 'kern-badge--danger' : waitlisted ? 'kern-badge--warning' : 'kern-badge--success'}`}
                >
                  {t.status[registration.status]}
                </span>
              </dd>
            </div>
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t.manage.name}</dt>
              <dd className="kern-description-list-item__value">
                {registration.firstName} {registration.lastName}
              </dd>
            </div>
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t.form.email}</dt>
              <dd className="kern-description-list-item__value">{registration.email}</dd>
            </div>
            {(
              [
                ['organization', t.form.organization],
                ['jobTitle', t.form.jobTitle],
                ['accessibilityNeeds', t.form.accessibilityNeeds],
                ['dietaryNeeds', t.form.dietaryNeeds],
              ] as const
            ).map(([key, label]) =>
              registration[key] ? (
                <div className="kern-description-list-item" key={key}>
                  <dt className="kern-description-list-item__key">{label}</dt>
                  <dd className="kern-description-list-item__value">{registration[key]}</dd>
                </div>
              ) : null,
            )}
          </dl>
          {cancelled ? (
            <p className="kern-body">{notice ? null : t.manage.cancelledBefore}</p>
          ) : (
            <>
              {registration.workshops.length > 0 ? (
                <section className="section" aria-labelledby="manage-workshops-heading">
                  <h2 id="manage-workshops-heading" className="kern-heading-medium">
                    {waitlisted ? t.manage.workshopsWaitlisted : t.manage.workshops}
                  </h2>
                  <WorkshopSummary registration={registration} timeZone={event.timeZone} />
                </section>
              ) : null}
              <section className="section" aria-labelledby="manage-calendar-heading">
                <h2 id="manage-calendar-heading" className="kern-heading-medium">
                  {t.manage.calendar}
                </h2>
                <CalendarLinks
                  url={registration.calendarUrl}
                  title={t.manage.calendar}
                  download={t.confirmed.calendarDownload}
                  subscribe={t.confirmed.calendarSubscribe}
                />
              </section>
            </>
          )}
          {!cancelled && !changeable ? (
            <Alert kind="info" title={t.manage.closed(f.dateTime(event.registrationClosesAt))} />
          ) : null}
          {changeable && mode === 'view' ? (
            <div className="kern-btn-wrapper section manage-actions">
              <button
                type="button"
                className="kern-btn kern-btn--primary"
                onClick={() => {
                  setNotice(null);
                  setFormError(null);
                  setMode('edit');
                }}
              >
                <span className="kern-label">{t.manage.edit}</span>
              </button>
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                onClick={() => {
                  setNotice(null);
                  setFormError(null);
                  setMode('confirmCancel');
                }}
              >
                <span className="kern-label">{t.manage.cancel}</span>
              </button>
            </div>
          ) : null}
          {changeable && mode === 'confirmCancel' ? (
            <CancelConfirmation
              busy={cancelling}
              onConfirm={() => void doCancel()}
              onKeep={() => setMode('view')}
            />
          ) : null}
        </>
      )}
      <p className="kern-body section">
        <a
          className="kern-link"
          href={eventPath(event.slug)}
          onClick={linkHandler(eventPath(event.slug))}
        >
          {t.manage.toEvent}
        </a>
      </p>
    </>
  );
}

function CancelConfirmation({
  busy,
  onConfirm,
  onKeep,
}: {
  busy: boolean;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  const { t } = useI18n();
  return (
    <section
      className="kern-alert kern-alert--warning section"
      aria-labelledby="cancel-confirm-title"
      ref={(el) => el?.querySelector<HTMLElement>('h2')?.focus()}
    >
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--warning" aria-hidden="true" />
        <h2 id="cancel-confirm-title" className="kern-title" tabIndex={-1}>
          {t.manage.cancelConfirmTitle}
        </h2>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{t.manage.cancelConfirmText}</p>
        <div className="kern-btn-wrapper manage-actions">
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            aria-disabled={busy}
            onClick={onConfirm}
          >
            <span className="kern-label">{t.manage.cancelConfirm}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onKeep}>
            <span className="kern-label">{t.manage.cancelKeep}</span>
          </button>
        </div>
      </div>
    </section>
  );
}

function EditForm({
  event,
  registration,
  token,
  onDone,
}: {
  event: EventData;
  registration: RegistrationData;
  token: string;
  onDone: (updated: RegistrationData | null) => void;
}) {
  const { t } = useI18n();
  const f = useFormat(event.timeZone);
  const phases = choicePhases(event.agenda);
  const waitlisted = registration.status === 'WAITLISTED';
  const held = new Set(registration.workshops.map((w) => w.id));
  const [participant, setParticipant] = useState(valuesOf(registration));
  const [choice, setChoice] = useState<Record<string, string>>(() =>
    Object.fromEntries(registration.workshops.map((w) => [w.phase.id, w.id])),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [alternatives, setAlternatives] = useState<Record<string, Alternative[]>>({});
  const [submits, setSubmits] = useState(0);
  const [{ fetching }, update] = useMutation(UpdateRegistrationMutation);
  const heading = useRef<HTMLHeadingElement>(null);
  // the button that opened the form is gone: focus moves to the form's heading
  useEffect(() => heading.current?.focus(), []);
  const selectable = (w: ChoiceWorkshop) =>
    waitlisted || held.has(w.id) || w.capacityStatus !== 'FULL';

  const submit = async (currentChoice: Record<string, string>) => {
    if (fetching) return;
    setSubmits((n) => n + 1);
    setFormError(null);
    const found = validateParticipant(participant, t.form.errors);
    for (const phase of phases) {
      if (!currentChoice[phase.id]) found[phaseKey(phase.id)] = t.form.errors.workshop(phase.title);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setAlternatives({});
    const result = await update({
      token,
      input: {
        participant: participantInput(participant),
        workshopIds: phases.map((p) => currentChoice[p.id]),
      },
    });
    setSubmits((n) => n + 1);
    const answer = result.data?.updateRegistration;
    if (!answer) {
      setFormError(result.error?.networkError ? t.form.errors.network : t.form.errors.unknown);
      return;
    }
    switch (answer.__typename) {
      case 'Registration':
        onDone({ ...registration, ...answer });
        return;
      case 'WorkshopFullError': {
        const phaseId = answer.workshop.phase.id;
        setErrors({
          [phaseKey(phaseId)]: t.form.errors.workshopFull(
            answer.workshop.number,
            answer.workshop.title,
          ),
        });
        setAlternatives({ [phaseId]: answer.alternatives });
        return;
      }
      case 'InputInvalidError': {
        const field = participantField(answer.field);
        if (field) setErrors({ [field]: answer.message });
        else setFormError(answer.message);
        return;
      }
      case 'RegistrationClosedError':
        setFormError(t.manage.closed(f.dateTime(answer.closedAt)));
        return;
      case 'InvalidWorkshopSelectionError':
        setFormError(t.form.errors.invalidSelection);
        return;
      case 'RegistrationNotFoundError':
        setFormError(t.manage.invalid);
        return;
    }
  };

  const { summary, targets } = registrationErrorSummary({
    errors,
    formError,
    phases,
    selectable,
  });

  return (
    <form
      noValidate
      className="registration-form"
      aria-labelledby="edit-heading"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void submit(choice);
      }}
    >
      <h2 id="edit-heading" className="kern-heading-medium" tabIndex={-1} ref={heading}>
        {t.manage.edit}
      </h2>
      <ErrorSummary errors={summary} targets={targets} focusKey={submits} />
      <ParticipantFields
        values={participant}
        onChange={setParticipant}
        errors={errors}
        organizerName={event.organizerName}
      />
      <WorkshopPhases
        phases={phases}
        timeZone={event.timeZone}
        heading={<h3 className="kern-heading-medium">{t.form.workshopsTitle}</h3>}
        hint={waitlisted ? t.form.waitlistWishHint : t.form.workshopsHint}
        choice={choice}
        setChoice={setChoice}
        errors={errors}
        selectable={selectable}
        alternatives={alternatives}
        submit={submit}
      />
      <div className="kern-btn-wrapper form-actions manage-actions">
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={fetching}>
          <span className="kern-label">{fetching ? t.form.sending : t.manage.save}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => onDone(null)}>
          <span className="kern-label">{t.manage.discard}</span>
        </button>
      </div>
    </form>
  );
}
