import { useState, type FormEvent, type ReactNode } from 'react';
import { useClient, useMutation, type CombinedError } from 'urql';
import { Alert } from '../components/Layout';
import { Checkbox, ErrorSummary, TextField, type FieldErrors } from '../components/FormParts';
import type { AdminEditEventQuery } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { localParts } from './local-time';
import { AdminLocalTimes } from './operations';
import { AdminUpdateEvent } from './event-operations';

// The event editor's form: every field of an event, dates and times as local
// times of its zone (split from EventEditor.tsx, unchanged).

export type EditData = NonNullable<AdminEditEventQuery['event']>;

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

const TIME = /^\d{2}:\d{2}$/;

function initial(e: EditData) {
  const at = (iso: string | null) => (iso ? localParts(iso, e.timeZone) : { date: '', time: '' });
  const [start, end, opens, closes] = [
    at(e.startsAt),
    at(e.endsAt),
    at(e.registrationOpensAt ?? null),
    at(e.registrationClosesAt),
  ];
  return {
    title: e.title,
    subtitle: e.subtitle ?? '',
    description: e.description ?? '',
    slug: e.slug,
    timeZone: e.timeZone,
    language: e.language,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    organizerName: e.organizerName,
    contactEmail: e.contactEmail ?? '',
    costNote: e.costNote ?? '',
    venueName: e.venue?.name ?? '',
    street: e.venue?.street ?? '',
    postalCode: e.venue?.postalCode ?? '',
    city: e.venue?.city ?? '',
    country: e.venue?.country ?? '',
    capacity: e.capacity === null || e.capacity === undefined ? '' : String(e.capacity),
    threshold: String(Math.round(e.capacityWarningThreshold * 100)),
  };
}
type Form = ReturnType<typeof initial>;
type Key = keyof Form;

/** Texts stay editable on a cancelled event; the API refuses everything else. */
const TEXTS: Key[] = [
  'title',
  'subtitle',
  'description',
  'costNote',
  'organizerName',
  'contactEmail',
];
const ORDER: Array<Key | 'form' | 'waitlistEnabled'> = [
  'form',
  'title',
  'subtitle',
  'description',
  'slug',
  'language',
  'timeZone',
  'startDate',
  'startTime',
  'endDate',
  'endTime',
  'opensDate',
  'opensTime',
  'closesDate',
  'closesTime',
  'organizerName',
  'contactEmail',
  'costNote',
  'venueName',
  'street',
  'postalCode',
  'city',
  'country',
  'capacity',
  'threshold',
  'waitlistEnabled',
];
/** The time pairs, in the order they are sent to localTimesToInstants. */
const PAIRS = [
  ['startDate', 'startTime', 'startsAt'],
  ['endDate', 'endTime', 'endsAt'],
  ['closesDate', 'closesTime', 'registrationClosesAt'],
  ['opensDate', 'opensTime', 'registrationOpensAt'],
] as const;
const FROM_API: Record<string, Key> = {
  startsAt: 'startDate',
  endsAt: 'endDate',
  registrationClosesAt: 'closesDate',
  registrationOpensAt: 'opensDate',
  capacityWarningThreshold: 'threshold',
};
const VENUE_FROM_API: Record<string, Key> = {
  name: 'venueName',
  street: 'street',
  postalCode: 'postalCode',
  city: 'city',
  country: 'country',
};

/** The API's refusal as a field error: `extensions.field` names the input field. */
function refusal(error: CombinedError | undefined, fallback: string): FieldErrors {
  const first = error?.graphQLErrors[0];
  if (!first) return { form: fallback };
  const field = first.extensions?.field;
  if (!Array.isArray(field)) return { form: first.message };
  const [head, sub] = field.map(String);
  const key = head === 'venue' ? (VENUE_FROM_API[sub] ?? 'venueName') : (FROM_API[head] ?? head);
  return { [(ORDER as string[]).includes(key) ? key : 'form']: first.message };
}

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="kern-fieldset admin-fieldset">
      <legend className="kern-label">{legend}</legend>
      <div className="kern-fieldset__body">{children}</div>
    </fieldset>
  );
}

export function EventForm({ event, onSaved }: { event: EditData; onSaved: () => void }) {
  const { t } = useI18n();
  const client = useClient();
  const [, update] = useMutation(AdminUpdateEvent);
  const start = initial(event);
  const [form, setForm] = useState(start);
  const [waitlist, setWaitlist] = useState(event.waitlistEnabled);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submits, setSubmits] = useState(0);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancelled = event.status === 'CANCELLED';
  const m = t.editor;
  const id = (key: string) => `edit-${key}`;
  const set = (key: Key) => (value: string) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const check = (): FieldErrors => {
    const missing: FieldErrors = {};
    if (form.title.trim() === '') missing.title = t.admin.newEvent.titleMissing;
    if (form.organizerName.trim() === '') missing.organizerName = t.admin.newEvent.organizerMissing;
    if (cancelled) return missing;
    if (form.slug.trim() === '') missing.slug = m.slugMissing;
    if (form.timeZone.trim() === '') missing.timeZone = m.timeZoneMissing;
    for (const [date, time] of PAIRS) {
      const optional = date === 'opensDate' && form.opensDate === '' && form.opensTime === '';
      if (optional) continue;
      if (!DATE.test(form[date])) missing[date] = t.admin.newEvent.dateMissing;
      if (!TIME.test(form[time])) missing[time] = t.admin.agenda.timeMissing;
    }
    if (form.capacity.trim() !== '' && !/^\d+$/.test(form.capacity.trim())) {
      missing.capacity = t.admin.agenda.seatsMissing;
    }
    const threshold = Number(form.threshold.trim());
    if (!/^\d+$/.test(form.threshold.trim()) || threshold < 1 || threshold > 100) {
      missing.threshold = m.thresholdInvalid;
    }
    const venueGiven = [form.venueName, form.street, form.postalCode, form.city, form.country].some(
      (v) => v.trim() !== '',
    );
    if (venueGiven && form.venueName.trim() === '') {
      missing.venueName = t.admin.newEvent.venueNameMissing;
    }
    if (venueGiven && form.city.trim() === '') missing.city = t.admin.newEvent.cityMissing;
    return missing;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmits((n) => n + 1);
    setSaved(false);
    const missing = check();
    if (Object.keys(missing).length > 0) return setErrors(missing);
    setBusy(true);
    try {
      const texts = {
        title: form.title.trim(),
        subtitle: form.subtitle.trim() || null,
        description: form.description.trim() || null,
        costNote: form.costNote.trim() || null,
        organizerName: form.organizerName.trim(),
        contactEmail: form.contactEmail.trim() || null,
      };
      if (cancelled) {
        const result = await update({ id: event.id, input: texts });
        if (result.error) return setErrors(refusal(result.error, t.loadError));
      } else {
        const zone = form.timeZone.trim();
        // times are sent only when they (or the zone) changed, so an untouched instant stays exact
        const changed = PAIRS.filter(
          ([date, time]) =>
            zone !== start.timeZone || form[date] !== start[date] || form[time] !== start[time],
        ).filter(([date]) => !(date === 'opensDate' && form.opensDate === ''));
        const instants: Record<string, string | null> = {};
        if (changed.length > 0) {
          const times = await client
            .query(AdminLocalTimes, {
              timeZone: zone,
              localTimes: changed.map(([date, time]) => `${form[date]}T${form[time]}`),
            })
            .toPromise();
          const found = times.data?.localTimesToInstants;
          if (!found) {
            const first = times.error?.graphQLErrors[0];
            const field = first?.extensions?.field;
            const which = !Array.isArray(field)
              ? 'form'
              : field[0] === 'timeZone'
                ? 'timeZone'
                : (changed[Number(field[1])]?.[1] ?? 'form');
            return setErrors({ [which]: first?.message ?? t.loadError });
          }
          changed.forEach(([, , api], i) => (instants[api] = found[i]));
        }
        if (form.opensDate === '' && start.opensDate !== '') instants.registrationOpensAt = null;
        const venueGiven = form.venueName.trim() !== '' || form.city.trim() !== '';
        const result = await update({
          id: event.id,
          input: {
            ...texts,
            ...instants,
            slug: form.slug.trim(),
            timeZone: zone,
            language: form.language,
            venue: venueGiven
              ? {
                  name: form.venueName.trim(),
                  street: form.street.trim() || null,
                  postalCode: form.postalCode.trim() || null,
                  city: form.city.trim(),
                  country: form.country.trim() || null,
                }
              : null,
            capacity: form.capacity.trim() === '' ? null : Number(form.capacity.trim()),
            capacityWarningThreshold: Number(form.threshold.trim()) / 100,
            waitlistEnabled: waitlist,
          },
        });
        if (result.error) return setErrors(refusal(result.error, t.loadError));
      }
      setErrors({});
      setSaved(true);
      onSaved();
    } finally {
      setBusy(false);
    }
  };

  const summary = ORDER.filter((k) => errors[k]).map((key) => ({
    key,
    message: errors[key],
  }));
  const targets = Object.fromEntries(ORDER.map((k) => [k, id(k)]));
  const field = (
    key: Key,
    label: string,
    extra: {
      required?: boolean;
      hint?: string;
      type?: 'date' | 'time' | 'email';
      multiline?: boolean;
    } = {},
  ) => (
    <TextField
      id={id(key)}
      label={label}
      value={form[key]}
      onChange={set(key)}
      error={errors[key]}
      disabled={cancelled && !TEXTS.includes(key)}
      {...extra}
    />
  );
  const zone = event.timeZone;
  return (
    <form
      className="admin-form"
      aria-labelledby={id('heading')}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h2 id={id('heading')} className="kern-heading-medium">
        {m.formTitle}
      </h2>
      <p className="kern-body">{m.formIntro(zone)}</p>
      <ErrorSummary id="edit-errors" errors={summary} targets={targets} focusKey={submits} />
      <Fieldset legend={m.general}>
        {field('title', t.admin.newEvent.eventTitle, { required: true })}
        {field('subtitle', m.subtitle)}
        {field('description', m.description, { multiline: true })}
        {field('slug', m.slug, { required: true, hint: m.slugHint })}
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={id('language')}>
            {m.language}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id={id('language')}
              className="kern-form-input__select"
              value={form.language}
              disabled={cancelled}
              onChange={(e) => set('language')(e.target.value)}
            >
              <option value="de">{m.languages.de}</option>
              <option value="en">{m.languages.en}</option>
            </select>
          </div>
        </div>
      </Fieldset>
      <Fieldset legend={m.when(zone)}>
        {field('timeZone', t.admin.newEvent.timeZone, {
          required: true,
          hint: t.admin.newEvent.timeZoneHint,
        })}
        {field('startDate', m.startDate, { required: true, type: 'date' })}
        {field('startTime', m.startTime, { required: true, type: 'time' })}
        {field('endDate', m.endDate, { required: true, type: 'date' })}
        {field('endTime', m.endTime, { required: true, type: 'time' })}
      </Fieldset>
      <Fieldset legend={m.registration}>
        {field('opensDate', m.opensDate, { type: 'date', hint: m.opensHint })}
        {field('opensTime', m.opensTime, { type: 'time' })}
        {field('closesDate', t.admin.newEvent.closesDate, { required: true, type: 'date' })}
        {field('closesTime', t.admin.newEvent.closesTime, { required: true, type: 'time' })}
        {field('capacity', t.admin.newEvent.capacity, { hint: t.admin.newEvent.capacityHint })}
        {field('threshold', m.threshold, { required: true, hint: m.thresholdHint })}
        <Checkbox
          id={id('waitlistEnabled')}
          label={m.waitlistEnabled}
          checked={waitlist}
          disabled={cancelled}
          onChange={(checked) => {
            setSaved(false);
            setWaitlist(checked);
          }}
          error={errors.waitlistEnabled}
        />
      </Fieldset>
      <Fieldset legend={m.contact}>
        {field('organizerName', t.admin.newEvent.organizerName, { required: true })}
        {field('contactEmail', m.contactEmail, { type: 'email' })}
        {field('costNote', m.costNote, { multiline: true })}
      </Fieldset>
      <Fieldset legend={m.venue}>
        {field('venueName', t.admin.newEvent.venueName)}
        {field('street', t.admin.newEvent.street)}
        {field('postalCode', t.admin.newEvent.postalCode)}
        {field('city', t.admin.newEvent.city)}
        {field('country', m.country)}
      </Fieldset>
      {saved ? <Alert kind="success" role="status" title={m.saved} /> : null}
      <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
        <span className="kern-label">{m.save}</span>
      </button>
    </form>
  );
}
