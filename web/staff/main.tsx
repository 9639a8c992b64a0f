import '../shared/styles.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StaffApp } from './App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StaffApp />
  </StrictMode>,
);
