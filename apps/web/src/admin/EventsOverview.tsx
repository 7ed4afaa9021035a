import { useQuery } from 'urql';
import type { AdminEventsQuery } from '../gql/graphql';
import { Loading } from '../components/Layout';
import { useFormat, useI18n } from '../lib/i18n';
import { linkHandler, usePageTitle } from '../lib/router';
import { DataTable } from './DataTable';
import { AdminEvents } from './operations';
import { adminEventPath } from './paths';
import { NewEventForm } from './NewEventForm';

/** Every event the organizer may manage, with its numbers at a glance. */
export function EventsOverview() {
  const { t } = useI18n();
  usePageTitle(`${t.admin.overviewTitle} – ${t.appName}`);
  const [{ data, fetching, error }] = useQuery({ query: AdminEvents });
  const events = data?.events.edges.map((e) => e.node) ?? [];
  return (
    <>
      <h1 className="kern-heading-x-large">{t.admin.overviewTitle}</h1>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <p className="kern-body">{t.loadError}</p> : null}
      {data && events.length === 0 ? <p className="kern-body">{t.admin.noEvents}</p> : null}
      {events.length > 0 ? (
        <DataTable caption={t.admin.eventsCaption}>
          <thead>
            <tr>
              <th scope="col">{t.admin.colEvent}</th>
              <th scope="col">{t.admin.colDate}</th>
              <th scope="col">{t.admin.colStatus}</th>
              <th scope="col">{t.admin.colSeats}</th>
              <th scope="col">{t.admin.colWaiting}</th>
              <th scope="col">{t.admin.colWarnings}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <EventRow key={event.id} event={event} />
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <NewEventForm />
    </>
  );
}

type EventNode = AdminEventsQuery['events']['edges'][number]['node'];

function EventRow({ event }: { event: EventNode }) {
  const { t } = useI18n();
  const format = useFormat(event.timeZone);
  const path = adminEventPath(event.id);
  const blocking = event.agendaWarnings.filter((w) => w.blocksPublishing).length;
  return (
    <tr>
      <th scope="row">
        <a className="kern-link" href={path} onClick={linkHandler(path)}>
          {event.title}
        </a>
      </th>
      <td>{format.date(event.startsAt)}</td>
      <td>{t.admin.status[event.status]}</td>
      <td>
        {event.capacity === null
          ? t.admin.seatsUnlimited(event.seatsTaken)
          : t.admin.seatsOf(event.seatsTaken, event.capacity)}
      </td>
      <td>{event.waitlistCount}</td>
      <td>
        {event.agendaWarnings.length === 0
          ? t.admin.noWarnings
          : t.admin.warningsCount(event.agendaWarnings.length, blocking)}
      </td>
    </tr>
  );
}
