import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, Loading } from '../components/Layout';
import { useFormat, useI18n } from '../lib/i18n';
import { AdminRegistration, AdminResendMail } from './operations';

/** One registration with all its data and its history; focus moves to its heading. */
export function RegistrationDetail({
  id,
  timeZone,
  onClose,
}: {
  id: string;
  timeZone: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat(timeZone);
  const heading = useRef<HTMLHeadingElement>(null);
  const [{ data, fetching }, refetch] = useQuery({ query: AdminRegistration, variables: { id } });
  const [resent, setResent] = useState(false);
  const [resendState, resend] = useMutation(AdminResendMail);
  const r = data?.registration;
  useEffect(() => {
    if (r) heading.current?.focus();
  }, [r]);
  if (fetching && !r) return <Loading />;
  if (!r) return null;
  const name = `${r.firstName} ${r.lastName}`;
  const f = t.admin.detailFields;
  const rows: [string, string][] = [
    [f.email, r.email],
    [f.organization, r.organization ?? '–'],
    [f.jobTitle, r.jobTitle ?? '–'],
    [f.accessibilityNeeds, r.accessibilityNeeds ?? '–'],
    [f.dietaryNeeds, r.dietaryNeeds ?? '–'],
    [f.workshops, r.workshops.map((w) => `${w.number}: ${w.title}`).join('; ') || '–'],
    [f.mail, t.admin.mailStatus[r.mailStatus]],
  ];
  const numbers = (ws: { number: number }[]) => ws.map((w) => w.number).join(', ');
  return (
    <section aria-labelledby="detail-title" className="admin-section">
      <h2 id="detail-title" className="kern-heading-medium" tabIndex={-1} ref={heading}>
        {t.admin.detailTitle(name)} · {t.admin.registrationStatus[r.status]}
      </h2>
      <dl className="admin-detail">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="kern-label">{label}</dt>
            <dd className="kern-body">{value}</dd>
          </div>
        ))}
      </dl>
      {resent ? <Alert kind="success" role="status" title={t.admin.resendDone} /> : null}
      {r.status === 'CANCELLED' ? null : (
        <button
          type="button"
          className="kern-btn kern-btn--secondary kern-btn--small"
          disabled={resendState.fetching}
          onClick={() =>
            void resend({ id }).then((answer) => {
              if (answer.data?.resendRegistrationMail.__typename !== 'Registration') return;
              setResent(true);
              refetch({ requestPolicy: 'network-only' });
            })
          }
        >
          <span className="kern-label">{t.admin.resend}</span>
        </button>
      )}
      <h3 className="kern-heading-small">{t.admin.historyTitle}</h3>
      <ol className="kern-list">
        {r.history.map((h) => (
          <li key={h.id}>
            {format.dateTime(h.at)}: {t.admin.historyKind[h.kind] ?? h.kind}{' '}
            {t.admin.historyActor(h.actor, h.organizerName ?? null)}
            {h.kind === 'MOVED' || h.kind === 'WORKSHOPS_CHANGED'
              ? ` – ${t.admin.historyFromTo(numbers(h.fromWorkshops), numbers(h.toWorkshops))}`
              : ''}
            {h.reason ? ` – ${t.admin.historyReason(h.reason)}` : ''}
            {h.failure ? ` – ${h.failure}` : ''}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="kern-btn kern-btn--tertiary kern-btn--small"
        onClick={onClose}
      >
        <span className="kern-label">{t.admin.detailClose}</span>
      </button>
    </section>
  );
}
