import { useQuery } from 'urql';
import { Alert, Loading } from '../components/Layout';
import { EventListQuery } from '../graphql/operations';
import { useI18n } from '../lib/i18n';
import { eventPath, linkHandler, usePageTitle } from '../lib/router';
import { EventDate } from './EventPage';

export function EventListPage() {
  const { t } = useI18n();
  const [{ data, error, fetching }] = useQuery({ query: EventListQuery, variables: {} });
  usePageTitle(`${t.list.title} – ${t.appName}`);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.list.title}</h1>
      <p className="kern-body kern-body--large">{t.list.intro}</p>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <Alert kind="danger" title={t.loadError} role="alert" /> : null}
      {data && data.events.edges.length === 0 ? <p className="kern-body">{t.list.empty}</p> : null}
      {data ? (
        <ul className="event-list">
          {data.events.edges.map(({ node }) => (
            <li key={node.id} className="kern-card event-list__item">
              <div className="kern-card__container">
                <div className="kern-card__header">
                  <h2 className="kern-heading-medium">
                    <a
                      className="kern-link"
                      href={eventPath(node.slug)}
                      onClick={linkHandler(eventPath(node.slug))}
                      lang={node.language}
                    >
                      {node.title}
                    </a>
                  </h2>
                  {node.subtitle ? (
                    <p className="kern-body" lang={node.language}>
                      {node.subtitle}
                    </p>
                  ) : null}
                </div>
                <div className="kern-card__body">
                  <p className="kern-body">
                    <EventDate event={node} />
                    {node.venue ? ` · ${node.venue.name}, ${node.venue.city}` : ''}
                  </p>
                  <p>
                    {node.status === 'CANCELLED' ? (
                      <span className="kern-badge kern-badge--danger">{t.list.cancelled}</span>
                    ) : node.isRegistrationOpen ? (
                      <span className="kern-badge kern-badge--success">{t.list.open}</span>
                    ) : (
                      <span className="kern-badge kern-badge--info">{t.list.closed}</span>
                    )}
                  </p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
