import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, Loading } from '../components/Layout';
import type { AdminEventQuery } from '../gql/graphql';
import { useFormat, useI18n } from '../lib/i18n';
import { linkHandler, usePageTitle } from '../lib/router';
import { DataTable } from './DataTable';
import { AgendaEditor } from './AgendaEditor';
import { AdminCancelRegistration, AdminEvent } from './operations';
import { download } from './session';
import { MoveButton, type DeskWorkshop } from './MoveButton';
import { RegistrationDetail } from './RegistrationDetail';

type Registration = AdminEventQuery['registrations']['edges'][number]['node'];
type Status = Registration['status'];

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
  const [lastGood, setLastGood] = useState(fresh);
  if (fresh?.event && fresh !== lastGood) setLastGood(fresh);
  const data = fresh?.event ? fresh : lastGood;
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
      {workshops.length > 0 ? (
        <DataTable caption={t.admin.workshopsCaption}>
          <thead>
            <tr>
              <th scope="col">{t.admin.colNumber}</th>
              <th scope="col">{t.admin.colWorkshop}</th>
              <th scope="col">{t.admin.colPhase}</th>
              <th scope="col">{t.admin.colRoom}</th>
              <th scope="col">{t.admin.colSeats}</th>
            </tr>
          </thead>
          <tbody>
            {workshops.map((w) => (
              <tr key={w.id}>
                <td>{w.number}</td>
                <th scope="row">{w.title}</th>
                <td>{w.phase}</td>
                <td>{w.room ?? ''}</td>
                <td>{t.admin.seatsOf(w.seatsTaken, w.capacity)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <Registrations
        registrations={data.registrations.edges.map((e) => e.node)}
        total={data.registrations.totalCount}
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

function Registrations({
  registrations,
  total,
  timeZone,
  workshops,
  onChanged,
}: {
  registrations: Registration[];
  total: number;
  timeZone: string;
  workshops: DeskWorkshop[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat(timeZone);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [detailId, setDetailId] = useState<string | null>(null);
  const shown = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('de');
    return registrations.filter(
      (r) =>
        (status === '' || r.status === status) &&
        (needle === '' ||
          [r.firstName, r.lastName, r.email, r.organization ?? '']
            .join(' ')
            .toLocaleLowerCase('de')
            .includes(needle)),
    );
  }, [registrations, search, status]);
  return (
    <section aria-labelledby="registrations-title" className="admin-section">
      <h2 id="registrations-title" className="kern-heading-medium">
        {t.admin.registrationsTitle(total)}
      </h2>
      <div className="admin-filters">
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="admin-search">
            {t.admin.search}
          </label>
          <input
            id="admin-search"
            type="search"
            className="kern-form-input__input"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="admin-status">
            {t.admin.statusFilter}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id="admin-status"
              className="kern-form-input__select"
              value={status}
              onChange={(e) => setStatus(e.target.value as Status | '')}
            >
              <option value="">{t.admin.allStatuses}</option>
              {(['CONFIRMED', 'WAITLISTED', 'CANCELLED'] as const).map((s) => (
                <option key={s} value={s}>
                  {t.admin.registrationStatus[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <p className="kern-body" role="status">
        {t.admin.shown(shown.length, registrations.length)}
      </p>
      {shown.length > 0 ? (
        <DataTable caption={t.admin.registrationsCaption}>
          <thead>
            <tr>
              <th scope="col">{t.admin.colName}</th>
              <th scope="col">{t.admin.colOrganization}</th>
              <th scope="col">{t.admin.colStatus}</th>
              <th scope="col">{t.admin.colWorkshops}</th>
              <th scope="col">{t.admin.colRegistered}</th>
              <th scope="col">{t.admin.colMail}</th>
              <th scope="col">{t.admin.colActions}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.lastName}, {r.firstName}
                  <span className="admin-table__sub">{r.email}</span>
                </th>
                <td>{r.organization ?? ''}</td>
                <td>{t.admin.registrationStatus[r.status]}</td>
                <td>{r.workshops.map((w) => w.number).join(', ')}</td>
                <td>{format.date(r.createdAt)}</td>
                <td>{t.admin.mailStatus[r.mailStatus]}</td>
                <td>
                  <button
                    type="button"
                    className="kern-btn kern-btn--tertiary kern-btn--small"
                    aria-label={t.admin.detailLabel(`${r.firstName} ${r.lastName}`)}
                    onClick={() => setDetailId(r.id)}
                  >
                    <span className="kern-label">{t.admin.detail}</span>
                  </button>
                  {r.status === 'CANCELLED' ? null : (
                    <>
                      <MoveButton registration={r} workshops={workshops} onChanged={onChanged} />
                      <CancelButton registration={r} onChanged={onChanged} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {detailId ? (
        <RegistrationDetail
          key={detailId}
          id={detailId}
          timeZone={timeZone}
          onClose={() => setDetailId(null)}
        />
      ) : null}
    </section>
  );
}

/** Cancelling is a two-step action: the first button asks, the second does it. */
function CancelButton({
  registration,
  onChanged,
}: {
  registration: Registration;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [state, cancel] = useMutation(AdminCancelRegistration);
  const name = `${registration.firstName} ${registration.lastName}`;
  if (!asking) {
    return (
      <button
        type="button"
        className="kern-btn kern-btn--tertiary kern-btn--small"
        aria-label={t.admin.cancelLabel(name)}
        onClick={() => setAsking(true)}
      >
        <span className="kern-label">{t.admin.cancel}</span>
      </button>
    );
  }
  return (
    <div role="group" aria-label={t.admin.cancelQuestion(name)} className="admin-confirm">
      <span className="kern-body kern-body--small">{t.admin.cancelQuestion(name)}</span>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={`reason-${registration.id}`}>
          {t.admin.cancelReason}
        </label>
        <textarea
          id={`reason-${registration.id}`}
          className="kern-form-input__input"
          maxLength={1000}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button
        type="button"
        className="kern-btn kern-btn--primary kern-btn--small"
        disabled={state.fetching}
        onClick={() =>
          void cancel({ id: registration.id, reason: reason.trim() || null }).then((result) => {
            // refused (e.g. the session expired): the question stays for another try
            if (result.error) return;
            setAsking(false);
            onChanged();
          })
        }
      >
        <span className="kern-label">{t.admin.cancelConfirm}</span>
      </button>
      <button
        type="button"
        className="kern-btn kern-btn--secondary kern-btn--small"
        onClick={() => setAsking(false)}
      >
        <span className="kern-label">{t.admin.cancelKeep}</span>
      </button>
    </div>
  );
}
