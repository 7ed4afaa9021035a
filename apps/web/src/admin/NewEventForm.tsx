import { useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { ErrorSummary, TextField, type FieldErrors } from '../components/FormParts';
import { useI18n } from '../lib/i18n';
import { navigate } from '../lib/router';
import { adminEventPath } from './paths';
import { AdminCreateEvent, AdminLocalTimes } from './operations';

const EMPTY = {
  title: '',
  date: '',
  start: '',
  end: '',
  timeZone: 'Europe/Berlin',
  closesDate: '',
  closesTime: '23:59',
  organizerName: '',
  venueName: '',
  street: '',
  postalCode: '',
  city: '',
  capacity: '',
};
type Field = keyof typeof EMPTY;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/**
 * A new draft event: dates and times as the event's local wall-clock times (the
 * server turns them into instants with the zone's rules), then on to its desk.
 */
export function NewEventForm() {
  const { t } = useI18n();
  const client = useClient();
  const [, create] = useMutation(AdminCreateEvent);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submits, setSubmits] = useState(0);
  const set = (key: Field) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const id = (key: string) => `new-event-${key}`;
  const m = t.admin.newEvent;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmits((n) => n + 1);
    const missing: FieldErrors = {};
    if (form.title.trim() === '') missing.title = m.titleMissing;
    if (!DATE.test(form.date)) missing.date = m.dateMissing;
    if (!TIME.test(form.start)) missing.start = t.admin.agenda.timeMissing;
    if (!TIME.test(form.end)) missing.end = t.admin.agenda.timeMissing;
    if (!DATE.test(form.closesDate)) missing.closesDate = m.dateMissing;
    if (!TIME.test(form.closesTime)) missing.closesTime = t.admin.agenda.timeMissing;
    if (form.organizerName.trim() === '') missing.organizerName = m.organizerMissing;
    if (form.capacity.trim() !== '' && !/^\d+$/.test(form.capacity.trim())) {
      missing.capacity = t.admin.agenda.seatsMissing;
    }
    const venueGiven = [form.venueName, form.street, form.postalCode, form.city].some(
      (v) => v.trim() !== '',
    );
    if (venueGiven && form.venueName.trim() === '') missing.venueName = m.venueNameMissing;
    if (venueGiven && form.city.trim() === '') missing.city = m.cityMissing;
    if (Object.keys(missing).length > 0) return setErrors(missing);

    const times = await client
      .query(AdminLocalTimes, {
        timeZone: form.timeZone.trim(),
        localTimes: [
          `${form.date}T${form.start}`,
          `${form.date}T${form.end}`,
          `${form.closesDate}T${form.closesTime}`,
        ],
      })
      .toPromise();
    const instants = times.data?.localTimesToInstants;
    if (!instants) {
      const first = times.error?.graphQLErrors[0];
      const field = first?.extensions?.field;
      const which = !Array.isArray(field)
        ? 'form'
        : field[0] === 'timeZone'
          ? 'timeZone'
          : (['start', 'end', 'closesDate'][Number(field[1])] ?? 'form');
      return setErrors({ [which]: first?.message ?? t.loadError });
    }
    const result = await create({
      input: {
        title: form.title.trim(),
        timeZone: form.timeZone.trim(),
        startsAt: instants[0],
        endsAt: instants[1],
        registrationClosesAt: instants[2],
        organizerName: form.organizerName.trim(),
        capacity: form.capacity.trim() === '' ? null : Number(form.capacity),
        venue: venueGiven
          ? {
              name: form.venueName.trim(),
              street: form.street.trim() || null,
              postalCode: form.postalCode.trim() || null,
              city: form.city.trim(),
            }
          : null,
      },
    });
    const created = result.data?.createEvent;
    if (!created) {
      const first = result.error?.graphQLErrors[0];
      const field = first?.extensions?.field;
      const map: Record<string, Field> = {
        startsAt: 'start',
        endsAt: 'end',
        registrationClosesAt: 'closesDate',
        venue: 'venueName',
      };
      const key = Array.isArray(field) ? String(field[0]) : 'form';
      return setErrors({ [map[key] ?? key]: first?.message ?? t.loadError });
    }
    navigate(adminEventPath(created.id));
  };

  const order: string[] = ['form', ...Object.keys(EMPTY)];
  const summary = order.filter((k) => errors[k]).map((key) => ({ key, message: errors[key] }));
  const targets = Object.fromEntries(Object.keys(EMPTY).map((k) => [k, id(k)]));
  const field = (
    key: Field,
    label: string,
    extra: { required?: boolean; hint?: string; type?: 'date' | 'time' } = {},
  ) => (
    <TextField
      id={id(key)}
      label={label}
      value={form[key]}
      onChange={set(key)}
      error={errors[key]}
      {...extra}
    />
  );
  return (
    <form
      className="admin-form"
      aria-labelledby={id('heading')}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h2 id={id('heading')} className="kern-heading-medium">
        {m.title}
      </h2>
      <p className="kern-body">{m.intro}</p>
      <ErrorSummary id="new-event-errors" errors={summary} targets={targets} focusKey={submits} />
      {field('title', m.eventTitle, { required: true })}
      {field('date', m.date, { required: true, type: 'date' })}
      {field('start', m.start, { required: true, type: 'time' })}
      {field('end', m.end, { required: true, type: 'time' })}
      {field('timeZone', m.timeZone, { required: true, hint: m.timeZoneHint })}
      {field('closesDate', m.closesDate, { required: true, type: 'date' })}
      {field('closesTime', m.closesTime, { required: true, type: 'time' })}
      {field('organizerName', m.organizerName, { required: true })}
      {field('venueName', m.venueName)}
      {field('street', m.street)}
      {field('postalCode', m.postalCode)}
      {field('city', m.city)}
      {field('capacity', m.capacity, { hint: m.capacityHint })}
      <button type="submit" className="kern-btn kern-btn--primary">
        <span className="kern-label">{m.submit}</span>
      </button>
    </form>
  );
}
