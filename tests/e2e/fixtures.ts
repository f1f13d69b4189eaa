import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { findChromium } from './chromium-path';
import { NEWS_HOSTS, type NewsServer, OTHER_HOST, startNewsServer } from './news-server';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The production build: e2e tests run what readers install. */
export const EXTENSION_DIR = process.env.EXTENSION_DIR ?? join(repoRoot, '.output', 'chrome-mv3');

export interface ExtensionFixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** `https://www.naharnet.com` and friends, answered by the local fixture server. */
  newsOrigin: string;
  otherOrigin: string;
}

export async function launchWithExtension(port: number, options: { headless?: boolean } = {}): Promise<BrowserContext> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`News Context: no build in ${EXTENSION_DIR}. Run \`npm run build\` first.`);
  }
  return chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...browserArgs(port)],
  });
}

/** The same browser without the extension: the baseline a page is compared against. */
export async function launchBaseline(
  port: number,
  contextOptions: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: browserArgs(port) });
  const context = await browser.newContext(contextOptions);
  context.on('close', () => void browser.close());
  return context;
}

function browserArgs(port: number): string[] {
  // Our news hosts go to the local server; every other host fails at once
  // (no network here, and a test must never depend on it).
  const hostRules = [...[...NEWS_HOSTS, OTHER_HOST].map((host) => `MAP ${host} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'];
  return [
    `--host-resolver-rules=${hostRules.join(',')}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

export const test = base.extend<ExtensionFixtures, { newsServer: NewsServer }>({
  newsServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const server = await startNewsServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ newsServer }, use) => {
    const context = await launchWithExtension(newsServer.port);
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  newsOrigin: async ({ newsServer }, use) => {
    await use(`https://${NEWS_HOSTS[0]}`);
    void newsServer;
  },
  otherOrigin: async ({ newsServer }, use) => {
    await use(`https://${OTHER_HOST}`);
    void newsServer;
  },
});

export const expect = test.expect;

interface ChromeRuntimeGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: {
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
      query(query: object): Promise<{ id?: number; url?: string }[]>;
    };
  };
}

/** Sends a runtime message from an extension page (popup, options, reader), as our UI does. */
export function sendRuntimeMessage<T>(extensionPage: Page, message: unknown): Promise<T> {
  return extensionPage.evaluate(
    (payload) => (globalThis as unknown as ChromeRuntimeGlobal).chrome.runtime.sendMessage(payload),
    message,
  ) as Promise<T>;
}

/** Sends a message to the content script of the tab showing `url`, from an extension page. */
export function sendTabMessage<T>(extensionPage: Page, url: string, message: unknown): Promise<T> {
  return extensionPage.evaluate(
    async ({ url, payload }) => {
      const { chrome } = globalThis as unknown as ChromeRuntimeGlobal;
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((candidate) => candidate.url === url);
      if (tab?.id === undefined) throw new Error(`no tab shows ${url}`);
      return chrome.tabs.sendMessage(tab.id, payload);
    },
    { url, payload: message },
  ) as Promise<T>;
}
