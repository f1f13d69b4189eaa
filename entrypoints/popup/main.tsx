import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/entity-card.css';
import { PopupApp } from './popup-app';
import './popup.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PopupApp />
    </StrictMode>,
  );
}
