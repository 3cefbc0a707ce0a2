// Dev only (an empty module in a build): the HMR preamble the React plugin would
// otherwise inject as an inline <script>, which our CSP (script-src 'self') blocks.
import '@vitejs/plugin-react/preamble';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeTokenFromUrl } from './api';
import { App } from './app/App';

// Before anything renders or fetches: keep the browser-mode token, hide it from the URL.
takeTokenFromUrl();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
