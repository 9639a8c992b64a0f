import '../shared/styles.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalApp } from './App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);
