// First: connects the port to the background before the imports below are evaluated (see card-port.ts).
import './early-port';
import { createRoot } from 'react-dom/client';
import '@/components/entity-card.css';
import { CardApp } from './card-app';
import './card.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<CardApp />);
