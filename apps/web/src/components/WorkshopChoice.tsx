import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { useFormat, useI18n } from '../lib/i18n';
import type { AgendaItemData, WorkshopData } from './Agenda';
import { SeatsBadge } from './Agenda';
import { InlineError, errorId, type FieldErrors } from './FormParts';
import { PARTICIPANT_FIELDS } from './ParticipantFields';

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

/**
 * The error summary of a registration form (public, manage page, console on a
 * participant's behalf): the form's own error, then the participant's fields, the
 * phases and the consent, each linked to the element that fixes it.
 */
export function registrationErrorSummary({
  errors,
  formError,
  phases,
  selectable,
  consentTarget,
}: {
  errors: FieldErrors;
  formError: string | null;
  phases: ChoicePhase[];
  selectable: (w: ChoiceWorkshop) => boolean;
  /** The consent checkbox's id, for forms that ask for consent. */
  consentTarget?: string;
}): {
  summary: Array<{ key: string; message: string }>;
  targets: Record<string, string | undefined>;
} {
  const summary: Array<{ key: string; message: string }> = [];
  const targets: Record<string, string | undefined> = {};
  if (formError) summary.push({ key: 'form', message: formError });
  for (const field of PARTICIPANT_FIELDS) {
    if (errors[field]) {
      summary.push({ key: field, message: errors[field] });
      targets[field] = field;
    }
  }
  for (const phase of phases) {
    const key = phaseKey(phase.id);
    if (errors[key]) {
      summary.push({ key, message: errors[key] });
      targets[key] = phaseTarget(phase, selectable);
    }
  }
  if (consentTarget && errors.consent) {
    summary.push({ key: 'consent', message: errors.consent });
    targets.consent = consentTarget;
  }
  return { summary, targets };
}

/**
 * The workshop choice of a registration form: a heading, a hint, one fieldset per
 * phase; choosing an offered alternative submits the form again with it.
 */
export function WorkshopPhases({
  phases,
  timeZone,
  heading,
  hint,
  choice,
  setChoice,
  errors,
  selectable,
  alternatives,
  submit,
}: {
  phases: ChoicePhase[];
  timeZone: string;
  /** The heading element (its level depends on the page). */
  heading: ReactNode;
  hint: string;
  choice: Record<string, string>;
  setChoice: Dispatch<SetStateAction<Record<string, string>>>;
  errors: FieldErrors;
  selectable: (w: ChoiceWorkshop) => boolean;
  alternatives: Record<string, Alternative[]>;
  submit: (choice: Record<string, string>) => Promise<void>;
}) {
  if (phases.length === 0) return null;
  return (
    <div className="workshop-choice">
      {heading}
      <p className="kern-body">{hint}</p>
      {phases.map((phase) => (
        <PhaseFieldset
          key={phase.id}
          phase={phase}
          timeZone={timeZone}
          value={choice[phase.id]}
          onChange={(id) => setChoice((c) => ({ ...c, [phase.id]: id }))}
          error={errors[phaseKey(phase.id)]}
          selectable={selectable}
          alternatives={alternatives[phase.id]}
          onAlternative={(id) => {
            const next = { ...choice, [phase.id]: id };
            setChoice(next);
            void submit(next);
          }}
        />
      ))}
    </div>
  );
}
