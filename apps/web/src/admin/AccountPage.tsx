import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, Loading } from '../components/Layout';
import { Checkbox, ErrorSummary, TextField, type FieldErrors } from '../components/FormParts';
import { useI18n } from '../lib/i18n';
import { usePageTitle } from '../lib/router';
import { DataTable } from './DataTable';
import {
  AdminChangePassword,
  AdminCreateOrganizer,
  AdminDeactivateOrganizer,
  AdminOrganizers,
  AdminReactivateOrganizer,
} from './event-operations';
import { useSession } from './session';

/** `/admin/konto`: one's own password; admins also list, add and deactivate organizers. */
export function AccountPage() {
  const { t } = useI18n();
  const { session } = useSession();
  usePageTitle(`${t.accounts.title} – ${t.admin.consoleName}`);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.accounts.title}</h1>
      {session ? (
        <p className="kern-body">
          {t.accounts.you(session.organizer.name, session.organizer.email)}
        </p>
      ) : null}
      <ChangePassword />
      {session?.organizer.isAdmin ? <Organizers ownId={session.organizer.id} /> : null}
    </>
  );
}

function ChangePassword() {
  const { t } = useI18n();
  const m = t.accounts;
  const [, change] = useMutation(AdminChangePassword);
  const empty = { current: '', next: '', repeat: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submits, setSubmits] = useState(0);
  const [done, setDone] = useState(false);
  const set = (key: keyof typeof empty) => (value: string) => {
    setDone(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmits((n) => n + 1);
    const missing: FieldErrors = {};
    if (form.current === '') missing.current = t.admin.passwordMissing;
    if ([...form.next].length < 10) missing.next = m.tooShort;
    else if (form.repeat !== form.next) missing.repeat = m.mismatch;
    if (Object.keys(missing).length > 0) return setErrors(missing);
    const result = await change({ currentPassword: form.current, newPassword: form.next });
    if (result.error) {
      const first = result.error.graphQLErrors[0];
      const field = first?.extensions?.field;
      const key = Array.isArray(field) && field[0] === 'currentPassword' ? 'current' : 'next';
      return setErrors({
        [key]: key === 'current' ? m.currentWrong : (first?.message ?? t.loadError),
      });
    }
    setErrors({});
    setForm(empty);
    setDone(true);
  };
  const order = ['current', 'next', 'repeat'];
  return (
    <form
      className="admin-form"
      aria-labelledby="password-title"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="password-title" className="kern-heading-medium">
        {m.passwordTitle}
      </h2>
      <ErrorSummary
        id="password-errors"
        errors={order.filter((k) => errors[k]).map((key) => ({ key, message: errors[key] }))}
        targets={{ current: 'password-current', next: 'password-new', repeat: 'password-repeat' }}
        focusKey={submits}
      />
      <TextField
        id="password-current"
        type="password"
        autoComplete="current-password"
        label={m.current}
        required
        value={form.current}
        onChange={set('current')}
        error={errors.current}
      />
      <TextField
        id="password-new"
        type="password"
        autoComplete="new-password"
        label={m.next}
        hint={m.nextHint}
        required
        value={form.next}
        onChange={set('next')}
        error={errors.next}
      />
      <TextField
        id="password-repeat"
        type="password"
        autoComplete="new-password"
        label={m.repeat}
        required
        value={form.repeat}
        onChange={set('repeat')}
        error={errors.repeat}
      />
      {done ? <Alert kind="success" role="status" title={m.changed} /> : null}
      <button type="submit" className="kern-btn kern-btn--primary">
        <span className="kern-label">{m.changeButton}</span>
      </button>
    </form>
  );
}

function Organizers({ ownId }: { ownId: string }) {
  const { t } = useI18n();
  const m = t.accounts;
  const [{ data, fetching }, refetch] = useQuery({ query: AdminOrganizers });
  const [, deactivate] = useMutation(AdminDeactivateOrganizer);
  const [, reactivate] = useMutation(AdminReactivateOrganizer);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const organizers = data?.organizers ?? [];
  return (
    <section aria-labelledby="organizers-title" className="admin-section">
      <h2 id="organizers-title" className="kern-heading-medium">
        {m.organizersTitle}
      </h2>
      {fetching && !data ? <Loading /> : null}
      {problem ? <Alert kind="danger" role="alert" title={problem} /> : null}
      {notice ? <Alert kind="success" role="status" title={notice} /> : null}
      {organizers.length > 0 ? (
        <DataTable caption={m.organizersCaption}>
          <thead>
            <tr>
              <th scope="col">{t.admin.colName}</th>
              <th scope="col">{t.admin.colEmail}</th>
              <th scope="col">{m.colRole}</th>
              <th scope="col">{t.admin.colStatus}</th>
              <th scope="col">{t.admin.colActions}</th>
            </tr>
          </thead>
          <tbody>
            {organizers.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td>{o.email}</td>
                <td>{o.isAdmin ? m.admin : m.organizer}</td>
                <td>{o.deactivatedAt ? m.deactivated : m.active}</td>
                <td>
                  {o.id === ownId ? (
                    m.yourAccount
                  ) : (
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary kern-btn--small"
                      onClick={() => {
                        const run = o.deactivatedAt ? reactivate : deactivate;
                        void run({ id: o.id }).then((result) => {
                          if (result.error) {
                            setNotice(null);
                            return setProblem(
                              result.error.graphQLErrors[0]?.message ?? t.loadError,
                            );
                          }
                          setProblem(null);
                          setNotice(
                            o.deactivatedAt ? m.reactivated(o.name) : m.deactivatedNotice(o.name),
                          );
                          reload();
                        });
                      }}
                    >
                      <span className="kern-label">
                        {o.deactivatedAt ? m.reactivate(o.name) : m.deactivate(o.name)}
                      </span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <NewOrganizer onCreated={reload} />
    </section>
  );
}

function NewOrganizer({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const m = t.accounts;
  const [, create] = useMutation(AdminCreateOrganizer);
  const empty = { name: '', email: '', password: '' };
  const [form, setForm] = useState(empty);
  const [isAdmin, setIsAdmin] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submits, setSubmits] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const set = (key: keyof typeof empty) => (value: string) => {
    setCreated(null);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmits((n) => n + 1);
    const missing: FieldErrors = {};
    if (form.name.trim() === '') missing.name = m.nameMissing;
    if (!/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) missing.email = t.admin.emailMissing;
    if ([...form.password].length < 10) missing.password = m.tooShort;
    if (Object.keys(missing).length > 0) return setErrors(missing);
    const result = await create({
      name: form.name.trim(),
      email: form.email.trim(),
      password: form.password,
      isAdmin,
    });
    if (result.error) {
      const first = result.error.graphQLErrors[0];
      const field = first?.extensions?.field;
      const key = Array.isArray(field) ? String(field[0]) : 'name';
      return setErrors({ [key]: first?.message ?? t.loadError });
    }
    setErrors({});
    setCreated(form.name.trim());
    setForm(empty);
    setIsAdmin(false);
    onCreated();
  };
  const order = ['name', 'email', 'password'];
  return (
    <form
      className="admin-form"
      aria-labelledby="new-organizer-title"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="new-organizer-title" className="kern-heading-small">
        {m.newTitle}
      </h3>
      <ErrorSummary
        id="new-organizer-errors"
        errors={order.filter((k) => errors[k]).map((key) => ({ key, message: errors[key] }))}
        targets={{
          name: 'organizer-name',
          email: 'organizer-email',
          password: 'organizer-password',
        }}
        focusKey={submits}
      />
      <TextField
        id="organizer-name"
        label={t.admin.colName}
        required
        value={form.name}
        onChange={set('name')}
        error={errors.name}
      />
      <TextField
        id="organizer-email"
        type="email"
        autoComplete="off"
        label={t.admin.email}
        required
        value={form.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField
        id="organizer-password"
        type="password"
        autoComplete="new-password"
        label={m.initialPassword}
        hint={m.nextHint}
        required
        value={form.password}
        onChange={set('password')}
        error={errors.password}
      />
      <Checkbox id="organizer-admin" label={m.makeAdmin} checked={isAdmin} onChange={setIsAdmin} />
      {created ? <Alert kind="success" role="status" title={m.created(created)} /> : null}
      <button type="submit" className="kern-btn kern-btn--secondary">
        <span className="kern-label">{m.createButton}</span>
      </button>
    </form>
  );
}
