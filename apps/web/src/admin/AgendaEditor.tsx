import { useState, type FormEvent } from 'react';
import { useClient, useMutation, type CombinedError } from 'urql';
import { Alert } from '../components/Layout';
import { ErrorSummary, TextField, type FieldErrors } from '../components/FormParts';
import type { AdminEventQuery, AgendaItemKind } from '../gql/graphql';
import { useFormat, useI18n } from '../lib/i18n';
import { linkHandler } from '../lib/router';
import { adminEditPath } from './paths';
import {
  AdminAddAgendaItem,
  AdminAddWorkshop,
  AdminLocalTimes,
  AdminPublishEvent,
  AdminRemoveAgendaItem,
  AdminRemoveWorkshop,
} from './operations';

type AdminEventData = NonNullable<AdminEventQuery['event']>;
type Item = AdminEventData['agenda'][number];

const KINDS: AgendaItemKind[] = [
  'ARRIVAL',
  'WELCOME',
  'KEYNOTE',
  'TALK',
  'PANEL',
  'WORKSHOP_PHASE',
  'BREAK',
  'CLOSING',
  'OTHER',
];

/** "Name, Affiliation" per line → speakers; the first comma separates the two. */
function parsePeople(text: string): Array<{ name: string; affiliation: string | null }> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const comma = line.indexOf(',');
      return comma < 0
        ? { name: line, affiliation: null }
        : { name: line.slice(0, comma).trim(), affiliation: line.slice(comma + 1).trim() || null };
    });
}

function printPeople(people: ReadonlyArray<{ name: string; affiliation?: string | null }>): string {
  return people.map((p) => (p.affiliation ? `${p.name} (${p.affiliation})` : p.name)).join(', ');
}

/** The API's refusal as field errors: `extensions.field` names the input field. */
function refusal(error: CombinedError | undefined, fallback: string): FieldErrors {
  const first = error?.graphQLErrors[0];
  if (!first) return { form: fallback };
  const field = first.extensions?.field;
  const key = Array.isArray(field) ? String(field[0]) : 'form';
  return { [key]: first.message };
}

/** The event's calendar day in its own zone (YYYY-MM-DD), for combining with typed times. */
function eventDay(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
  return parts;
}

/**
 * The programme of one event, in time order, edited in place: items of every kind
 * with speakers, workshop phases with their workshops; the API's warnings above it,
 * refreshed after every change, and again before publishing.
 */
export function AgendaEditor({
  event,
  onChanged,
}: {
  event: AdminEventData;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat(event.timeZone);
  const [, removeItem] = useMutation(AdminRemoveAgendaItem);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async (item: Item) => {
    const result = await removeItem({ id: item.id });
    setProblem(result.error ? (result.error.graphQLErrors[0]?.message ?? t.loadError) : null);
    if (!result.error) onChanged();
  };
  return (
    <section aria-labelledby="agenda-title" className="admin-section">
      <h2 id="agenda-title" className="kern-heading-medium">
        {t.admin.agenda.title}
      </h2>
      <p className="kern-body">
        <a
          className="kern-link"
          href={adminEditPath(event.id)}
          onClick={linkHandler(adminEditPath(event.id))}
        >
          {t.editor.link}
        </a>
      </p>
      {problem ? <Alert kind="danger" role="alert" title={problem} /> : null}
      {event.agenda.length === 0 ? <p className="kern-body">{t.admin.agenda.empty}</p> : null}
      <ol className="admin-agenda">
        {event.agenda.map((item) => (
          <li key={item.id} className="admin-agenda__item">
            <h3 className="kern-heading-small">
              {t.event.timeRange(format.time(item.startsAt), format.time(item.endsAt))} ·{' '}
              {t.kind[item.kind]}: {item.title}
            </h3>
            {item.speakers.length > 0 ? (
              <p className="kern-body">{printPeople(item.speakers)}</p>
            ) : null}
            {item.room ? <p className="kern-body">{item.room}</p> : null}
            <button
              type="button"
              className="kern-btn kern-btn--tertiary kern-btn--small"
              onClick={() => void remove(item)}
            >
              <span className="kern-label">{t.admin.agenda.removeItem(item.title)}</span>
            </button>
            {item.kind === 'WORKSHOP_PHASE' ? (
              <Workshops phase={item} onChanged={onChanged} />
            ) : null}
          </li>
        ))}
      </ol>
      <NewItemForm event={event} onChanged={onChanged} />
      {event.status === 'DRAFT' ? <Publish event={event} onChanged={onChanged} /> : null}
    </section>
  );
}

function Workshops({ phase, onChanged }: { phase: Item; onChanged: () => void }) {
  const { t } = useI18n();
  const [, removeWorkshop] = useMutation(AdminRemoveWorkshop);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="admin-workshops">
      {problem ? <Alert kind="danger" role="alert" title={problem} /> : null}
      {phase.workshops.length > 0 ? (
        <ul className="kern-list">
          {phase.workshops.map((w) => (
            <li key={w.id}>
              {t.admin.agenda.workshopLine(w.number, w.title, w.capacity)}
              {w.room ? ` · ${w.room}` : ''}
              {w.hosts.length > 0 ? ` · ${printPeople(w.hosts)}` : ''}{' '}
              <button
                type="button"
                className="kern-btn kern-btn--tertiary kern-btn--small"
                onClick={() =>
                  void removeWorkshop({ id: w.id }).then((result) => {
                    setProblem(
                      result.error ? (result.error.graphQLErrors[0]?.message ?? t.loadError) : null,
                    );
                    if (!result.error) onChanged();
                  })
                }
              >
                <span className="kern-label">{t.admin.agenda.removeWorkshop(w.number)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <NewWorkshopForm phase={phase} onChanged={onChanged} />
    </div>
  );
}

function NewItemForm({ event, onChanged }: { event: AdminEventData; onChanged: () => void }) {
  const { t } = useI18n();
  const client = useClient();
  const [, addItem] = useMutation(AdminAddAgendaItem);
  const empty = {
    kind: 'TALK' as AgendaItemKind,
    title: '',
    start: '',
    end: '',
    room: '',
    speakers: '',
  };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submits, setSubmits] = useState(0);
  const set = (key: keyof typeof empty) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  const id = (key: string) => `new-item-${key}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmits((n) => n + 1);
    const missing: FieldErrors = {};
    if (form.title.trim() === '') missing.title = t.admin.agenda.titleMissing;
    if (!/^\d{2}:\d{2}$/.test(form.start)) missing.startsAt = t.admin.agenda.timeMissing;
    if (!/^\d{2}:\d{2}$/.test(form.end)) missing.endsAt = t.admin.agenda.timeMissing;
    if (Object.keys(missing).length > 0) return setErrors(missing);
    const day = eventDay(event.startsAt, event.timeZone);
    const times = await client
      .query(AdminLocalTimes, {
        timeZone: event.timeZone,
        localTimes: [`${day}T${form.start}`, `${day}T${form.end}`],
      })
      .toPromise();
    const instants = times.data?.localTimesToInstants;
    if (!instants) {
      const field = times.error?.graphQLErrors[0]?.extensions?.field;
      const which = Array.isArray(field) && field[1] === '1' ? 'endsAt' : 'startsAt';
      return setErrors({ [which]: times.error?.graphQLErrors[0]?.message ?? t.loadError });
    }
    const result = await addItem({
      eventId: event.id,
      input: {
        kind: form.kind,
        title: form.title.trim(),
        startsAt: instants[0],
        endsAt: instants[1],
        room: form.room.trim() || null,
        speakers: parsePeople(form.speakers),
      },
    });
    if (result.error) return setErrors(refusal(result.error, t.loadError));
    setErrors({});
    setForm(empty);
    onChanged();
  };

  const order = ['form', 'kind', 'title', 'startsAt', 'endsAt', 'room', 'speakers'];
  const summary = order.filter((k) => errors[k]).map((key) => ({ key, message: errors[key] }));
  return (
    <form
      className="admin-form"
      aria-labelledby={id('title-heading')}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 id={id('title-heading')} className="kern-heading-small">
        {t.admin.agenda.addItem}
      </h3>
      <ErrorSummary
        id="new-item-errors"
        errors={summary}
        targets={{
          kind: id('kind'),
          title: id('title'),
          startsAt: id('start'),
          endsAt: id('end'),
          room: id('room'),
          speakers: id('speakers'),
        }}
        focusKey={submits}
      />
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={id('kind')}>
          {t.admin.agenda.kind}
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            id={id('kind')}
            className="kern-form-input__select"
            value={form.kind}
            onChange={(e) => set('kind')(e.target.value)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kind[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <TextField
        id={id('title')}
        label={t.admin.agenda.itemTitle}
        required
        value={form.title}
        onChange={set('title')}
        error={errors.title}
      />
      <TextField
        type="time"
        required
        id={id('start')}
        label={t.admin.agenda.start(event.timeZone)}
        value={form.start}
        onChange={set('start')}
        error={errors.startsAt}
      />
      <TextField
        type="time"
        required
        id={id('end')}
        label={t.admin.agenda.end(event.timeZone)}
        value={form.end}
        onChange={set('end')}
        error={errors.endsAt}
      />
      <TextField
        id={id('room')}
        label={t.admin.agenda.room}
        value={form.room}
        onChange={set('room')}
        error={errors.room}
      />
      <TextField
        id={id('speakers')}
        label={t.admin.agenda.speakers}
        hint={t.admin.agenda.peopleHint}
        multiline
        value={form.speakers}
        onChange={set('speakers')}
        error={errors.speakers}
      />
      <button type="submit" className="kern-btn kern-btn--primary">
        <span className="kern-label">{t.admin.agenda.addItemButton}</span>
      </button>
    </form>
  );
}

function NewWorkshopForm({ phase, onChanged }: { phase: Item; onChanged: () => void }) {
  const { t } = useI18n();
  const [, addWorkshop] = useMutation(AdminAddWorkshop);
  const empty = { title: '', room: '', capacity: '', hosts: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submits, setSubmits] = useState(0);
  const set = (key: keyof typeof empty) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  const id = (key: string) => `ws-${phase.id}-${key}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmits((n) => n + 1);
    const missing: FieldErrors = {};
    if (form.title.trim() === '') missing.title = t.admin.agenda.titleMissing;
    const capacity = Number(form.capacity);
    if (!/^\d+$/.test(form.capacity.trim()) || capacity < 1)
      missing.capacity = t.admin.agenda.seatsMissing;
    if (Object.keys(missing).length > 0) return setErrors(missing);
    const result = await addWorkshop({
      phaseId: phase.id,
      input: {
        title: form.title.trim(),
        capacity,
        room: form.room.trim() || null,
        hosts: parsePeople(form.hosts),
      },
    });
    if (result.error) return setErrors(refusal(result.error, t.loadError));
    setErrors({});
    setForm(empty);
    onChanged();
  };
  const order = ['form', 'title', 'capacity', 'room', 'hosts'];
  const summary = order.filter((k) => errors[k]).map((key) => ({ key, message: errors[key] }));
  return (
    <form
      className="admin-form"
      aria-labelledby={id('heading')}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h4 id={id('heading')} className="kern-heading-small">
        {t.admin.agenda.addWorkshop(phase.title)}
      </h4>
      <ErrorSummary
        id={id('errors')}
        errors={summary}
        targets={{
          title: id('title'),
          capacity: id('capacity'),
          room: id('room'),
          hosts: id('hosts'),
        }}
        focusKey={submits}
      />
      <TextField
        id={id('title')}
        label={t.admin.agenda.workshopTitle}
        required
        value={form.title}
        onChange={set('title')}
        error={errors.title}
      />
      <TextField
        id={id('capacity')}
        label={t.admin.agenda.seats}
        required
        value={form.capacity}
        onChange={set('capacity')}
        error={errors.capacity}
      />
      <TextField
        id={id('room')}
        label={t.admin.agenda.room}
        value={form.room}
        onChange={set('room')}
        error={errors.room}
      />
      <TextField
        id={id('hosts')}
        label={t.admin.agenda.hosts}
        hint={t.admin.agenda.peopleHint}
        multiline
        value={form.hosts}
        onChange={set('hosts')}
        error={errors.hosts}
      />
      <button type="submit" className="kern-btn kern-btn--secondary">
        <span className="kern-label">{t.admin.agenda.addWorkshopButton}</span>
      </button>
    </form>
  );
}

/** Publishing asks first and lists the warnings; those that block publishing are errors. */
function Publish({ event, onChanged }: { event: AdminEventData; onChanged: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [state, publish] = useMutation(AdminPublishEvent);
  const [problem, setProblem] = useState<string | null>(null);
  const blocking = event.agendaWarnings.filter((w) => w.blocksPublishing);
  if (!asking) {
    return (
      <button type="button" className="kern-btn kern-btn--primary" onClick={() => setAsking(true)}>
        <span className="kern-label">{t.admin.agenda.publish}</span>
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby="publish-title" className="admin-publish">
      <h3 id="publish-title" className="kern-heading-small">
        {t.admin.agenda.publishQuestion}
      </h3>
      {problem ? <Alert kind="danger" role="alert" title={problem} /> : null}
      {event.agendaWarnings.length > 0 ? (
        <ul className="kern-list">
          {event.agendaWarnings.map((w, i) => (
            <li key={i}>
              {w.blocksPublishing ? `${t.admin.agenda.blocks}: ` : `${t.admin.agenda.warning}: `}
              {w.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">{t.admin.agenda.noWarnings}</p>
      )}
      <button
        type="button"
        className="kern-btn kern-btn--primary"
        disabled={state.fetching || blocking.length > 0}
        onClick={() =>
          void publish({ id: event.id }).then((result) => {
            if (result.error)
              return setProblem(result.error.graphQLErrors[0]?.message ?? t.loadError);
            setAsking(false);
            onChanged();
          })
        }
      >
        <span className="kern-label">{t.admin.agenda.publishNow}</span>
      </button>{' '}
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        onClick={() => setAsking(false)}
      >
        <span className="kern-label">{t.admin.agenda.publishCancel}</span>
      </button>
    </div>
  );
}
