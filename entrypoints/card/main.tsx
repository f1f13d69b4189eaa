import { createRoot } from 'react-dom/client';
import '@/components/entity-card.css';
import { CardApp } from './card-app';
import './card.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<CardApp />);
