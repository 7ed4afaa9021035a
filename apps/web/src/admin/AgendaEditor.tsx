import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { Alert } from '../components/Layout';
import { useFormat, useI18n } from '../lib/i18n';
import { linkHandler } from '../lib/router';
import {
  ItemForm,
  WorkshopForm,
  type AdminEventData,
  type Item,
  type Person,
  type Workshop,
} from './AgendaForms';
import { adminEditPath } from './paths';
import { organizerMessage } from './refusal';
import { AdminPublishEvent, AdminRemoveAgendaItem, AdminRemoveWorkshop } from './operations';

/** Where focus goes when a form closes: the item's heading after saving, its button after cancelling. */
type FocusTarget = 'heading' | 'button' | null;

function printPeople(people: readonly Person[]): string {
  return people.map((p) => (p.affiliation ? `${p.name} (${p.affiliation})` : p.name)).join(', ');
}

/**
 * Focus that survives the refetch after saving: the row is focused again when
 * its item changes (a new time may move it in the list), until focus leaves it.
 */
function useReturnFocus<T>(data: T) {
  const [target, setTarget] = useState<FocusTarget>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (target === 'heading') heading.current?.focus();
    if (target === 'button') button.current?.focus();
  }, [target, data]);
  return { heading, button, returnTo: setTarget, release: () => setTarget(null) };
}

/**
 * The programme of one event, in time order, edited in place: items of every kind
 * with speakers, workshop phases with their workshops; each item and workshop opens
 * the form it was added with, filled in. The API's warnings above it are refreshed
 * after every change, and again before publishing.
 */
export function AgendaEditor({
  event,
  onChanged,
}: {
  event: AdminEventData;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [, removeItem] = useMutation(AdminRemoveAgendaItem);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async (item: Item) => {
    const result = await removeItem({ id: item.id });
    const first = result.error?.graphQLErrors[0];
    setProblem(
      result.error
        ? first
          ? organizerMessage(first, t.admin.agenda.refusals)
          : t.loadError
        : null,
    );
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
          <AgendaRow
            key={item.id}
            event={event}
            item={item}
            onChanged={onChanged}
            onRemove={() => void remove(item)}
          />
        ))}
      </ol>
      <ItemForm event={event} onSaved={onChanged} />
      {event.status === 'DRAFT' ? <Publish event={event} onChanged={onChanged} /> : null}
    </section>
  );
}

function AgendaRow({
  event,
  item,
  onChanged,
  onRemove,
}: {
  event: AdminEventData;
  item: Item;
  onChanged: () => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat(event.timeZone);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { heading, button, returnTo, release } = useReturnFocus(item);
  const close = (target: FocusTarget) => {
    setEditing(false);
    returnTo(target);
  };
  return (
    <li className="admin-agenda__item">
      <h3 ref={heading} tabIndex={-1} onBlur={release} className="kern-heading-small">
        {t.event.timeRange(format.time(item.startsAt), format.time(item.endsAt))} ·{' '}
        {t.kind[item.kind]}: {item.title}
      </h3>
      {editing ? (
        <ItemForm
          event={event}
          item={item}
          onSaved={() => {
            setSaved(true);
            close('heading');
            onChanged();
          }}
          onCancel={() => close('button')}
        />
      ) : (
        <>
          {saved ? <Alert kind="success" role="status" title={t.admin.agenda.saved} /> : null}
          {item.speakers.length > 0 ? (
            <p className="kern-body">{printPeople(item.speakers)}</p>
          ) : null}
          {item.room ? <p className="kern-body">{item.room}</p> : null}
          {item.description ? (
            <p className="kern-body admin-agenda__text">{item.description}</p>
          ) : null}
          <div className="admin-agenda__actions">
            <button
              type="button"
              ref={button}
              onBlur={release}
              className="kern-btn kern-btn--secondary kern-btn--small"
              onClick={() => {
                setSaved(false);
                release();
                setEditing(true);
              }}
            >
              <span className="kern-label">{t.admin.agenda.editItem(item.title)}</span>
            </button>{' '}
            <button
              type="button"
              className="kern-btn kern-btn--tertiary kern-btn--small"
              onClick={onRemove}
            >
              <span className="kern-label">{t.admin.agenda.removeItem(item.title)}</span>
            </button>
          </div>
        </>
      )}
      {item.kind === 'WORKSHOP_PHASE' ? (
        <Workshops event={event} phase={item} onChanged={onChanged} />
      ) : null}
    </li>
  );
}

function Workshops({
  event,
  phase,
  onChanged,
}: {
  event: AdminEventData;
  phase: Item;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [, removeWorkshop] = useMutation(AdminRemoveWorkshop);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async (w: Workshop) => {
    const result = await removeWorkshop({ id: w.id });
    const first = result.error?.graphQLErrors[0];
    setProblem(
      result.error
        ? first
          ? organizerMessage(first, t.admin.agenda.refusals)
          : t.loadError
        : null,
    );
    if (!result.error) onChanged();
  };
  return (
    <div className="admin-workshops">
      {problem ? <Alert kind="danger" role="alert" title={problem} /> : null}
      {phase.workshops.length > 0 ? (
        <ul className="kern-list">
          {phase.workshops.map((w) => (
            <WorkshopRow
              key={w.id}
              event={event}
              phase={phase}
              workshop={w}
              onChanged={onChanged}
              onRemove={() => void remove(w)}
            />
          ))}
        </ul>
      ) : null}
      <WorkshopForm event={event} phase={phase} onSaved={onChanged} />
    </div>
  );
}

function WorkshopRow({
  event,
  phase,
  workshop: w,
  onChanged,
  onRemove,
}: {
  event: AdminEventData;
  phase: Item;
  workshop: Workshop;
  onChanged: () => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { button, returnTo, release } = useReturnFocus(w);
  if (editing) {
    const close = () => {
      setEditing(false);
      returnTo('button');
    };
    return (
      <li>
        <WorkshopForm
          event={event}
          phase={phase}
          workshop={w}
          onSaved={() => {
            setSaved(true);
            close();
            onChanged();
          }}
          onCancel={close}
        />
      </li>
    );
  }
  return (
    <li>
      {t.admin.agenda.workshopLine(w.number, w.title, w.capacity)}
      {w.room ? ` · ${w.room}` : ''}
      {w.hosts.length > 0 ? ` · ${printPeople(w.hosts)}` : ''}{' '}
      <button
        type="button"
        ref={button}
        onBlur={release}
        className="kern-btn kern-btn--secondary kern-btn--small"
        onClick={() => {
          setSaved(false);
          release();
          setEditing(true);
        }}
      >
        <span className="kern-label">{t.admin.agenda.editWorkshop(w.number)}</span>
      </button>{' '}
      <button
        type="button"
        className="kern-btn kern-btn--tertiary kern-btn--small"
        onClick={onRemove}
      >
        <span className="kern-label">{t.admin.agenda.removeWorkshop(w.number)}</span>
      </button>
      {saved ? <Alert kind="success" role="status" title={t.admin.agenda.saved} /> : null}
    </li>
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
