import { useFormat, useI18n } from '../lib/i18n';
import type { AgendaItemData, WorkshopData } from './Agenda';
import { SeatsBadge } from './Agenda';
import { InlineError, errorId } from './FormParts';

/** What choosing a workshop needs to know of it (the public page and the console). */
export type ChoiceWorkshop = Pick<
  WorkshopData,
  | 'id'
  | 'number'
  | 'title'
  | 'room'
  | 'capacity'
  | 'seatsLeft'
  | 'capacityStatus'
  | 'capacityWarning'
>;

/** What choosing in a phase needs to know of it. */
export type ChoicePhase = Pick<AgendaItemData, 'id' | 'kind' | 'title' | 'startsAt' | 'endsAt'> & {
  workshops: ChoiceWorkshop[];
};

export type Alternative = {
  id: string;
  number: number;
  title: string;
  seatsLeft: number;
};

/** The phases a participant chooses in: workshop phases that have workshops. */
export function choicePhases<P extends ChoicePhase>(agenda: P[]): P[] {
  return agenda.filter((item) => item.kind === 'WORKSHOP_PHASE' && item.workshops.length > 0);
}

export function phaseKey(phaseId: string): string {
  return `phase-${phaseId}`;
}

export function radioId(phaseId: string, workshopId: string): string {
  return `workshop-${phaseId}-${workshopId}`;
}

/** The element an error of a phase links to: its first radio that can be chosen. */
export function phaseTarget(
  phase: ChoicePhase,
  selectable: (w: ChoiceWorkshop) => boolean,
): string {
  const first = phase.workshops.find(selectable) ?? phase.workshops[0];
  return radioId(phase.id, first.id);
}

/**
 * One fieldset per workshop phase (GOV.UK: one question per fieldset), its legend the
 * phase's title; each radio labelled with the workshop's number and title, its hint the
 * seats left and the capacity warning.
 */
export function PhaseFieldset({
  phase,
  timeZone,
  value,
  onChange,
  error,
  selectable,
  alternatives,
  onAlternative,
}: {
  phase: ChoicePhase;
  timeZone: string;
  value: string | undefined;
  onChange: (workshopId: string) => void;
  error?: string;
  selectable: (w: ChoiceWorkshop) => boolean;
  alternatives?: Alternative[];
  onAlternative?: (workshopId: string) => void;
}) {
  const { t } = useI18n();
  const f = useFormat(timeZone);
  const key = phaseKey(phase.id);
  const hintId = `${key}-hint`;
  return (
    <fieldset
      className={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={[hintId, error ? errorId(key) : null].filter(Boolean).join(' ')}
    >
      <legend className="kern-label kern-label--large">{phase.title}</legend>
      <div className="kern-hint" id={hintId}>
        {t.form.phaseHint(f.time(phase.startsAt), f.time(phase.endsAt))}
      </div>
      <InlineError id={key} message={error} />
      {alternatives ? (
        <div className="alternatives">
          {alternatives.length > 0 ? (
            <>
              <p className="kern-body kern-body--bold">{t.form.alternativesTitle}</p>
              <ul className="alternatives__list">
                {alternatives.map((a) => (
                  <li key={a.id}>
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary"
                      onClick={() => onAlternative?.(a.id)}
                    >
                      <span className="kern-label">
                        {t.form.chooseAlternative(a.number, a.title, a.seatsLeft)}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="kern-body">{t.form.errors.noAlternatives}</p>
          )}
        </div>
      ) : null}
      <div className="kern-fieldset__body">
        {phase.workshops.map((w) => {
          const id = radioId(phase.id, w.id);
          const disabled = !selectable(w);
          return (
            <div key={w.id} className="workshop-option">
              <div className="kern-form-check">
                <input
                  className={`kern-form-check__radio${error ? ' kern-form-check__radio--error' : ''}`}
                  type="radio"
                  id={id}
                  name={key}
                  value={w.id}
                  checked={value === w.id}
                  disabled={disabled}
                  aria-describedby={`${id}-hint`}
                  onChange={() => onChange(w.id)}
                />
                <label className="kern-label" htmlFor={id}>
                  {t.workshopLine(w.number, w.title)}
                </label>
              </div>
              <div className="kern-hint workshop-option__hint" id={`${id}-hint`}>
                <SeatsBadge workshop={w} />
                {w.room ? <span> {t.event.room(w.room)}</span> : null}
                {w.capacityWarning ? (
                  <span className="workshop__warning"> {w.capacityWarning}</span>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
