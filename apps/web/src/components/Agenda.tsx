import type { WebEventPageQuery } from '../gql/graphql';
import { useFormat, useI18n } from '../lib/i18n';

/** A public event as the participants' pages load it. */
export type EventData = NonNullable<WebEventPageQuery['event']>;
export type AgendaItemData = EventData['agenda'][number];
export type WorkshopData = AgendaItemData['workshops'][number];
type Person = AgendaItemData['speakers'][number];

export function People({ label, people }: { label: string; people: Person[] }) {
  if (people.length === 0) return null;
  return (
    <div className="people">
      <span className="kern-body kern-body--bold">{label}: </span>
      <ul className="people__list">
        {people.map((p, i) => (
          <li key={i} className="kern-body">
            {p.name}
            {p.affiliation ? <span className="kern-body--muted"> ({p.affiliation})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SeatsBadge({
  workshop,
}: {
  workshop: Pick<WorkshopData, 'capacityStatus' | 'seatsLeft' | 'capacity'>;
}) {
  const { t } = useI18n();
  if (workshop.capacityStatus === 'FULL') {
    return <span className="kern-badge kern-badge--danger">{t.event.workshopFull}</span>;
  }
  return (
    <span
      className={`kern-badge ${workshop.capacityStatus === 'FILLING_UP' ? 'kern-badge--warning' : 'kern-badge--info'}`}
    >
      {t.event.workshopSeatsLeft(workshop.seatsLeft, workshop.capacity)}
    </span>
  );
}

export function Agenda({ event }: { event: EventData }) {
  const { t } = useI18n();
  const f = useFormat(event.timeZone);
  return (
    <section aria-labelledby="agenda-heading" className="section">
      <h2 id="agenda-heading" className="kern-heading-medium">
        {t.event.agenda}
      </h2>
      <ol className="agenda">
        {event.agenda.map((item) => (
          <li key={item.id} className="agenda__item">
            <p className="agenda__time kern-body kern-body--bold">
              {t.event.timeRange(f.time(item.startsAt), f.time(item.endsAt))}
            </p>
            <div className="agenda__content">
              <h3 className="kern-heading-small">{item.title}</h3>
              <p className="kern-body kern-body--small kern-body--muted">
                {t.kind[item.kind]}
                {item.room ? ` · ${t.event.room(item.room)}` : ''}
              </p>
              {item.subtitle ? <p className="kern-body">{item.subtitle}</p> : null}
              {item.description ? <p className="kern-body">{item.description}</p> : null}
              <People label={t.event.speakers} people={item.speakers} />
              {item.workshops.length > 0 ? (
                <ul className="workshops" aria-label={`${t.event.workshopsOfPhase}: ${item.title}`}>
                  {item.workshops.map((w) => (
                    <li key={w.id} className="kern-card workshop">
                      <div className="kern-card__container">
                        <div className="kern-card__header">
                          <h4 className="kern-heading-small">
                            {t.event.workshopNumber(w.number)}: {w.title}
                          </h4>
                        </div>
                        <div className="kern-card__body">
                          {w.subtitle ? <p className="kern-body">{w.subtitle}</p> : null}
                          {w.description ? <p className="kern-body">{w.description}</p> : null}
                          <People label={t.event.hosts} people={w.hosts} />
                          {w.room ? <p className="kern-body">{t.event.room(w.room)}</p> : null}
                          <p>
                            <SeatsBadge workshop={w} />
                          </p>
                          {w.capacityWarning ? (
                            <p className="kern-body workshop__warning">{w.capacityWarning}</p>
                          ) : null}
                        </div>
                      </div>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
