import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { Alert } from '../components/Layout';
import { ErrorSummary, TextField } from '../components/FormParts';
import { useI18n } from '../lib/i18n';
import { navigate } from '../lib/router';
import { AdminCancelEvent, AdminCopyEvent, AdminUnpublishEvent } from './event-operations';
import { DATE, type EditData } from './EventForm';
import { adminEditPath } from './paths';

// The event editor's actions on the whole event: copy it to a new day, take it
// back to a draft, cancel it with a reason (split from EventEditor.tsx, unchanged).

export function CopyEvent({ event }: { event: EditData }) {
  const { t } = useI18n();
  const m = t.editor;
  const [, copy] = useMutation(AdminCopyEvent);
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [submits, setSubmits] = useState(0);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmits((n) => n + 1);
    if (!DATE.test(date)) return setError(t.admin.newEvent.dateMissing);
    const result = await copy({ id: event.id, newStartDate: date });
    const created = result.data?.copyEvent;
    if (!created) return setError(result.error?.graphQLErrors[0]?.message ?? t.loadError);
    setError(undefined);
    navigate(adminEditPath(created.id), { copiedFrom: event.title });
  };
  return (
    <form
      className="admin-form admin-section"
      aria-labelledby="copy-title"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="copy-title" className="kern-heading-medium">
        {m.copyTitle}
      </h2>
      <p className="kern-body">{m.copyIntro}</p>
      <ErrorSummary
        id="copy-errors"
        errors={error ? [{ key: 'date', message: error }] : []}
        targets={{ date: 'copy-date' }}
        focusKey={submits}
      />
      <TextField
        id="copy-date"
        type="date"
        required
        label={m.copyDate(event.timeZone)}
        value={date}
        onChange={setDate}
        error={error}
      />
      <button type="submit" className="kern-btn kern-btn--secondary">
        <span className="kern-label">{m.copyButton}</span>
      </button>
    </form>
  );
}

/** A question before an action that cannot simply be undone; focus moves to it. */
function Confirm({
  id,
  question,
  children,
  confirm,
  keep,
  onConfirm,
  onKeep,
  busy,
}: {
  id: string;
  question: string;
  children?: ReactNode;
  confirm: string;
  keep: string;
  onConfirm: () => void;
  onKeep: () => void;
  busy: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div role="group" aria-labelledby={id} className="admin-publish">
      <h3 id={id} ref={ref} tabIndex={-1} className="kern-heading-small">
        {question}
      </h3>
      {children}
      <button
        type="button"
        className="kern-btn kern-btn--primary"
        disabled={busy}
        onClick={onConfirm}
      >
        <span className="kern-label">{confirm}</span>
      </button>{' '}
      <button type="button" className="kern-btn kern-btn--secondary" onClick={onKeep}>
        <span className="kern-label">{keep}</span>
      </button>
    </div>
  );
}

export function Unpublish({ event, onDone }: { event: EditData; onDone: () => void }) {
  const { t } = useI18n();
  const m = t.editor;
  const [asking, setAsking] = useState(false);
  const [state, unpublish] = useMutation(AdminUnpublishEvent);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section aria-labelledby="unpublish-title" className="admin-section">
      <h2 id="unpublish-title" className="kern-heading-medium">
        {m.unpublishTitle}
      </h2>
      <p className="kern-body">{m.unpublishIntro}</p>
      {problem ? <Alert kind="danger" role="alert" title={problem} /> : null}
      {asking ? (
        <Confirm
          id="unpublish-question"
          question={m.unpublishQuestion}
          confirm={m.unpublishConfirm}
          keep={m.keep}
          busy={state.fetching}
          onKeep={() => setAsking(false)}
          onConfirm={() =>
            void unpublish({ id: event.id }).then((result) => {
              setAsking(false);
              if (result.error) {
                return setProblem(result.error.graphQLErrors[0]?.message ?? t.loadError);
              }
              setProblem(null);
              onDone();
            })
          }
        />
      ) : (
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => setAsking(true)}
        >
          <span className="kern-label">{m.unpublishButton}</span>
        </button>
      )}
    </section>
  );
}

export function CancelEvent({ event, onDone }: { event: EditData; onDone: () => void }) {
  const { t } = useI18n();
  const m = t.editor;
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [submits, setSubmits] = useState(0);
  const [state, cancel] = useMutation(AdminCancelEvent);
  const ask = (e: FormEvent) => {
    e.preventDefault();
    setSubmits((n) => n + 1);
    if (reason.trim() === '') return setError(m.reasonMissing);
    setError(undefined);
    setAsking(true);
  };
  return (
    <form
      className="admin-form admin-section"
      aria-labelledby="cancel-event-title"
      noValidate
      onSubmit={ask}
    >
      <h2 id="cancel-event-title" className="kern-heading-medium">
        {m.cancelTitle}
      </h2>
      <p className="kern-body">{m.cancelIntro}</p>
      <ErrorSummary
        id="cancel-event-errors"
        errors={error ? [{ key: 'reason', message: error }] : []}
        targets={{ reason: 'cancel-event-reason' }}
        focusKey={submits}
      />
      <TextField
        id="cancel-event-reason"
        label={m.reason}
        hint={m.reasonHint}
        required
        multiline
        value={reason}
        onChange={setReason}
        error={error}
      />
      {asking ? (
        <Confirm
          id="cancel-event-question"
          question={m.cancelQuestion(event.title)}
          confirm={m.cancelConfirm}
          keep={m.keep}
          busy={state.fetching}
          onKeep={() => setAsking(false)}
          onConfirm={() =>
            void cancel({ id: event.id, reason: reason.trim() }).then((result) => {
              setAsking(false);
              if (result.error) {
                return setError(result.error.graphQLErrors[0]?.message ?? t.loadError);
              }
              onDone();
            })
          }
        >
          <p className="kern-body">{m.cancelConsequence(event.registrationCount)}</p>
        </Confirm>
      ) : (
        <button type="submit" className="kern-btn kern-btn--secondary">
          <span className="kern-label">{m.cancelButton}</span>
        </button>
      )}
    </form>
  );
}
