import { useQuery } from 'urql';
import { Alert, Loading } from '../components/Layout';
import { MyRegistrationQuery } from '../graphql/operations';
import type { WebMyRegistrationQuery } from '../gql/graphql';
import { useFormat, useI18n } from '../lib/i18n';
import { eventPath, linkHandler, useLocation } from '../lib/router';
import { CalendarLinks, EventLoader, type EventData } from './EventPage';
import type { ConfirmationState } from './RegistrationForm';

type RegistrationData = NonNullable<WebMyRegistrationQuery['myRegistration']>;

function confirmationState(state: unknown): ConfirmationState | null {
  if (typeof state !== 'object' || state === null) return null;
  const { manageToken, email } = state as Record<string, unknown>;
  return typeof manageToken === 'string' && typeof email === 'string'
    ? { manageToken, email }
    : null;
}

export function manageHref(token: string): string {
  return `/verwalten#${encodeURIComponent(token)}`;
}

/** The chosen workshops with their phase's times and their rooms. */
export function WorkshopSummary({
  registration,
  timeZone,
}: {
  registration: RegistrationData;
  timeZone: string;
}) {
  const { t } = useI18n();
  const f = useFormat(timeZone);
  if (registration.workshops.length === 0) return null;
  return (
    <dl className="kern-description-list">
      {registration.workshops.map((w) => (
        <div className="kern-description-list-item" key={w.id}>
          <dt className="kern-description-list-item__key">
            {t.phaseTime(w.phase.title, f.time(w.phase.startsAt), f.time(w.phase.endsAt))}
          </dt>
          <dd className="kern-description-list-item__value">
            {t.workshopLine(w.number, w.title)}
            {w.room ? (
              <>
                <br />
                {t.event.room(w.room)}
              </>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Confirmation({ event, state }: { event: EventData; state: ConfirmationState }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: MyRegistrationQuery,
    variables: { token: state.manageToken },
    requestPolicy: 'network-only',
  });
  if (fetching && !data) return <Loading />;
  const registration = data?.myRegistration;
  if (!registration) {
    return <Alert kind="danger" title={error ? t.loadError : t.confirmed.missing} role="alert" />;
  }
  const waitlisted = registration.status === 'WAITLISTED';
  return (
    <>
      <h1 className="kern-heading-x-large">
        {waitlisted ? t.confirmed.titleWaitlisted : t.confirmed.titleConfirmed}
      </h1>
      <Alert kind={waitlisted ? 'warning' : 'success'}>
        <p className="kern-body">
          {waitlisted
            ? t.confirmed.textWaitlisted(event.title)
            : t.confirmed.textConfirmed(event.title)}
        </p>
        <p className="kern-body">{t.confirmed.mail(state.email)}</p>
      </Alert>
      {registration.workshops.length > 0 ? (
        <section className="section" aria-labelledby="workshops-heading">
          <h2 id="workshops-heading" className="kern-heading-medium">
            {waitlisted ? t.confirmed.workshopsTitleWaitlisted : t.confirmed.workshopsTitle}
          </h2>
          <WorkshopSummary registration={registration} timeZone={event.timeZone} />
        </section>
      ) : null}
      <section className="section" aria-labelledby="my-calendar-heading">
        <h2 id="my-calendar-heading" className="kern-heading-medium">
          {t.confirmed.calendarTitle}
        </h2>
        <CalendarLinks
          url={registration.calendarUrl}
          title={t.confirmed.calendarTitle}
          download={t.confirmed.calendarDownload}
          subscribe={t.confirmed.calendarSubscribe}
        />
      </section>
      <p className="kern-body section">
        <a className="kern-link" href={manageHref(state.manageToken)}>
          {t.confirmed.manage}
        </a>
      </p>
    </>
  );
}

export function ConfirmationPage({ slug }: { slug: string }) {
  const { t } = useI18n();
  const state = confirmationState(useLocation().state);
  return (
    <EventLoader slug={slug}>
      {(event) => (
        <>
          <p className="kern-body">
            <a className="kern-link" href={eventPath(slug)} onClick={linkHandler(eventPath(slug))}>
              {event.title}
            </a>
          </p>
          {state ? (
            <Confirmation event={event} state={state} />
          ) : (
            <>
              <h1 className="kern-heading-x-large">{t.form.title}</h1>
              <Alert kind="info" title={t.confirmed.missing} />
            </>
          )}
          <p className="kern-body section">
            <a className="kern-link" href={eventPath(slug)} onClick={linkHandler(eventPath(slug))}>
              {t.confirmed.backToEvent}
            </a>
          </p>
        </>
      )}
    </EventLoader>
  );
}
