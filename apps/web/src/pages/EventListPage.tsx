import { useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Loading } from '../components/Layout';
import type { WebEventListQuery } from '../gql/graphql';
import { EventListQuery } from '../graphql/operations';
import { useFormat, useI18n } from '../lib/i18n';
import { eventPath, linkHandler, usePageTitle } from '../lib/router';
import { EventDate } from './EventPage';

type ListedEvent = WebEventListQuery['events']['edges'][number]['node'];

function RegistrationBadge({ event }: { event: ListedEvent }) {
  const { t } = useI18n();
  const f = useFormat(event.timeZone);
  const [now] = useState(Date.now);
  if (event.status === 'CANCELLED') {
    return <span className="kern-badge kern-badge--danger">{t.list.cancelled}</span>;
  }
  if (event.registrationOpensAt && Date.parse(event.registrationOpensAt) > now) {
    return (
      <span className="kern-badge kern-badge--info">
        {t.list.notYetOpen(f.dateTime(event.registrationOpensAt))}
      </span>
    );
  }
  if (event.isRegistrationOpen) {
    return (
      <span className="kern-badge kern-badge--success">
        {t.list.openUntil(f.dateTime(event.registrationClosesAt))}
      </span>
    );
  }
  return <span className="kern-badge kern-badge--info">{t.list.closed}</span>;
}

/** One event as a card; the only upcoming event also shows its description. */
function EventCard({ event, featured }: { event: ListedEvent; featured: boolean }) {
  const { t } = useI18n();
  const href = eventPath(event.slug);
  const titleId = `event-${event.id}-title`;
  return (
    <li className={`kern-card event-list__item${featured ? ' event-list__item--featured' : ''}`}>
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-heading-medium" id={titleId} lang={event.language}>
            <a className="kern-link" href={href} onClick={linkHandler(href)}>
              {event.title}
            </a>
          </h2>
          {event.subtitle ? (
            <p className="kern-body" lang={event.language}>
              {event.subtitle}
            </p>
          ) : null}
        </div>
        <div className="kern-card__body">
          <p className="kern-body kern-body--bold">
            <EventDate event={event} />
            {event.venue ? ` · ${event.venue.name}, ${event.venue.city}` : ''}
          </p>
          {featured && event.description ? (
            <p className="kern-body" lang={event.language}>
              {event.description}
            </p>
          ) : null}
          <p>
            <RegistrationBadge event={event} />
          </p>
          <p>
            <a
              className={`kern-btn ${featured ? 'kern-btn--primary' : 'kern-btn--secondary'} link-button`}
              href={href}
              onClick={linkHandler(href)}
              aria-describedby={titleId}
            >
              <span className="kern-label">
                {event.isRegistrationOpen && event.status !== 'CANCELLED'
                  ? t.list.toEvent
                  : t.list.toEventClosed}
              </span>
            </a>
          </p>
        </div>
      </div>
    </li>
  );
}

/** One page of the list; the last loaded page offers the next. */
function EventListPageOfEvents({
  after,
  isLast,
  onMore,
}: {
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useI18n();
  const [{ data, error, fetching }] = useQuery({ query: EventListQuery, variables: { after } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <Alert kind="danger" title={t.loadError} role="alert" />;
  if (!data) return null;
  const { edges, pageInfo } = data.events;
  if (after === null && edges.length === 0) return <p className="kern-body">{t.list.empty}</p>;
  const featured = after === null && edges.length === 1 && !pageInfo.hasNextPage;
  return (
    <>
      <ul className="event-list">
        {edges.map(({ node }) => (
          <EventCard key={node.id} event={node} featured={featured} />
        ))}
      </ul>
      {isLast && pageInfo.hasNextPage && pageInfo.endCursor ? (
        <p className="section">
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() => onMore(pageInfo.endCursor!)}
          >
            <span className="kern-label">{t.list.more}</span>
          </button>
        </p>
      ) : null}
    </>
  );
}

export function EventListPage() {
  const { t } = useI18n();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  usePageTitle(`${t.list.title} – ${t.appName}`);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.list.title}</h1>
      <p className="kern-body kern-body--large">{t.list.intro}</p>
      {cursors.map((after, i) => (
        <EventListPageOfEvents
          key={after ?? 'first'}
          after={after}
          isLast={i === cursors.length - 1}
          onMore={(cursor) => setCursors((c) => [...c, cursor])}
        />
      ))}
    </>
  );
}
