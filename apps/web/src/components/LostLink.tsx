import { useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { RequestManageLinkMutation } from '../graphql/operations';
import { useI18n } from '../lib/i18n';
import { ErrorSummary, TextField } from './FormParts';
import { Alert } from './Layout';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What became of a request for a fresh manage link. */
export type LinkRequest =
  | { kind: 'idle' }
  | { kind: 'sent' }
  | { kind: 'invalid'; message: string }
  | { kind: 'rateLimited'; minutes: number }
  | { kind: 'failed'; network: boolean };

/** The API refuses too many requests with a GraphQL error RATE_LIMITED (HTTP 429). */
function retryMinutes(error: CombinedError | undefined): number | null {
  const limited = error?.graphQLErrors.find((e) => e.extensions.code === 'RATE_LIMITED');
  if (!limited) return null;
  const seconds = Number(limited.extensions.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 60;
}

/**
 * `requestManageLink` for one event: the answer is the same whether or not the address
 * is registered, so the page can only say "if it is registered, a mail is on its way".
 */
export function useRequestManageLink(eventId: string) {
  const [{ fetching }, request] = useMutation(RequestManageLinkMutation);
  const [state, setState] = useState<LinkRequest>({ kind: 'idle' });
  const send = async (email: string): Promise<LinkRequest> => {
    const result = await request({ input: { eventId, email: email.trim() } });
    const answer = result.data?.requestManageLink;
    const minutes = retryMinutes(result.error);
    const next: LinkRequest =
      answer?.__typename === 'ManageLinkRequested'
        ? { kind: 'sent' }
        : answer?.__typename === 'InputInvalidError'
          ? { kind: 'invalid', message: answer.message }
          : minutes !== null
            ? { kind: 'rateLimited', minutes }
            : { kind: 'failed', network: Boolean(result.error?.networkError) };
    setState(next);
    return next;
  };
  return { state, send, fetching, reset: () => setState({ kind: 'idle' }) };
}

/** The outcome of a link request that is not a field error: sent, refused for now, failed. */
export function LinkRequestOutcome({ state }: { state: LinkRequest }) {
  const { t } = useI18n();
  return (
    <div role="status" className="link-request-outcome">
      {state.kind === 'sent' ? (
        <Alert kind="success" title={t.lostLink.sentTitle}>
          <p className="kern-body">{t.lostLink.sent}</p>
        </Alert>
      ) : null}
      {state.kind === 'rateLimited' ? (
        <Alert kind="danger" title={t.lostLink.rateLimitedTitle}>
          <p className="kern-body">{t.lostLink.rateLimited(state.minutes)}</p>
        </Alert>
      ) : null}
      {state.kind === 'failed' ? (
        <Alert
          kind="danger"
          title={state.network ? t.form.errors.network : t.form.errors.unknown}
        />
      ) : null}
    </div>
  );
}

/** "Link verloren?" on the event page: an address in, a fresh link by mail out. */
export function LostLinkSection({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const { state, send, fetching } = useRequestManageLink(eventId);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (fetching) return;
    setSubmits((n) => n + 1);
    if (!EMAIL.test(email.trim())) {
      setError(t.lostLink.error);
      return;
    }
    setError(null);
    const result = await send(email);
    if (result.kind === 'invalid') {
      setError(result.message);
      setSubmits((n) => n + 1);
    }
  };

  return (
    <section aria-labelledby="lost-link-heading" className="section" id="link-verloren">
      <h2 id="lost-link-heading" className="kern-heading-medium">
        {t.lostLink.title}
      </h2>
      <p className="kern-body">{t.lostLink.intro}</p>
      <form
        noValidate
        className="registration-form lost-link-form"
        aria-labelledby="lost-link-heading"
        onSubmit={(e) => void onSubmit(e)}
      >
        <ErrorSummary
          id="lost-link-summary"
          errors={error ? [{ key: 'lostLinkEmail', message: error }] : []}
          targets={{ lostLinkEmail: 'lostLinkEmail' }}
          focusKey={submits}
        />
        <TextField
          id="lostLinkEmail"
          label={t.lostLink.email}
          value={email}
          onChange={setEmail}
          error={error ?? undefined}
          required
          type="email"
          autoComplete="email"
        />
        <LinkRequestOutcome state={state} />
        <div className="form-actions">
          <button type="submit" className="kern-btn kern-btn--secondary" aria-disabled={fetching}>
            <span className="kern-label">{fetching ? t.form.sending : t.lostLink.submit}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

/** Under the e-mail field when the API says the address is registered already. */
export function AlreadyRegisteredHelp({ eventId, email }: { eventId: string; email: string }) {
  const { t } = useI18n();
  const { state, send, fetching } = useRequestManageLink(eventId);
  return (
    <div className="already-registered">
      <p className="kern-body">{t.form.errors.alreadyRegisteredHelp}</p>
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        aria-disabled={fetching}
        onClick={() => {
          if (!fetching) void send(email);
        }}
      >
        <span className="kern-label">{t.form.errors.alreadyRegisteredResend}</span>
      </button>
      <LinkRequestOutcome state={state} />
    </div>
  );
}
