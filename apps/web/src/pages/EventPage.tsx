import { useEffect, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { Agenda, type EventData } from '../components/Agenda';
import { Alert, Loading } from '../components/Layout';
import { LostLinkSection } from '../components/LostLink';
import { EventPageQuery } from '../graphql/operations';
import { useFormat, useI18n } from '../lib/i18n';
import { usePageTitle } from '../lib/router';
import { RegistrationSection } from './RegistrationForm';

export type { EventData };

export function EventDate({
  event,
}: {
  event: { startsAt: string; endsAt: string; timeZone: string };
}) {
  const { t } = useI18n();
  const f = useFormat(event.timeZone);
  return (
    <>
      {f.date(event.startsAt)}, {t.event.timeRange(f.time(event.startsAt), f.time(event.endsAt))}
    </>
  );
}

export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}

/** Loads an event by slug and sets the page language to the event's own. */
export function useEvent(slug: string) {
  const { setPageLanguage } = useI18n();
  const [result, reexecute] = useQuery({ query: EventPageQuery, variables: { slug } });
  const language = result.data?.event?.language;
  useEffect(() => setPageLanguage(language), [language, setPageLanguage]);
  return [result, reexecute] as const;
}

export function EventLoader({
  slug,
  children,
}: {
  slug: string;
  children: (event: EventData) => ReactNode;
}) {
  const { t } = useI18n();
  const [{ data, error, fetching }] = useEvent(slug);
  usePageTitle(data?.event ? `${data.event.title} – ${t.appName}` : null);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <Alert kind="danger" title={t.loadError} role="alert" />;
  if (!data?.event) {
    return (
      <>
        <h1 className="kern-heading-x-large">{t.notFoundTitle}</h1>
        <p className="kern-body">{t.event.notFound}</p>
      </>
    );
  }
  return <>{children(data.event)}</>;
}

export function RegistrationWindow({ event }: { event: EventData }) {
  const { t } = useI18n();
  const f = useFormat(event.timeZone);
  const [now] = useState(Date.now);
  if (event.status === 'CANCELLED') return <Alert kind="danger" title={t.event.cancelled} />;
  if (event.registrationOpensAt && Date.parse(event.registrationOpensAt) > now) {
    return (
      <Alert
        kind="info"
        title={t.event.registrationNotYetOpen(f.dateTime(event.registrationOpensAt))}
      />
    );
  }
  if (!event.isRegistrationOpen) {
    return (
      <Alert
        kind="info"
        title={t.event.registrationClosed(f.dateTime(event.registrationClosesAt))}
      />
    );
  }
  return (
    <p className="kern-body kern-body--bold">
      {t.event.registrationUntil(f.dateTime(event.registrationClosesAt))}
    </p>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

export function EventHeader({ event }: { event: EventData }) {
  const { t } = useI18n();
  const v = event.venue;
  return (
    <>
      <div className="kern-hgroup">
        <h1 className="kern-heading-x-large">{event.title}</h1>
        {event.subtitle ? <p className="kern-body kern-body--large">{event.subtitle}</p> : null}
      </div>
      <dl className="kern-description-list facts">
        <Fact label={t.event.when}>
          <EventDate event={event} />
        </Fact>
        {v ? (
          <Fact label={t.event.where}>
            <address className="venue">
              {v.name}
              {v.street ? (
                <>
                  <br />
                  {v.street}
                </>
              ) : null}
              <br />
              {[v.postalCode, v.city].filter(Boolean).join(' ')}
              {v.country ? (
                <>
                  <br />
                  {v.country}
                </>
              ) : null}
            </address>
          </Fact>
        ) : null}
        {event.costNote ? <Fact label={t.event.cost}>{event.costNote}</Fact> : null}
        <Fact label={t.event.organizer}>{event.organizerName}</Fact>
        {event.contactEmail ? (
          <Fact label={t.event.contact}>
            <a className="kern-link" href={`mailto:${event.contactEmail}`}>
              {event.contactEmail}
            </a>
          </Fact>
        ) : null}
        <Fact label={t.event.seats}>
          {event.seatsLeft === null || event.seatsLeft === undefined
            ? t.event.unlimited
            : t.event.seatsLeft(event.seatsLeft)}
        </Fact>
      </dl>
    </>
  );
}

export function EventDescription({ event }: { event: EventData }) {
  if (!event.description) return null;
  return <p className="kern-body section event-description">{event.description}</p>;
}

export function CalendarLinks({
  url,
  title,
  download,
  subscribe,
}: {
  url: string;
  title: string;
  download?: string;
  subscribe?: string;
}) {
  const { t } = useI18n();
  return (
    <ul className="kern-list calendar-links" aria-label={title}>
      <li>
        <a className="kern-link" href={url} download>
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          {download ?? t.event.calendarDownload}
        </a>
      </li>
      <li>
        <a className="kern-link" href={webcalUrl(url)}>
          <span className="kern-icon kern-icon--calendar-today" aria-hidden="true" />
          {subscribe ?? t.event.calendarSubscribe}
        </a>
      </li>
    </ul>
  );
}

export function PrivacyNotice({ event }: { event: EventData }) {
  const { t } = useI18n();
  return (
    <section id="datenschutz" aria-labelledby="privacy-heading" className="section">
      <h2 id="privacy-heading" className="kern-heading-medium">
        {t.event.privacyTitle}
      </h2>
      <p className="kern-body">{t.event.privacyText(event.organizerName)}</p>
      {event.contactEmail ? (
        <p className="kern-body">
          {t.event.privacyContact}{' '}
          <a className="kern-link" href={`mailto:${event.contactEmail}`}>
            {event.contactEmail}
          </a>
        </p>
      ) : null}
    </section>
  );
}

export function EventPage({ slug }: { slug: string }) {
  const { t } = useI18n();
  return (
    <EventLoader slug={slug}>
      {(event) => (
        <>
          <EventHeader event={event} />
          <RegistrationWindow event={event} />
          {event.isRegistrationOpen && event.status !== 'CANCELLED' ? (
            <p className="kern-body">
              <a className="kern-link" href="#anmeldung">
                {t.event.toRegistration}
              </a>
            </p>
          ) : null}
          <EventDescription event={event} />
          <section aria-labelledby="calendar-heading" className="section">
            <h2 id="calendar-heading" className="kern-heading-medium">
              {t.event.calendarTitle}
            </h2>
            <CalendarLinks url={event.calendarUrl} title={t.event.calendarTitle} />
          </section>
          <Agenda event={event} />
          <RegistrationSection event={event} />
          {event.status === 'CANCELLED' ? null : <LostLinkSection eventId={event.id} />}
          <PrivacyNotice event={event} />
        </>
      )}
    </EventLoader>
  );
}
