import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n';

/** One error per field id; the summary lists them in the order of `order`. */
export type FieldErrors = Record<string, string>;

export function errorId(id: string): string {
  return `${id}-error`;
}

/** GOV.UK error summary: on top, focused when it appears, each entry links to its field. */
export function ErrorSummary({
  errors,
  targets,
  focusKey,
  id = 'error-summary',
}: {
  errors: Array<{ key: string; message: string }>;
  /** field key → id of the element the entry links to */
  targets: Record<string, string | undefined>;
  /** changes on every submit, so the summary takes focus again */
  focusKey: number;
  /** id prefix, unique per page when a page has two forms */
  id?: string;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
    // focus once per submit, not on every edit
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      className="kern-alert kern-alert--danger error-summary"
      role="alert"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
    >
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 id={`${id}-title`} className="kern-title">
          {t.form.errorSummaryTitle}
        </h2>
      </div>
      <div className="kern-alert__body">
        <ul className="kern-list error-summary__list">
          {errors.map(({ key, message }) => {
            const target = targets[key];
            return (
              <li key={key}>
                {target ? (
                  <a
                    className="kern-link"
                    href={`#${target}`}
                    onClick={(e) => {
                      e.preventDefault();
                      const el = document.getElementById(target);
                      el?.focus();
                      el?.scrollIntoView({ block: 'center' });
                    }}
                  >
                    {message}
                  </a>
                ) : (
                  message
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

export function InlineError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="kern-error" id={errorId(id)}>
      <span className="kern-icon kern-icon--danger" aria-hidden="true" />
      <span>{message}</span>
    </p>
  );
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  required,
  type = 'text',
  autoComplete,
  multiline,
  disabled,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  type?: 'text' | 'email' | 'password' | 'date' | 'time';
  autoComplete?: string;
  multiline?: boolean;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const describedBy = [hint ? `${id}-hint` : null, error ? errorId(id) : null]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: id,
    value,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-required': required ? true : undefined,
    disabled,
  };
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}{' '}
        <span className="kern-label__optional">{required ? t.form.required : t.form.optional}</span>
      </label>
      {hint ? (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <InlineError id={id} message={error} />
      {multiline ? (
        <textarea
          {...common}
          className={`kern-form-input__input textarea${error ? ' kern-form-input__input--error' : ''}`}
          rows={3}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
          type={type}
          autoComplete={autoComplete}
          spellCheck={type === 'email' ? false : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {children}
    </div>
  );
}

export function Checkbox({
  id,
  label,
  checked,
  onChange,
  error,
  disabled,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
  disabled?: boolean;
}) {
  return (
    <div className={`kern-form-check${error ? ' kern-form-check--error' : ''}`}>
      <input
        className={`kern-form-check__checkbox${error ? ' kern-form-check__checkbox--error' : ''}`}
        type="checkbox"
        id={id}
        name={id}
        checked={checked}
        disabled={disabled}
        aria-describedby={error ? errorId(id) : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <InlineError id={id} message={error} />
    </div>
  );
}
