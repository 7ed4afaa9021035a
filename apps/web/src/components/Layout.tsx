import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { linkHandler } from '../lib/router';

export function Layout({ children }: { children: ReactNode }) {
  const { t, toggle } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="kern-container site-header__inner">
          <a className="site-header__brand kern-link" href="/" onClick={linkHandler('/')}>
            {t.appName}
          </a>
          <button
            type="button"
            className="kern-btn kern-btn--tertiary kern-btn--x-small"
            onClick={toggle}
            aria-label={t.languageSwitchLabel}
            lang={t.languageSwitch === 'English' ? 'en' : 'de'}
          >
            <span className="kern-label">{t.languageSwitch}</span>
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="kern-container site-main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="kern-container">
          <p className="kern-body kern-body--small">{t.footer}</p>
        </div>
      </footer>
    </>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="kern-body" role="status">
      {t.loading}
    </p>
  );
}

export function Alert({
  kind,
  title,
  children,
  role,
}: {
  kind: 'info' | 'success' | 'warning' | 'danger';
  title?: string;
  children?: ReactNode;
  role?: 'alert' | 'status';
}) {
  return (
    <div className={`kern-alert kern-alert--${kind}`} role={role}>
      {title ? (
        <div className="kern-alert__header">
          <span className={`kern-icon kern-icon--${kind}`} aria-hidden="true" />
          <span className="kern-title">{title}</span>
        </div>
      ) : null}
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}
