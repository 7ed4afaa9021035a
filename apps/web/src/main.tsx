import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './App';
import { client } from './lib/client';
import { I18nProvider } from './lib/i18n';
import './styles/index.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Provider value={client}>
        <I18nProvider>
          <App />
        </I18nProvider>
      </Provider>
    </StrictMode>,
  );
}
