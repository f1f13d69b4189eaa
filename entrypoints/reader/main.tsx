import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/entity-card.css';
import { ReaderApp } from './reader-app';
import './reader.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ReaderApp />
    </StrictMode>,
  );
}
