import { useState } from 'react';
import { useQuery } from 'urql';
import type { AdminManagedEventsQuery } from '../gql/graphql';
import { Loading } from '../components/Layout';
import { useFormat, useI18n } from '../lib/i18n';
import { linkHandler, usePageTitle } from '../lib/router';
import { DataTable } from './DataTable';
import { AdminManagedEvents } from './event-operations';
import { adminEditPath, adminEventPath } from './paths';
import { NewEventForm } from './NewEventForm';

type EventNode = AdminManagedEventsQuery['managedEvents']['edges'][number]['node'];

/**
 * Every event the organizer may manage (their own; all for admins), as drafts,
 * upcoming and past events, each with its numbers at a glance.
 */
export function EventsOverview() {
  const { t } = useI18n();
  usePageTitle(`${t.admin.overviewTitle} – ${t.appName}`);
  const [{ data, fetching, error }] = useQuery({ query: AdminManagedEvents });
  const events = data?.managedEvents.edges.map((e) => e.node) ?? [];
  // past or upcoming as of the page's opening
  const [now] = useState(() => Date.now());
  const drafts = events.filter((e) => e.status === 'DRAFT');
  const upcoming = events.filter((e) => e.status !== 'DRAFT' && Date.parse(e.endsAt) > now);
  // the most recent past event first
  const past = events.filter((e) => e.status !== 'DRAFT' && Date.parse(e.endsAt) <= now).reverse();
  const groups = [
    { id: 'upcoming', title: t.overview.upcoming, caption: t.admin.eventsCaption, rows: upcoming },
    { id: 'drafts', title: t.overview.drafts, caption: t.overview.draftsCaption, rows: drafts },
    { id: 'past', title: t.overview.past, caption: t.overview.pastCaption, rows: past },
  ];
  return (
    <>
      <h1 className="kern-heading-x-large">{t.admin.overviewTitle}</h1>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <p className="kern-body">{t.loadError}</p> : null}
      {data && events.length === 0 ? <p className="kern-body">{t.admin.noEvents}</p> : null}
      {data && events.length > 0
        ? groups.map((group) => (
            <section
              key={group.id}
              aria-labelledby={`events-${group.id}`}
              className="admin-section"
            >
              <h2 id={`events-${group.id}`} className="kern-heading-medium">
                {group.title(group.rows.length)}
              </h2>
              {group.rows.length === 0 ? (
                <p className="kern-body">{t.overview.none}</p>
              ) : (
                <DataTable caption={group.caption}>
                  <thead>
                    <tr>
                      <th scope="col">{t.admin.colEvent}</th>
                      <th scope="col">{t.admin.colDate}</th>
                      <th scope="col">{t.admin.colStatus}</th>
                      <th scope="col">{t.admin.colSeats}</th>
                      <th scope="col">{t.admin.colWaiting}</th>
                      <th scope="col">{t.overview.colRegistrations}</th>
                      <th scope="col">{t.admin.colWarnings}</th>
                      <th scope="col">{t.admin.colActions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.rows.map((event) => (
                      <EventRow key={event.id} event={event} />
                    ))}
                  </tbody>
                </DataTable>
              )}
            </section>
          ))
        : null}
      <NewEventForm />
    </>
  );
}

function EventRow({ event }: { event: EventNode }) {
  const { t } = useI18n();
  const format = useFormat(event.timeZone);
  const path = adminEventPath(event.id);
  const edit = adminEditPath(event.id);
  const blocking = event.agendaWarnings.filter((w) => w.blocksPublishing).length;
  return (
    <tr>
      <th scope="row" id={`event-${event.id}`}>
        <a className="kern-link" href={path} onClick={linkHandler(path)}>
          {event.title}
        </a>
      </th>
      <td>{format.date(event.startsAt)}</td>
      <td>{t.admin.status[event.status]}</td>
      <td>
        {event.capacity === null || event.capacity === undefined
          ? t.admin.seatsUnlimited(event.seatsTaken)
          : t.admin.seatsOf(event.seatsTaken, event.capacity)}
      </td>
      <td>{event.waitlistCount}</td>
      <td>{event.registrationCount}</td>
      <td>
        {event.agendaWarnings.length === 0
          ? t.admin.noWarnings
          : t.admin.warningsCount(event.agendaWarnings.length, blocking)}
      </td>
      <td>
        {/* named "Bearbeiten", described by the row's event, so its name never repeats the title */}
        <a
          className="kern-link"
          href={edit}
          aria-describedby={`event-${event.id}`}
          onClick={linkHandler(edit)}
        >
          {t.overview.edit}
        </a>
      </td>
    </tr>
  );
}
