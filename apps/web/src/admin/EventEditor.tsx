import { Alert, Loading } from '../components/Layout';
import { useQuery } from 'urql';
import { useI18n } from '../lib/i18n';
import { linkHandler, useLocation, usePageTitle } from '../lib/router';
import { AdminEditEvent } from './event-operations';
import { CancelEvent, CopyEvent, Unpublish } from './EventActions';
import { EventForm } from './EventForm';
import { adminEventPath } from './paths';

/**
 * `/admin/e/{id}/bearbeiten`: every field of an event, its dates and times as
 * local times of its zone (the server applies the zone's rules); copy it to a
 * new day, take it back to a draft, or cancel it with a reason.
 */
export function EventEditor({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AdminEditEvent,
    variables: { id: eventId },
  });
  const event = data?.event;
  usePageTitle(event ? `${t.editor.title(event.title)} – ${t.admin.consoleName}` : null);
  if (fetching && !data) return <Loading />;
  if (!event && error?.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN')) {
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
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <h1 className="kern-heading-x-large">{t.editor.title(event.title)}</h1>
      <p className="kern-body">
        <a
          className="kern-link"
          href={adminEventPath(event.id)}
          onClick={linkHandler(adminEventPath(event.id))}
        >
          {t.editor.toDesk}
        </a>
      </p>
      <Copied />
      <p className="kern-body">
        {t.admin.status[event.status]} · {t.editor.registered(event.registrationCount)}
      </p>
      {event.status === 'CANCELLED' ? (
        <Alert kind="warning" title={t.editor.cancelledTitle}>
          {event.cancelReason ? (
            <p className="kern-body">{t.editor.cancelledReason(event.cancelReason)}</p>
          ) : null}
          <p className="kern-body">{t.editor.cancelledTextsOnly}</p>
        </Alert>
      ) : null}
      <EventForm event={event} onSaved={reload} />
      <CopyEvent event={event} />
      {event.status === 'PUBLISHED' ? <Unpublish event={event} onDone={reload} /> : null}
      {event.status === 'PUBLISHED' ? <CancelEvent event={event} onDone={reload} /> : null}
    </>
  );
}

/** After "copy", the copy's editor says so (the navigation's state carries it). */
function Copied() {
  const { t } = useI18n();
  const { state } = useLocation();
  const copied = (state as { copiedFrom?: string } | null)?.copiedFrom;
  return copied ? <Alert kind="success" role="status" title={t.editor.copied(copied)} /> : null;
}
