import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert } from '../components/Layout';
import { useI18n } from '../lib/i18n';
import { AdminMoveRegistration } from './operations';

/** A workshop as the desk offers it for a move. */
export interface DeskWorkshop {
  id: string;
  number: number;
  title: string;
  capacity: number;
  seatsTaken: number;
  phase: string;
}

/**
 * Moving a participant is a two-step action: the first button opens the choice of
 * workshop, the second moves (the server refuses a full workshop; nothing changes then).
 */
export function MoveButton({
  registration,
  workshops,
  onChanged,
}: {
  registration: {
    id: string;
    firstName: string;
    lastName: string;
    workshops: { id: string }[];
  };
  workshops: DeskWorkshop[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [state, move] = useMutation(AdminMoveRegistration);
  const name = `${registration.firstName} ${registration.lastName}`;
  const held = new Set(registration.workshops.map((w) => w.id));
  const options = workshops.filter((w) => !held.has(w.id));
  if (options.length === 0) return null;
  if (!asking) {
    return (
      <button
        type="button"
        className="kern-btn kern-btn--tertiary kern-btn--small"
        aria-label={t.admin.moveLabel(name)}
        onClick={() => {
          setTarget(options[0].id);
          setProblem(null);
          setAsking(true);
        }}
      >
        <span className="kern-label">{t.admin.move}</span>
      </button>
    );
  }
  const selectId = `move-${registration.id}`;
  return (
    <div role="group" aria-label={t.admin.moveQuestion(name)} className="admin-confirm">
      {problem ? <Alert kind="danger" role="alert" title={problem} /> : null}
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={selectId}>
          {t.admin.moveTarget}
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            id={selectId}
            className="kern-form-input__select"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            {options.map((w) => (
              <option key={w.id} value={w.id}>
                {t.admin.moveWorkshopOption(
                  w.number,
                  w.title,
                  Math.max(w.capacity - w.seatsTaken, 0),
                )}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button
        type="button"
        className="kern-btn kern-btn--primary kern-btn--small"
        disabled={state.fetching}
        onClick={() =>
          void move({ id: registration.id, workshopId: target }).then((result) => {
            const answer = result.data?.moveRegistration;
            if (result.error || !answer) return;
            if (answer.__typename !== 'Registration') {
              setProblem('message' in answer ? answer.message : t.loadError);
              return;
            }
            setAsking(false);
            onChanged();
          })
        }
      >
        <span className="kern-label">{t.admin.moveConfirm}</span>
      </button>
      <button
        type="button"
        className="kern-btn kern-btn--secondary kern-btn--small"
        onClick={() => setAsking(false)}
      >
        <span className="kern-label">{t.admin.moveKeep}</span>
      </button>
    </div>
  );
}
