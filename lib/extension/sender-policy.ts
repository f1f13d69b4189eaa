import type { MessageSender } from './extension-messaging';
import type { BackgroundRequest } from './messages';

/**
 * Who may ask the background for what (issue #14). A content script runs in
 * pages we do not control; if one were ever subverted, it should reach no
 * further than its own tab. So a content script may ask only for what
 * annotating its own tab needs: the matcher, cards, its own badge, the
 * highlight style in its own frame, feedback about its own site (the site is
 * taken from the browser's view of the sender, never from the message), and
 * the reader page next to its own tab. Reading or changing any site's
 * settings, turning sites on and telling the background the corpus changed
 * belong to our own pages (popup, options, reader).
 */
export type SenderKind = 'extension-page' | 'content-script' | 'other';

/** What each request needs the sender to be; anything else is ignored. */
export const SENDER_POLICY: Readonly<Record<BackgroundRequest['type'], readonly SenderKind[]>> = {
  'index/status': ['extension-page'],
  'annotator/config': ['content-script', 'extension-page'],
  'entity/card': ['content-script', 'extension-page'],
  'annotations/updated': ['content-script'],
  'feedback/add': ['content-script'],
  'reader/open': ['content-script', 'extension-page'],
  'site/state': ['extension-page'],
  'site/pause': ['extension-page'],
  'site/annotate': ['extension-page'],
  'catalog/changed': ['extension-page'],
  // Matching and the card frame serve the sender's own tab (issue #13).
  'matcher/scan': ['content-script'],
  'matcher/resolve': ['content-script'],
  'card/open': ['content-script'],
  'card/closed': ['content-script'],
  'card/ui': ['content-script'],
};

/**
 * What a sender is. Our pages have our origin (in a tab or not); a content
 * script has a tab and the web page's address; anything else (another
 * extension, a sender without a tab) is `other`.
 *
 * @example senderKind({ id, url: 'chrome-extension://abc/popup.html' }, 'abc', 'chrome-extension://abc/')
 */
export function senderKind(sender: MessageSender, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'other';
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab?.id !== undefined && /^https?:/.test(sender.tab.url ?? sender.url ?? '')) return 'content-script';
  return 'other';
}

/** True when a sender of this kind may make this request. */
export function mayRequest(type: BackgroundRequest['type'], kind: SenderKind): boolean {
  return SENDER_POLICY[type].includes(kind);
}
