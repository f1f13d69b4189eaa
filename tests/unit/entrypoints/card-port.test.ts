import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { CARD_PORT_NAME, connectEarly } from '@/entrypoints/card/card-port';
import { CARD_FRAME_PORT } from '@/lib/extension/messages';

/**
 * The card page's early port (issue #13). WXT's fake browser has no message
 * ports, so the port is a small stand-in that lets the test deliver what the
 * background would send.
 */
function stubPort() {
  const listeners: ((message: unknown) => void)[] = [];
  const names: string[] = [];
  const port = {
    onMessage: { addListener: (listener: (message: unknown) => void) => listeners.push(listener) },
  } as unknown as Browser.runtime.Port;
  return {
    names,
    connect: (name: string) => {
      names.push(name);
      return port;
    },
    deliver: (message: unknown) => {
      for (const listener of listeners) listener(message);
    },
  };
}

describe('card page port', () => {
  it('connects under the name the background accepts', () => {
    const stub = stubPort();
    connectEarly(stub.connect);
    expect(stub.names).toEqual([CARD_FRAME_PORT]);
    expect(CARD_PORT_NAME).toBe(CARD_FRAME_PORT);
  });

  it('keeps what arrives before the app listens and hands it over in order, then passes the rest on', () => {
    const stub = stubPort();
    const early = connectEarly(stub.connect);
    stub.deliver({ n: 1 });
    stub.deliver({ n: 2 });
    const received: unknown[] = [];
    const stop = early.listen((raw) => received.push(raw));
    expect(received).toEqual([{ n: 1 }, { n: 2 }]);
    stub.deliver({ n: 3 });
    expect(received).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    stop();
    stub.deliver({ n: 4 });
    const later: unknown[] = [];
    early.listen((raw) => later.push(raw));
    // Stopped, the old listener got nothing more; the next one gets what came meanwhile.
    expect(received).toHaveLength(3);
    expect(later).toEqual([{ n: 4 }]);
  });
});
