import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TimelineApp } from './timeline-app';
import './timeline.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <TimelineApp />
    </StrictMode>,
  );
}
