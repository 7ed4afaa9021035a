import { lazy, Suspense, useEffect } from 'react';
import { Layout, Loading } from './components/Layout';
import { useI18n } from './lib/i18n';
import { match, useLocation, usePageTitle } from './lib/router';
import { EventListPage } from './pages/EventListPage';
import { EventPage } from './pages/EventPage';
import { ConfirmationPage } from './pages/ConfirmationPage';
import { ManagePage } from './pages/ManagePage';

// the organizers' console is its own chunk: participants never load it
const AdminApp = lazy(() => import('./admin/AdminApp').then((m) => ({ default: m.AdminApp })));

function NotFound() {
  const { t } = useI18n();
  usePageTitle(`${t.notFoundTitle} – ${t.appName}`);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.notFoundTitle}</h1>
      <p className="kern-body">{t.notFoundText}</p>
    </>
  );
}

export function App() {
  const route = match(useLocation());
  const { setPageLanguage } = useI18n();
  // pages of no event speak the app's default language; event pages set their event's
  useEffect(() => {
    if (route.name === 'list' || route.name === 'admin' || route.name === 'notFound') {
      setPageLanguage(null);
    }
  }, [route.name, setPageLanguage]);
  let page;
  switch (route.name) {
    case 'list':
      page = <EventListPage />;
      break;
    case 'event':
      page = <EventPage key={route.slug} slug={route.slug} />;
      break;
    case 'confirmed':
      page = <ConfirmationPage key={route.slug} slug={route.slug} />;
      break;
    case 'manage':
      page = <ManagePage token={route.token} />;
      break;
    case 'admin':
      page = (
        <Suspense fallback={<Loading />}>
          <AdminApp eventId={route.eventId} view={route.view} />
        </Suspense>
      );
      break;
    default:
      page = <NotFound />;
  }
  return <Layout>{page}</Layout>;
}
