import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, NoTokenPage } from './app/App.js';
import { initI18n, storedLang } from './i18n/index.js';
import { pickTransport } from './transport/transport.js';

await initI18n(storedLang(window.localStorage));
const transport = pickTransport();
const root = createRoot(document.getElementById('root')!);
root.render(<StrictMode>{transport.api ? <App api={transport.api} mode={transport.mode} /> : <NoTokenPage />}</StrictMode>);
