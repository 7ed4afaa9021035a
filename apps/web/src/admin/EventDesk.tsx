import { useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Loading } from '../components/Layout';
import { useI18n } from '../lib/i18n';
import { useLastGood } from '../lib/last-good';
import { linkHandler, usePageTitle } from '../lib/router';
import { AgendaEditor } from './AgendaEditor';
import { AdminEvent } from './operations';
import { download } from './session';
import { Registrations } from './Registrations';
import { WaitingList } from './WaitingList';

const EXPORTS = [
  'registrations.xlsx',
  'registrations.csv',
  'sign-in-sheet.pdf',
  'room-lists.pdf',
  'badges.pdf',
] as const;

/** One event's desk: workshops with their seats, the registrations, the lists to print. */
export function EventDesk({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const [{ data: fresh, fetching, error }, refetch] = useQuery({
    query: AdminEvent,
    variables: { id: eventId },
  });
  // a failed refetch (an expired session, a network hiccup) keeps the last good answer on screen
  const data = useLastGood(fresh, (answer) => Boolean(answer.event));
  const event = data?.event;
  usePageTitle(event ? `${event.title} – ${t.admin.consoleName}` : null);
  if (fetching && !data) return <Loading />;
  if (!data && error?.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN')) {
    return <Alert kind="danger" role="alert" title={t.admin.forbidden} />;
  }
  if (!event) {
    return (
      <>
        <h1 className="kern-heading-x-large">{t.admin.eventNotFound}</h1>
        <a className="kern-link" href="/admin" onClick={linkHandler('/admin')}>
          {t.admin.overviewLink}
        </a>
      </>
    );
  }
  const workshops = event.agenda.flatMap((item) =>
    item.workshops.map((w) => ({ ...w, phase: item.title })),
  );
  return (
    <>
      <h1 className="kern-heading-x-large">{event.title}</h1>
      <p className="kern-body">
        {t.admin.status[event.status]} ·{' '}
        {event.capacity === null
          ? t.admin.seatsUnlimited(event.seatsTaken)
          : t.admin.seatsOf(event.seatsTaken, event.capacity)}{' '}
        · {t.admin.waiting(event.waitlistCount)}
      </p>
      {event.agendaWarnings.length > 0 ? (
        <Alert kind="warning" title={t.admin.warningsTitle}>
          <ul className="kern-list">
            {event.agendaWarnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <AgendaEditor event={event} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
      <Downloads eventId={event.id} />
      <WaitingList
        eventId={event.id}
        version={data}
        onChanged={() => refetch({ requestPolicy: 'network-only' })}
      />
      <Registrations
        eventId={event.id}
        total={data.allRegistrations.totalCount}
        timeZone={event.timeZone}
        workshops={workshops}
        onChanged={() => refetch({ requestPolicy: 'network-only' })}
      />
    </>
  );
}

function Downloads({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState(false);
  return (
    <section aria-labelledby="downloads-title" className="admin-section">
      <h2 id="downloads-title" className="kern-heading-medium">
        {t.admin.downloadsTitle}
      </h2>
      {problem ? <Alert kind="danger" role="alert" title={t.admin.downloadFailed} /> : null}
      <ul className="admin-downloads">
        {EXPORTS.map((file) => (
          <li key={file}>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() =>
                void download(`/exports/events/${encodeURIComponent(eventId)}/${file}`).then(
                  (outcome) => setProblem(outcome === 'failed'),
                )
              }
            >
              <span className="kern-label">{t.admin.exports[file]}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
