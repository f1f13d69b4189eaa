import { browser } from 'wxt/browser';
import { connectEarly, type EarlyPort } from './card-port';

/** This page's one port, connected when main.tsx's first import is evaluated (see card-port.ts). */
export const cardPort: EarlyPort = connectEarly((name) => browser.runtime.connect({ name }));
