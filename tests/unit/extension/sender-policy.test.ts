import { describe, expect, it } from 'vitest';
import type { MessageSender } from '@/lib/extension/extension-messaging';
import { type BackgroundRequest, backgroundRequest } from '@/lib/extension/messages';
import { mayRequest, SENDER_POLICY, type SenderKind, senderKind } from '@/lib/extension/sender-policy';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

const SENDERS: Record<string, { sender: MessageSender; kind: SenderKind }> = {
  popup: { sender: { id: ID, url: `${ORIGIN}popup.html` }, kind: 'extension-page' },
  'popup in a tab': {
    sender: { id: ID, url: `${ORIGIN}popup.html?tab=4`, tab: { id: 9, url: `${ORIGIN}popup.html?tab=4` } as never },
    kind: 'extension-page',
  },
  'content script': {
    sender: { id: ID, url: 'https://www.naharnet.com/1', tab: { id: 3, url: 'https://www.naharnet.com/1' } as never },
    kind: 'content-script',
  },
  'another extension': { sender: { id: 'zzzz', url: 'chrome-extension://zzzz/x.html' }, kind: 'other' },
  'no tab, web address': { sender: { id: ID, url: 'https://evil.example/' }, kind: 'other' },
};

/** Every request type, each in a valid shape. */
const REQUESTS: Record<BackgroundRequest['type'], unknown> = {
  'index/status': { type: 'index/status' },
  'annotator/config': { type: 'annotator/config' },
  'entity/card': { type: 'entity/card', entityId: 'hezbollah' },
  'annotations/updated': { type: 'annotations/updated', relevant: true, entityCount: 3 },
  'feedback/add': { type: 'feedback/add', entityId: 'hezbollah', verdict: 'not-this' },
  'reader/open': { type: 'reader/open', articleId: 'seed-1' },
  'site/state': { type: 'site/state', site: 'naharnet.com' },
  'site/pause': { type: 'site/pause', site: 'other.example', paused: true },
  'site/annotate': { type: 'site/annotate', site: 'other.example', enabled: true },
  'catalog/changed': { type: 'catalog/changed' },
  'matcher/scan': { type: 'matcher/scan', texts: ['Hezbollah'] },
  'matcher/resolve': { type: 'matcher/resolve', chunks: [[]] },
  'card/open': { type: 'card/open', entityId: 'hezbollah', pinned: false },
  'card/closed': { type: 'card/closed' },
  'card/ui': { type: 'card/ui' },
};

/** What the product needs, written out by hand: the table test compares the policy with it. */
const EXPECTED: Record<BackgroundRequest['type'], Record<SenderKind, boolean>> = {
  'index/status': { 'extension-page': true, 'content-script': false, other: false },
  'annotator/config': { 'extension-page': true, 'content-script': true, other: false },
  'entity/card': { 'extension-page': true, 'content-script': true, other: false },
  'annotations/updated': { 'extension-page': false, 'content-script': true, other: false },
  'feedback/add': { 'extension-page': false, 'content-script': true, other: false },
  'reader/open': { 'extension-page': true, 'content-script': true, other: false },
  'site/state': { 'extension-page': true, 'content-script': false, other: false },
  'site/pause': { 'extension-page': true, 'content-script': false, other: false },
  'site/annotate': { 'extension-page': true, 'content-script': false, other: false },
  'catalog/changed': { 'extension-page': true, 'content-script': false, other: false },
  'matcher/scan': { 'extension-page': false, 'content-script': true, other: false },
  'matcher/resolve': { 'extension-page': false, 'content-script': true, other: false },
  'card/open': { 'extension-page': false, 'content-script': true, other: false },
  'card/closed': { 'extension-page': false, 'content-script': true, other: false },
  'card/ui': { 'extension-page': false, 'content-script': true, other: false },
};

describe('sender policy', () => {
  it('tells our pages, content scripts and anything else apart', () => {
    for (const [name, { sender, kind }] of Object.entries(SENDERS)) {
      expect(senderKind(sender, ID, ORIGIN), name).toBe(kind);
    }
  });

  it('covers every request type the background accepts', () => {
    const types = backgroundRequest.options.map((option) => option.shape.type.value).sort();
    expect(Object.keys(SENDER_POLICY).sort()).toEqual(types);
    for (const [type, request] of Object.entries(REQUESTS)) {
      expect(backgroundRequest.safeParse(request).success, type).toBe(true);
    }
  });

  it('answers every request type × sender as the table says', () => {
    const rows: string[] = [];
    for (const type of Object.keys(EXPECTED) as BackgroundRequest['type'][]) {
      for (const [name, { sender }] of Object.entries(SENDERS)) {
        const allowed = mayRequest(type, senderKind(sender, ID, ORIGIN));
        const expected = EXPECTED[type][SENDERS[name]?.kind ?? 'other'];
        if (allowed !== expected) rows.push(`${type} from ${name}: ${allowed ? 'allowed' : 'refused'}`);
      }
    }
    expect(rows).toEqual([]);
  });

  it('keeps content scripts away from other sites’ state and settings', () => {
    for (const type of ['site/state', 'site/pause', 'site/annotate', 'catalog/changed', 'index/status'] as const) {
      expect(mayRequest(type, 'content-script'), type).toBe(false);
    }
  });
});
