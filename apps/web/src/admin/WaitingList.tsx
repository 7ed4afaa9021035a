import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, Loading } from '../components/Layout';
import type { DeskWaitlistQuery } from '../gql/graphql';
import { useFormat, useI18n } from '../lib/i18n';
import { useLastGood } from '../lib/last-good';
import { DataTable } from './DataTable';
import { DeskPromoteRegistration, DeskWaitlist } from './waitlist-operations';

type DeskEvent = NonNullable<DeskWaitlistQuery['event']>;
type Phase = DeskEvent['agenda'][number];
type Waiting = DeskWaitlistQuery['waitingList'][number];

const left = (w: { capacity: number; seatsTaken: number }) =>
  Math.max(w.capacity - w.seatsTaken, 0);

/**
 * The desk's seats and waiting wishes per workshop, and the waiting list in its
 * order with "Jetzt zulassen". Reloads whenever `version` changes (the desk
 * reloaded after a move or a cancellation); `onChanged` after a promotion.
 */
export function WaitingList({
  eventId,
  version,
  onChanged,
}: {
  eventId: string;
  version: unknown;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [{ data: fresh, fetching }, refetch] = useQuery({
    query: DeskWaitlist,
    variables: { id: eventId },
  });
  // a failed refetch keeps the last good answer on screen, as the desk does
  const data = useLastGood(fresh, (answer) => Boolean(answer.event));
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
  const [result, setResult] = useState<{ text: string; n: number } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  const format = useFormat(data?.event?.timeZone ?? 'Europe/Berlin');
  if (fetching && !data) return <Loading />;
  const event = data?.event;
  if (!data || !event) return null;
  const phases = event.agenda.filter((item) => item.workshops.length > 0);
  const list = data.waitingList;
  return (
    <>
      {phases.length > 0 ? <WorkshopSeats phases={phases} /> : null}
      <section aria-labelledby="waitlist-title" className="admin-section">
        <h2 id="waitlist-title" className="kern-heading-medium">
          {t.waitlist.title(list.length)}
        </h2>
        <p className="kern-body">{t.waitlist.intro}</p>
        {result ? (
          <div key={result.n} tabIndex={-1} ref={resultRef}>
            <Alert kind="success" role="status" title={result.text} />
          </div>
        ) : null}
        {list.length === 0 ? (
          <p className="kern-body">{t.waitlist.empty}</p>
        ) : (
          <DataTable caption={t.waitlist.caption}>
            <thead>
              <tr>
                <th scope="col">{t.waitlist.colPosition}</th>
                <th scope="col">{t.waitlist.colName}</th>
                <th scope="col">{t.waitlist.colOrganization}</th>
                <th scope="col">{t.waitlist.colWishes}</th>
                <th scope="col">{t.waitlist.colSince}</th>
                <th scope="col">{t.waitlist.colActions}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r, n) => (
                <tr key={r.id}>
                  <td>{t.waitlist.position(n + 1)}</td>
                  <th scope="row">
                    {r.lastName}, {r.firstName}
                  </th>
                  <td>{r.organization ?? ''}</td>
                  <td>{r.workshops.map((w) => `${w.number}: ${w.title}`).join('; ')}</td>
                  <td>{format.dateTime(r.createdAt)}</td>
                  <td>
                    <PromoteButton
                      person={r}
                      event={event}
                      phases={phases}
                      onDone={(text) => {
                        setResult((before) => ({ text, n: (before?.n ?? 0) + 1 }));
                        refetch({ requestPolicy: 'network-only' });
                        onChanged();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </>
  );
}

function WorkshopSeats({ phases }: { phases: Phase[] }) {
  const { t } = useI18n();
  return (
    <DataTable caption={t.waitlist.seatsCaption}>
      <thead>
        <tr>
          <th scope="col">{t.waitlist.colNumber}</th>
          <th scope="col">{t.waitlist.colWorkshop}</th>
          <th scope="col">{t.waitlist.colPhase}</th>
          <th scope="col">{t.waitlist.colRoom}</th>
          <th scope="col">{t.waitlist.colSeats}</th>
          <th scope="col">{t.waitlist.colWaiting}</th>
        </tr>
      </thead>
      <tbody>
        {phases.flatMap((phase) =>
          phase.workshops.map((w) => (
            <tr key={w.id}>
              <td>{w.number}</td>
              <th scope="row">{w.title}</th>
              <td>{phase.title}</td>
              <td>{w.room ?? ''}</td>
              <td>{t.waitlist.seatsOf(w.seatsTaken, w.capacity)}</td>
              <td>{w.waitingCount}</td>
            </tr>
          )),
        )}
      </tbody>
    </DataTable>
  );
}

/** The workshop a phase offers first: the wish, else the one with most seats left. */
function preselect(phase: Phase, person: Waiting): string {
  const wish = phase.workshops.find((w) => person.workshops.some((x) => x.id === w.id));
  if (wish) return wish.id;
  return [...phase.workshops].sort((a, b) => left(b) - left(a) || a.number - b.number)[0].id;
}

/**
 * "Jetzt zulassen" is a two-step action: the first button opens the choice of
 * workshops (the wishes first); the second promotes. A full event or workshop
 * needs the organizer's explicit extra seat, otherwise the server refuses.
 */
function PromoteButton({
  person,
  event,
  phases,
  onDone,
}: {
  person: Waiting;
  event: DeskEvent;
  phases: Phase[];
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [addSeats, setAddSeats] = useState(false);
  const [problem, setProblem] = useState<{ text: string; n: number } | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);
  const [state, promote] = useMutation(DeskPromoteRegistration);
  const name = `${person.firstName} ${person.lastName}`;
  if (!asking) {
    return (
      <button
        type="button"
        className="kern-btn kern-btn--primary kern-btn--small"
        aria-label={t.waitlist.promoteLabel(name)}
        onClick={() => {
          setChoice(Object.fromEntries(phases.map((p) => [p.id, preselect(p, person)])));
          setAddSeats(false);
          setProblem(null);
          setAsking(true);
        }}
      >
        <span className="kern-label">{t.waitlist.promote}</span>
      </button>
    );
  }
  const chosen = phases.flatMap((p) => p.workshops.filter((w) => w.id === choice[p.id]));
  const eventFull = event.capacity !== null && event.seatsTaken >= event.capacity;
  const fullChosen = chosen.filter((w) => left(w) === 0);
  const needsSeats = eventFull || fullChosen.length > 0;
  const key = `promote-${person.id}`;
  return (
    <div role="group" aria-label={t.waitlist.promoteQuestion(name)} className="admin-confirm">
      {problem ? (
        <div key={problem.n} tabIndex={-1} ref={problemRef}>
          <Alert kind="danger" role="alert" title={problem.text} />
        </div>
      ) : null}
      {phases.map((phase) => (
        <fieldset key={phase.id} className="kern-fieldset">
          <legend className="kern-label">{t.waitlist.phaseLegend(phase.title)}</legend>
          <div className="kern-fieldset__body">
            {phase.workshops.map((w) => {
              const id = `${key}-${w.id}`;
              return (
                <div key={w.id} className="kern-form-check">
                  <input
                    className="kern-form-check__radio"
                    type="radio"
                    id={id}
                    name={`${key}-${phase.id}`}
                    value={w.id}
                    checked={choice[phase.id] === w.id}
                    onChange={() => setChoice((c) => ({ ...c, [phase.id]: w.id }))}
                  />
                  <label className="kern-label" htmlFor={id}>
                    {t.waitlist.option(w.number, w.title, left(w))}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      {needsSeats ? (
        <div>
          <p className="kern-body">
            {[
              eventFull ? t.waitlist.eventFull : null,
              ...fullChosen.map((w) => t.waitlist.workshopFull(w.number)),
            ]
              .filter(Boolean)
              .join(' ')}
          </p>
          <div className="kern-form-check">
            <input
              className="kern-form-check__checkbox"
              type="checkbox"
              id={`${key}-add-seats`}
              checked={addSeats}
              onChange={(e) => setAddSeats(e.target.checked)}
            />
            <label className="kern-label" htmlFor={`${key}-add-seats`}>
              {t.waitlist.addSeats}
            </label>
          </div>
        </div>
      ) : null}
      <button
        type="button"
        className="kern-btn kern-btn--primary kern-btn--small"
        disabled={state.fetching}
        onClick={() =>
          void promote({
            id: person.id,
            workshopIds: phases.map((p) => choice[p.id]),
            addSeats: needsSeats && addSeats,
          }).then((result) => {
            const answer = result.data?.promoteRegistration;
            if (result.error || !answer) {
              setProblem((p) => ({ text: t.loadError, n: (p?.n ?? 0) + 1 }));
              return;
            }
            if (answer.__typename !== 'Registration') {
              const text = 'message' in answer ? answer.message : t.loadError;
              setProblem((p) => ({ text, n: (p?.n ?? 0) + 1 }));
              return;
            }
            setAsking(false);
            onDone(
              t.waitlist.done(
                name,
                answer.workshops.map((w) => `${w.number}: ${w.title}`),
              ),
            );
          })
        }
      >
        <span className="kern-label">{t.waitlist.confirm}</span>
      </button>
      <button
        type="button"
        className="kern-btn kern-btn--secondary kern-btn--small"
        onClick={() => setAsking(false)}
      >
        <span className="kern-label">{t.waitlist.keep}</span>
      </button>
    </div>
  );
}
