import type { CardFrameMessage } from '@/lib/extension/messages';
import { draftFromHtml } from '@/lib/import/import-sources';

/**
 * The card's "Import this page" (issue #15), its middle step. The background read the tab's page
 * after the reader's trusted click and sent it here; this frame has a DOM, so it parses the page
 * into an inert document (its scripts never run) and reads the article with Readability, as the
 * popup's "Import this page" does. The background then imports the draft: a frame inside a news
 * page cannot open the reader's database. Loaded only on that click, so the card opens as fast
 * as before.
 */
export function pageDraftMessage(
  html: string,
  pageUrl: string,
): Extract<CardFrameMessage, { type: 'frame/import-draft' }> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const draft = draftFromHtml(doc, 'This page', 'page', pageUrl);
  const published = typeof draft.published === 'string' ? draft.published : undefined;
  return {
    type: 'frame/import-draft',
    text: draft.text,
    ...(draft.title ? { title: draft.title } : {}),
    ...(draft.outlet ? { outlet: draft.outlet } : {}),
    ...(draft.byline ? { byline: draft.byline } : {}),
    ...(draft.language ? { language: draft.language } : {}),
    ...(published ? { published } : {}),
  };
}
