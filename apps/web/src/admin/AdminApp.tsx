import { useState, type FormEvent } from 'react';
import { Provider, useMutation } from 'urql';
import { Alert } from '../components/Layout';
import { ErrorSummary, TextField, type FieldErrors } from '../components/FormParts';
import { useI18n } from '../lib/i18n';
import { linkHandler, navigate, usePageTitle } from '../lib/router';
import { AdminLogin } from './operations';
import { adminClient, endSession, startSession, useSession } from './session';
import { EventsOverview } from './EventsOverview';
import { EventDesk } from './EventDesk';
import { EventEditor } from './EventEditor';
import { AccountPage } from './AccountPage';
import { ADMIN_ACCOUNT_PATH } from './paths';
import type { AdminView } from '../lib/router';

/** `/admin` and `/admin/e/{id}`: the organizers' console, behind its own login. */
export function AdminApp({ eventId, view }: { eventId: string | null; view: AdminView }) {
  const { session, ended } = useSession();
  // An expired session keeps the open page mounted (hidden) under the login, so that
  // nothing typed there is lost; signing in again shows it as it was.
  const keepPage = session !== null || ended === 'expired';
  return (
    <Provider value={adminClient}>
      {session ? <SessionBar name={session.organizer.name} /> : <LoginPage />}
      {keepPage ? (
        <div hidden={session === null}>
          {view === 'account' ? (
            <AccountPage />
          ) : eventId && view === 'edit' ? (
            <EventEditor key={eventId} eventId={eventId} />
          ) : eventId ? (
            <EventDesk key={eventId} eventId={eventId} />
          ) : (
            <EventsOverview />
          )}
        </div>
      ) : null}
    </Provider>
  );
}

function SessionBar({ name }: { name: string }) {
  const { t } = useI18n();
  return (
    <nav className="admin-bar" aria-label={t.admin.navigation}>
      <a className="kern-link" href="/admin" onClick={linkHandler('/admin')}>
        {t.admin.overviewLink}
      </a>
      <a className="kern-link" href={ADMIN_ACCOUNT_PATH} onClick={linkHandler(ADMIN_ACCOUNT_PATH)}>
        {t.accounts.link}
      </a>
      <span className="kern-body kern-body--small">{t.admin.signedInAs(name)}</span>
      <button
        type="button"
        className="kern-btn kern-btn--secondary kern-btn--small"
        onClick={() => {
          endSession('loggedOut');
          navigate('/admin');
        }}
      >
        <span className="kern-label">{t.admin.logout}</span>
      </button>
    </nav>
  );
}

function LoginPage() {
  const { t } = useI18n();
  const { ended } = useSession();
  usePageTitle(`${t.admin.loginTitle} – ${t.appName}`);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submits, setSubmits] = useState(0);
  const [result, login] = useMutation(AdminLogin);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmits((n) => n + 1);
    const missing: FieldErrors = {};
    if (email.trim() === '') missing.email = t.admin.emailMissing;
    if (password === '') missing.password = t.admin.passwordMissing;
    if (Object.keys(missing).length > 0) return setErrors(missing);
    const answer = await login({ email: email.trim(), password });
    const data = answer.data?.login;
    if (data?.__typename === 'LoginSuccess') {
      setErrors({});
      startSession({ accessToken: data.accessToken, organizer: data.organizer });
      return;
    }
    setErrors({
      password:
        data?.__typename === 'InvalidCredentialsError'
          ? t.admin.invalidCredentials
          : answer.error?.graphQLErrors.some((e) => e.extensions?.code === 'TOO_MANY_REQUESTS')
            ? t.admin.tooManyAttempts
            : t.loadError,
    });
  };

  const summary = (['email', 'password'] as const)
    .filter((key) => errors[key])
    .map((key) => ({ key, message: errors[key] }));
  return (
    <>
      <h1 className="kern-heading-x-large">{t.admin.loginTitle}</h1>
      {ended === 'expired' ? (
        <Alert kind="warning" role="alert" title={t.admin.expiredTitle}>
          <p className="kern-body">{t.admin.expiredText}</p>
        </Alert>
      ) : null}
      {ended === 'loggedOut' ? <Alert kind="info" role="status" title={t.admin.loggedOut} /> : null}
      <p className="kern-body">{t.admin.loginIntro}</p>
      <ErrorSummary
        errors={summary}
        targets={{ email: 'admin-email', password: 'admin-password' }}
        focusKey={submits}
      />
      <form className="admin-login" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="admin-email"
          label={t.admin.email}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
          error={errors.email}
        />
        <TextField
          id="admin-password"
          label={t.admin.password}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={result.fetching}>
          <span className="kern-label">{t.admin.loginButton}</span>
        </button>
      </form>
    </>
  );
}
