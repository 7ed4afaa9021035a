import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { AdminRegistrationsQuery, RegistrationStatus } from '../gql/graphql';
import { useFormat, useI18n } from '../lib/i18n';
import { useLastGood } from '../lib/last-good';
import { DataTable } from './DataTable';
import { MoveButton, type DeskWorkshop } from './MoveButton';
import { OnBehalfForm } from './OnBehalfForm';
import { AdminCancelRegistration, AdminRegistrations } from './operations';
import { RegistrationDetail } from './RegistrationDetail';

type Registration = AdminRegistrationsQuery['registrations']['edges'][number]['node'];

/** Rows per page of the desk's table (the API allows up to 200). */
const PAGE_SIZE = 50;
/** Typing pauses this long before the search goes to the server. */
const SEARCH_PAUSE_MS = 250;

/**
 * An event's registrations, searched and filtered by the server (name, e-mail and
 * organisation; status; workshop) and shown a page at a time, so an event with
 * hundreds of registrations finds every one of them.
 */
export function Registrations({
  eventId,
  total,
  timeZone,
  workshops,
  onChanged,
}: {
  eventId: string;
  /** All registrations of the event, whatever the filter. */
  total: number;
  timeZone: string;
  workshops: DeskWorkshop[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat(timeZone);
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState('');
  const [status, setStatus] = useState<RegistrationStatus | ''>('');
  const [workshopId, setWorkshopId] = useState('');
  // the cursors of the pages before the shown one: [] is the first page
  const [cursors, setCursors] = useState<string[]>([]);
  const [detailId, setDetailId] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      setTerm(search.trim());
      setCursors([]);
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const [{ data: fresh }, reexecute] = useQuery({
    query: AdminRegistrations,
    variables: {
      eventId,
      search: term || null,
      status: status || null,
      workshopId: workshopId || null,
      first: PAGE_SIZE,
      after: cursors.at(-1) ?? null,
    },
  });
  // while the next answer is on its way (or failed), the last one stays on screen
  const page = useLastGood(fresh)?.registrations;
  const rows = page?.edges.map((e) => e.node) ?? [];
  const from = cursors.length * PAGE_SIZE + 1;
  const changed = () => {
    onChanged();
    reexecute({ requestPolicy: 'network-only' });
  };
  const phases = [...new Set(workshops.map((w) => w.phase))];

  return (
    <section aria-labelledby="registrations-title" className="admin-section">
      <h2 id="registrations-title" className="kern-heading-medium">
        {t.admin.registrationsTitle(total)}
      </h2>
      <OnBehalfForm eventId={eventId} onRegistered={changed} />
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
              onChange={(e) => {
                setStatus(e.target.value as RegistrationStatus | '');
                setCursors([]);
              }}
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
        {workshops.length > 0 ? (
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="admin-workshop">
              {t.admin.workshopFilter}
            </label>
            <div className="kern-form-input__select-wrapper">
              <select
                id="admin-workshop"
                className="kern-form-input__select"
                value={workshopId}
                onChange={(e) => {
                  setWorkshopId(e.target.value);
                  setCursors([]);
                }}
              >
                <option value="">{t.admin.allWorkshops}</option>
                {phases.map((phase) => (
                  <optgroup key={phase} label={phase}>
                    {workshops
                      .filter((w) => w.phase === phase)
                      .map((w) => (
                        <option key={w.id} value={w.id}>
                          {w.number} {w.title}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </div>
          </div>
        ) : null}
      </div>
      <p className="kern-body" role="status">
        {page === undefined
          ? ''
          : page.totalCount <= PAGE_SIZE && cursors.length === 0
            ? t.admin.shown(page.totalCount, total)
            : t.admin.shownPage(from, from + rows.length - 1, page.totalCount, total)}
      </p>
      {rows.length > 0 ? (
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
            {rows.map((r) => (
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
                      <MoveButton registration={r} workshops={workshops} onChanged={changed} />
                      <CancelButton registration={r} onChanged={changed} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {cursors.length > 0 || page?.pageInfo.hasNextPage ? (
        <nav aria-label={t.admin.pagesLabel} className="admin-pages">
          <button
            type="button"
            className="kern-btn kern-btn--secondary kern-btn--small"
            disabled={cursors.length === 0}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            <span className="kern-label">{t.admin.previousPage(PAGE_SIZE)}</span>
          </button>
          <button
            type="button"
            className="kern-btn kern-btn--secondary kern-btn--small"
            disabled={!page?.pageInfo.hasNextPage || !page.pageInfo.endCursor}
            onClick={() => {
              const next = page?.pageInfo.endCursor;
              if (next) setCursors([...cursors, next]);
            }}
          >
            <span className="kern-label">{t.admin.nextPage(PAGE_SIZE)}</span>
          </button>
        </nav>
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
