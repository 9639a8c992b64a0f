import '../shared/styles.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StartApp } from './App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StartApp />
  </StrictMode>,
);
