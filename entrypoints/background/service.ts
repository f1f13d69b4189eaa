import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { CorpusCatalog } from '@/lib/corpus/catalog';
import { asyncListener, type MessageSender } from '@/lib/extension/extension-messaging';
import {
  type AnnotatorConfig,
  type BackgroundRequest,
  backgroundRequest,
  type IndexStatus,
} from '@/lib/extension/messages';
import { isDefaultNewsSite } from '@/lib/extension/news-sites';
import { readerPageLink } from '@/lib/extension/reader-page-url';
import { sendToTab } from '@/lib/extension/send-message';
import { mayRequest, senderKind } from '@/lib/extension/sender-policy';
import { importPageDraft } from '@/lib/import/page-import';
import { formatImportProblem } from '@/lib/model/import-problems';
import { siteOf } from '@/lib/model/settings';
import { createSerialQueue } from '@/lib/scheduling/serial-queue';
import { purgeTrash } from '@/lib/storage/article-trash';
import { NewsContextDatabase } from '@/lib/storage/database';
import { importedExcerptsOf } from '@/lib/storage/imported-corpus';
import { importedSearchIndex } from '@/lib/storage/imported-search-index';
import {
  addFeedback,
  readSettings,
  setExtraSite,
  setSitePaused,
  suppressedEntities,
} from '@/lib/storage/settings-store';
import { CARD_UI_SCRIPT } from '../content/card-ui-contract';
import { createCardFrames } from './card-frames';
import { createPageMatching } from './page-matching';
import { syncSiteScripts } from './site-scripts';

/**
 * The background service: holds the corpus (bundled index plus the reader's
 * own data, loaded once per worker life), answers the other contexts, keeps
 * the toolbar badge, and forwards keyboard commands to the active tab.
 */
export function createBackgroundService() {
  const db = new NewsContextDatabase();
  let catalog: Promise<CorpusCatalog> | undefined;

  const loadCatalog = () => {
    if (catalog) return catalog;
    const loading = (async () => {
      const { index } = loadBundledIndex();
      const userEntities = await db.entities.toArray();
      return new CorpusCatalog({ index, userEntities });
    })();
    // A failed load (the database busy upgrading, say) is tried again next time, not kept for the worker's life.
    loading.catch(() => {
      if (catalog === loading) catalog = undefined;
    });
    catalog = loading;
    return loading;
  };

  const pageMatching = createPageMatching(loadCatalog);
  const cardFrames = createCardFrames({
    entityCard,
    addFeedback: async (entityId, verdict, sender) => {
      // The site comes from the browser's view of the frame's tab, not from the page's word.
      await addFeedback(db, entityId, verdict, siteOf(sender.tab?.url ?? ''));
    },
    // The hover card's "Import this page" (issue #15): the frame read the article, the import runs here,
    // where the reader's database is ours to open.
    importPage: async (draft) => {
      const store = { db, index: loadBundledIndex({ check: 'version' }).index, search: importedSearchIndex };
      const outcome = await importPageDraft(store, draft);
      if (outcome.status === 'imported') {
        catalog = undefined;
        cardFrames.refresh();
        await refreshTabs();
        return `Imported “${outcome.imported[0]?.title ?? 'this page'}”.`;
      }
      if (outcome.duplicates.length > 0) return `Already in your corpus: “${outcome.duplicates[0]?.title}”.`;
      const problem = outcome.problems[0];
      return problem ? `Not imported: ${formatImportProblem(problem)}` : 'Nothing to import on this page.';
    },
  });

  // One site-script sync at a time, each reading the settings when its turn comes (issue #14).
  const serially = createSerialQueue();
  const syncSites = () => serially(async () => syncSiteScripts((await readSettings(db)).extraSites));

  browser.runtime.onMessage.addListener(
    asyncListener((message, sender) => {
      // Only our own contexts (our pages and our content scripts carry our extension id), and each only for
      // what it needs: a content script for its own tab (lib/extension/sender-policy.ts, issue #14).
      const request = backgroundRequest.safeParse(message);
      if (!request.success) return undefined;
      const kind = senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
      if (!mayRequest(request.data.type, kind)) return undefined;
      return handle(request.data, sender);
    }),
  );

  async function handle(request: BackgroundRequest, sender: MessageSender): Promise<unknown> {
    switch (request.type) {
      case 'index/status':
        return indexStatus();
      case 'annotator/config':
        return annotatorConfig(sender);
      case 'entity/card':
        return (await entityCard(request.entityId)) ?? null;
      case 'matcher/scan':
        return pageMatching.scan(request.texts, sender);
      case 'matcher/resolve':
        return pageMatching.resolve(request.chunks, request.pageDate, sender);
      case 'card/open':
        return cardFrames.open(request.entityId, request.pinned, sender, request.pageDate);
      case 'card/closed':
        return cardFrames.closed(sender);
      case 'card/ui':
        if (sender.tab?.id === undefined) return false;
        // Into the content script's own world and frame: the page cannot see it, and no file is web-accessible.
        await browser.scripting.executeScript({
          target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] },
          files: [CARD_UI_SCRIPT],
        });
        return true;
      case 'catalog/changed':
        // Only extension pages write the reader's corpus (the sender policy); they tell us after each change.
        catalog = undefined;
        try {
          // A corpus pack may bring opted-in sites with it.
          await syncSites();
        } finally {
          // Every change ends with refreshed tabs and open cards, even when the sync failed.
          cardFrames.refresh();
          await refreshTabs();
        }
        return true;
      case 'annotations/updated':
        if (sender.tab?.id !== undefined) await setBadge(sender.tab.id, request.relevant ? request.entityCount : 0);
        return true;
      case 'feedback/add': {
        // The site comes from the browser's view of the sender, not from the page's word.
        const site = siteOf(sender.tab?.url ?? sender.url ?? '');
        await addFeedback(db, request.entityId, request.verdict, site);
        return true;
      }
      case 'reader/open':
        await browser.tabs.create({
          url: readerPageLink(request),
          index: sender.tab?.index === undefined ? undefined : sender.tab.index + 1,
          openerTabId: sender.tab?.id,
        });
        return true;
      case 'site/state': {
        const settings = await readSettings(db);
        return {
          site: request.site,
          paused: settings.pausedSites.includes(request.site),
          defaultSite: isDefaultNewsSite(request.site),
          extraSite: settings.extraSites.includes(request.site),
        };
      }
      case 'site/pause':
        await setSitePaused(db, request.site, request.paused);
        await refreshTabs(request.site);
        return true;
      case 'site/annotate': {
        // Only extension pages may turn a site on (the sender policy); the reader granted the permission in the popup.
        await setExtraSite(db, request.site, request.enabled);
        await syncSites();
        return true;
      }
    }
  }

  /** A card with excerpts from the bundle and from the reader's imported articles. */
  async function entityCard(entityId: string) {
    return (await loadCatalog()).card(entityId, 3, await importedExcerptsOf(db, entityId));
  }

  async function annotatorConfig(sender: MessageSender): Promise<AnnotatorConfig> {
    const site = siteOf(sender.tab?.url ?? sender.url ?? '');
    const [current, settings, suppressed] = await Promise.all([
      loadCatalog(),
      readSettings(db),
      suppressedEntities(db, site),
    ]);
    return {
      paused: settings.pausedSites.includes(site),
      highlightMode: settings.highlightMode,
      suppressed,
      entities: current.annotationEntities(),
    };
  }

  async function refreshTabs(site?: string): Promise<void> {
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs
        .filter((tab) => tab.id !== undefined && (!site || siteOf(tab.url ?? '') === site))
        .map((tab) => sendToTab(tab.id as number, { type: 'annotator/refresh' })),
    );
  }

  browser.commands?.onCommand.addListener(async (command) => {
    const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
    if (!direction) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await sendToTab(tab.id, { type: 'mention/step', direction });
  });

  // In Firefox the popup closes when the permission prompt opens, so the grant itself finishes "Annotate this site".
  browser.permissions.onAdded?.addListener(async ({ origins = [] }) => {
    for (const origin of origins) {
      const site = /^\*:\/\/(?:\*\.)?([^/*]+)\/\*$/.exec(origin)?.[1];
      if (site && !isDefaultNewsSite(site)) await setExtraSite(db, site.replace(/^www\./, ''), true);
    }
    await syncSites();
  });
  // Registered scripts survive restarts in Chrome but not in every browser: make them match the settings.
  browser.runtime.onStartup?.addListener(async () => {
    // Deleted articles are kept a week (issue #14): past that, their text goes even if the options page never opens.
    await purgeTrash({ db }).catch(() => 0);
    await syncSites();
  });
  browser.runtime.onInstalled.addListener(async () => {
    await navigator.storage?.persist?.().catch(() => false);
    await syncSites();
  });
}

async function setBadge(tabId: number, entityCount: number): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeBackgroundColor({ tabId, color: '#1d3557' }).catch(() => undefined);
  await action.setBadgeText({ tabId, text: entityCount > 0 ? String(entityCount) : '' }).catch(() => undefined);
}

function indexStatus(): IndexStatus {
  try {
    const { index, aliasCount } = loadBundledIndex();
    return {
      ok: true,
      schemaVersion: index.schemaVersion,
      articles: index.articles.length,
      entities: index.entities.length,
      aliases: aliasCount,
    };
  } catch (error) {
    return { ok: false, schemaVersion: 0, articles: 0, entities: 0, aliases: 0, error: String(error) };
  }
}
