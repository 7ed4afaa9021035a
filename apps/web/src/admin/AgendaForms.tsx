import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import {
  ErrorSummary,
  errorId,
  InlineError,
  TextField,
  type FieldErrors,
} from '../components/FormParts';
import type { AdminEventQuery, AgendaItemKind } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { localParts } from './local-time';
import { organizerMessage, refusal } from './refusal';
import {
  AdminAddAgendaItem,
  AdminAddWorkshop,
  AdminLocalTimes,
  AdminUpdateAgendaItem,
  AdminUpdateWorkshop,
} from './operations';

// The forms of the agenda editor: one per thing (agenda item, workshop), each
// both for adding and, given the thing, for editing it in place.

export type AdminEventData = NonNullable<AdminEventQuery['event']>;
export type Item = AdminEventData['agenda'][number];
export type Workshop = Item['workshops'][number];
export type Person = { name: string; affiliation?: string | null };

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
const TIME = /^\d{2}:\d{2}$/;
const ITEM_FIELDS = ['kind', 'title', 'startsAt', 'endsAt', 'room', 'speakers', 'description'];
const WORKSHOP_FIELDS = ['number', 'title', 'description', 'capacity', 'room', 'hosts'];

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

/** The people as the form's text: the inverse of {@link parsePeople}. */
function peopleLines(people: readonly Person[]): string {
  return people.map((p) => (p.affiliation ? `${p.name}, ${p.affiliation}` : p.name)).join('\n');
}

/** The fields of the summary that have an error, in the form's order. */
function summaryOf(errors: FieldErrors, order: readonly string[]) {
  return ['form', ...order].filter((k) => errors[k]).map((key) => ({ key, message: errors[key] }));
}

/** Moves focus to a form's heading when it opens for editing. */
function useFocusOnOpen(editing: boolean) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (editing) ref.current?.focus();
  }, [editing]);
  return ref;
}

/**
 * A form's errors and its submissions: errors found here or answered by the API
 * later both move focus to the summary; one submission runs at a time (the
 * button stays enabled, so focus never drops to the page while the API answers).
 */
function useSubmission() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [shown, setShown] = useState(0);
  const running = useRef(false);
  const fail = (found: FieldErrors) => {
    setErrors(found);
    setShown((n) => n + 1);
  };
  const run = async (work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    try {
      await work();
    } finally {
      running.current = false;
    }
  };
  return { errors, shown, fail, clear: () => setErrors({}), run };
}

/** The item form's values: from the item being edited, or empty for a new one. */
function itemValues(item: Item | undefined, timeZone: string) {
  if (!item) {
    return {
      kind: 'TALK' as AgendaItemKind,
      title: '',
      start: '',
      end: '',
      room: '',
      speakers: '',
      description: '',
    };
  }
  return {
    kind: item.kind,
    title: item.title,
    start: localParts(item.startsAt, timeZone).time,
    end: localParts(item.endsAt, timeZone).time,
    room: item.room ?? '',
    speakers: peopleLines(item.speakers),
    description: item.description ?? '',
  };
}

/**
 * Adds an agenda item, or with `item` edits it: the same fields, times as local
 * times of the event's zone on the item's own day (the event's first day for a
 * new one). A time that did not change is not sent, so it stays exact.
 */
export function ItemForm({
  event,
  item,
  onSaved,
  onCancel,
}: {
  event: AdminEventData;
  item?: Item;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const m = t.admin.agenda;
  const client = useClient();
  const [, addItem] = useMutation(AdminAddAgendaItem);
  const [, updateItem] = useMutation(AdminUpdateAgendaItem);
  const zone = event.timeZone;
  const start = itemValues(item, zone);
  const [form, setForm] = useState(start);
  const { errors, shown, fail, clear, run } = useSubmission();
  const heading = useFocusOnOpen(item !== undefined);
  // a cancelled event keeps only its texts editable; the API refuses the rest
  const textsOnly = item !== undefined && event.status === 'CANCELLED';
  const set = (key: keyof typeof start) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  const prefix = item ? `item-${item.id}` : 'new-item';
  const id = (key: string) => `${prefix}-${key}`;
  const days = {
    start: localParts(item?.startsAt ?? event.startsAt, zone).date,
    end: localParts(item?.endsAt ?? event.startsAt, zone).date,
  };

  const check = (): FieldErrors => {
    const missing: FieldErrors = {};
    if (form.title.trim() === '') missing.title = m.titleMissing;
    if (!TIME.test(form.start)) missing.startsAt = m.timeMissing;
    if (!TIME.test(form.end)) missing.endsAt = m.timeMissing;
    const sameDay = days.start === days.end;
    if (!missing.startsAt && !missing.endsAt && sameDay && form.end <= form.start) {
      missing.endsAt = m.endBeforeStart;
    }
    return missing;
  };

  /** The changed times as instants (both for a new item), or the errors to show. */
  const instants = async (): Promise<{ at: Record<string, string> } | { errors: FieldErrors }> => {
    const changed = (
      [
        ['startsAt', days.start, form.start, start.start],
        ['endsAt', days.end, form.end, start.end],
      ] as const
    ).filter(([, , now, before]) => !item || now !== before);
    if (changed.length === 0) return { at: {} };
    const times = await client
      .query(AdminLocalTimes, {
        timeZone: zone,
        localTimes: changed.map(([, day, time]) => `${day}T${time}`),
      })
      .toPromise();
    const found = times.data?.localTimesToInstants;
    if (found) return { at: Object.fromEntries(changed.map(([key], i) => [key, found[i]])) };
    const first = times.error?.graphQLErrors[0];
    const field = first?.extensions?.field;
    const which = (Array.isArray(field) && changed[Number(field[1])]?.[0]) || 'startsAt';
    return { errors: { [which]: first ? organizerMessage(first, m.refusals) : t.loadError } };
  };

  const submit = async () => {
    const missing = check();
    if (Object.keys(missing).length > 0) return fail(missing);
    const times = await instants();
    if ('errors' in times) return fail(times.errors);
    const fields = {
      kind: form.kind,
      title: form.title.trim(),
      room: form.room.trim() || null,
      speakers: parsePeople(form.speakers),
      description: form.description.trim() || null,
    };
    const { startsAt = '', endsAt = '' } = times.at;
    const result = item
      ? await updateItem({ id: item.id, input: { ...fields, ...times.at } })
      : await addItem({ eventId: event.id, input: { ...fields, startsAt, endsAt } });
    if (result.error) return fail(refusal(result.error, m.refusals, t.loadError, ITEM_FIELDS));
    clear();
    if (!item) setForm(start);
    onSaved();
  };

  const Heading = item ? 'h4' : 'h3';
  return (
    <form
      className="admin-form"
      aria-labelledby={id('heading')}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void run(submit);
      }}
    >
      <Heading id={id('heading')} ref={heading} tabIndex={-1} className="kern-heading-small">
        {item ? m.editItemTitle(item.title) : m.addItem}
      </Heading>
      {textsOnly ? <p className="kern-body">{m.cancelledFields}</p> : null}
      <ErrorSummary
        id={id('errors')}
        errors={summaryOf(errors, ITEM_FIELDS)}
        targets={{
          kind: id('kind'),
          title: id('title'),
          startsAt: id('start'),
          endsAt: id('end'),
          room: id('room'),
          speakers: id('speakers'),
          description: id('description'),
        }}
        focusKey={shown}
      />
      <div className={`kern-form-input${errors.kind ? ' kern-form-input--error' : ''}`}>
        <label className="kern-label" htmlFor={id('kind')}>
          {m.kind}
        </label>
        <InlineError id={id('kind')} message={errors.kind} />
        <div className="kern-form-input__select-wrapper">
          <select
            id={id('kind')}
            className="kern-form-input__select"
            value={form.kind}
            disabled={textsOnly}
            aria-invalid={errors.kind ? true : undefined}
            aria-describedby={errors.kind ? errorId(id('kind')) : undefined}
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
        label={m.itemTitle}
        required
        value={form.title}
        onChange={set('title')}
        error={errors.title}
      />
      <TextField
        type="time"
        required
        id={id('start')}
        label={m.start(zone)}
        value={form.start}
        onChange={set('start')}
        error={errors.startsAt}
        disabled={textsOnly}
      />
      <TextField
        type="time"
        required
        id={id('end')}
        label={m.end(zone)}
        value={form.end}
        onChange={set('end')}
        error={errors.endsAt}
        disabled={textsOnly}
      />
      <TextField
        id={id('room')}
        label={m.room}
        value={form.room}
        onChange={set('room')}
        error={errors.room}
        disabled={textsOnly}
      />
      <TextField
        id={id('speakers')}
        label={m.speakers}
        hint={m.peopleHint}
        multiline
        value={form.speakers}
        onChange={set('speakers')}
        error={errors.speakers}
      />
      <TextField
        id={id('description')}
        label={m.description}
        multiline
        value={form.description}
        onChange={set('description')}
        error={errors.description}
      />
      <FormButtons submit={item ? m.save : m.addItemButton} primary={!item} onCancel={onCancel} />
    </form>
  );
}

/** Submit, and for an edit "Abbrechen", which drops the changes. */
function FormButtons({
  submit,
  primary,
  onCancel,
}: {
  submit: string;
  primary: boolean;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="admin-form__buttons">
      <button
        type="submit"
        className={`kern-btn kern-btn--${primary || onCancel ? 'primary' : 'secondary'}`}
      >
        <span className="kern-label">{submit}</span>
      </button>{' '}
      {onCancel ? (
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel}>
          <span className="kern-label">{t.admin.agenda.cancelEdit}</span>
        </button>
      ) : null}
    </div>
  );
}

function workshopValues(w: Workshop | undefined) {
  return {
    number: w ? String(w.number) : '',
    title: w?.title ?? '',
    description: w?.description ?? '',
    capacity: w ? String(w.capacity) : '',
    room: w?.room ?? '',
    hosts: w ? peopleLines(w.hosts) : '',
  };
}

/** Adds a workshop to a phase, or with `workshop` edits it; the same fields either way. */
export function WorkshopForm({
  event,
  phase,
  workshop,
  onSaved,
  onCancel,
}: {
  event: AdminEventData;
  phase: Item;
  workshop?: Workshop;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const m = t.admin.agenda;
  const [, addWorkshop] = useMutation(AdminAddWorkshop);
  const [, updateWorkshop] = useMutation(AdminUpdateWorkshop);
  const start = workshopValues(workshop);
  const [form, setForm] = useState(start);
  const { errors, shown, fail, clear, run } = useSubmission();
  const heading = useFocusOnOpen(workshop !== undefined);
  const textsOnly = workshop !== undefined && event.status === 'CANCELLED';
  const set = (key: keyof typeof start) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  const prefix = workshop ? `workshop-${workshop.id}` : `ws-${phase.id}`;
  const id = (key: string) => `${prefix}-${key}`;
  const whole = (text: string) => /^\d+$/.test(text.trim()) && Number(text) >= 1;

  const submit = async () => {
    const missing: FieldErrors = {};
    if (form.title.trim() === '') missing.title = m.titleMissing;
    if (!whole(form.capacity)) missing.capacity = m.seatsMissing;
    // a new workshop may leave the number to the API (the next free one)
    const numbered = workshop !== undefined || form.number.trim() !== '';
    if (numbered && !whole(form.number)) missing.number = m.numberMissing;
    if (Object.keys(missing).length > 0) return fail(missing);
    const input = {
      ...(numbered ? { number: Number(form.number.trim()) } : {}),
      title: form.title.trim(),
      description: form.description.trim() || null,
      capacity: Number(form.capacity.trim()),
      room: form.room.trim() || null,
      hosts: parsePeople(form.hosts),
    };
    const result = workshop
      ? await updateWorkshop({ id: workshop.id, input })
      : await addWorkshop({ phaseId: phase.id, input });
    if (result.error) return fail(refusal(result.error, m.refusals, t.loadError, WORKSHOP_FIELDS));
    clear();
    if (!workshop) setForm(start);
    onSaved();
  };
  return (
    <form
      className="admin-form"
      aria-labelledby={id('heading')}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void run(submit);
      }}
    >
      <h4 id={id('heading')} ref={heading} tabIndex={-1} className="kern-heading-small">
        {workshop ? m.editWorkshopTitle(workshop.number) : m.addWorkshop(phase.title)}
      </h4>
      {textsOnly ? <p className="kern-body">{m.cancelledFields}</p> : null}
      <ErrorSummary
        id={id('errors')}
        errors={summaryOf(errors, WORKSHOP_FIELDS)}
        targets={Object.fromEntries(WORKSHOP_FIELDS.map((k) => [k, id(k)]))}
        focusKey={shown}
      />
      <TextField
        id={id('number')}
        label={m.number}
        hint={workshop ? undefined : m.numberHint}
        required={workshop !== undefined}
        value={form.number}
        onChange={set('number')}
        error={errors.number}
        disabled={textsOnly}
      />
      <TextField
        id={id('title')}
        label={m.workshopTitle}
        required
        value={form.title}
        onChange={set('title')}
        error={errors.title}
      />
      <TextField
        id={id('description')}
        label={m.description}
        multiline
        value={form.description}
        onChange={set('description')}
        error={errors.description}
      />
      <TextField
        id={id('capacity')}
        label={m.seats}
        required
        value={form.capacity}
        onChange={set('capacity')}
        error={errors.capacity}
        disabled={textsOnly}
      />
      <TextField
        id={id('room')}
        label={m.room}
        value={form.room}
        onChange={set('room')}
        error={errors.room}
        disabled={textsOnly}
      />
      <TextField
        id={id('hosts')}
        label={m.hosts}
        hint={m.peopleHint}
        multiline
        value={form.hosts}
        onChange={set('hosts')}
        error={errors.hosts}
      />
      <FormButtons
        submit={workshop ? m.save : m.addWorkshopButton}
        primary={false}
        onCancel={onCancel}
      />
    </form>
  );
}
