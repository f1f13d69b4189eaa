import type { browser } from 'wxt/browser';

/**
 * The card page's port to the background, connected (by early-port.ts) as
 * the page's first module is evaluated: before React, Zod and the card's component are evaluated and
 * before the first render (issue #13: hover to a visible card). The
 * background sends the card the moment the port connects, so it is on its
 * way while the rest of the page starts; what arrives before the app
 * listens is kept and handed over in order.
 *
 * It imports nothing but the browser API: importing the port's name from
 * lib/extension/messages.ts would evaluate Zod and every schema first.
 * tests/unit/entrypoints/card-port.test.ts checks the name is the same.
 */
export const CARD_PORT_NAME = 'card-frame';

type Listener = (raw: unknown) => void;

export interface EarlyPort {
  port: ReturnType<typeof browser.runtime.connect>;
  /** Receives the messages kept so far, then every later one; returns a function that stops it. */
  listen(listener: Listener): () => void;
}

export function connectEarly(connect: (name: string) => EarlyPort['port']): EarlyPort {
  const port = connect(CARD_PORT_NAME);
  const kept: unknown[] = [];
  let current: Listener | undefined;
  port.onMessage.addListener((raw: unknown) => {
    if (current) current(raw);
    else kept.push(raw);
  });
  return {
    port,
    listen(listener) {
      current = listener;
      for (const raw of kept.splice(0)) listener(raw);
      return () => {
        if (current === listener) current = undefined;
      };
    },
  };
}
