/**
 * Launches Debian's Firefox ESR with the production Firefox build installed,
 * over WebDriver BiDi (puppeteer-core), for the Firefox end-to-end tests and
 * `npm start -- --firefox` (issue #16). The Chromium suite's fixture server
 * and pages are reused as they are (tests/e2e/news-server.ts).
 *
 * Chromium maps news hosts to the local server with --host-resolver-rules;
 * Firefox has no such switch, so a PAC script sends every request to a tiny
 * CONNECT proxy of ours that tunnels the fixture hosts to the local HTTPS
 * server and refuses everything else. The same proxy records each host that
 * was asked for, which lets a test check that nothing else was contacted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { NEWS_HOSTS, type NewsServer, OTHER_HOST, startNewsServer } from '../e2e/news-server';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The production Firefox build: what AMO reviewers and readers install. */
export const FIREFOX_EXTENSION_DIR = process.env.FIREFOX_EXTENSION_DIR ?? join(repoRoot, '.output', 'firefox-mv2');
/**
 * Fixed internal UUID for our add-on, so tests know its moz-extension://
 * origin (Firefox otherwise picks a random one per profile).
 */
export const EXTENSION_UUID = '6f1d3c2a-9b8e-4d7f-a5c4-3e2b1a0f9d8c';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Firefox from `FIREFOX_PATH`, else Debian's firefox-esr. */
export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(
    (path): path is string => Boolean(path),
  );
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'News Context: Firefox not found. Set FIREFOX_PATH to a Firefox binary, or install it: sudo apt-get install -y firefox-esr',
    );
  }
  return found;
}

function geckoId(): string {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`News Context: no Firefox build in ${FIREFOX_EXTENSION_DIR}. Run \`npm run build:firefox\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return manifest.browser_specific_settings.gecko.id;
}

/** Tunnels CONNECT requests for the fixture hosts to the news server; refuses any other host. */
async function startFixtureProxy(
  newsPort: number,
): Promise<{ port: number; requestedHosts: string[]; server: Server }> {
  const allowed = new Set([...NEWS_HOSTS, OTHER_HOST]);
  const requestedHosts: string[] = [];
  const server = createServer((request, response) => {
    // Plain http:// requests: none of our fixtures use them.
    requestedHosts.push(new URL(request.url ?? '/', 'http://unknown').hostname);
    response.writeHead(403).end();
  });
  server.on('connect', (request, clientSocket, head) => {
    const host = (request.url ?? '').replace(/:\d+$/, '');
    requestedHosts.push(host);
    if (!allowed.has(host)) {
      clientSocket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(newsPort, '127.0.0.1', () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, requestedHosts, server };
}

export interface FirefoxSession {
  browser: Browser;
  newsServer: NewsServer;
  /** `https://www.naharnet.com`, answered by the local fixture server. */
  newsOrigin: string;
  otherOrigin: string;
  /** Every host Firefox asked the proxy for, in order. */
  requestedHosts: string[];
  close(): Promise<void>;
}

/** Firefox with the built extension installed, its network pointed at the fixture server. */
export async function launchFirefoxWithExtension(options: { headless?: boolean } = {}): Promise<FirefoxSession> {
  const id = geckoId();
  const newsServer = await startNewsServer();
  const proxy = await startFixtureProxy(newsServer.port);
  const pac = `function FindProxyForURL(url, host) { return "PROXY 127.0.0.1:${proxy.port}"; }`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: options.headless ?? true,
    // The fixture server's certificate is self-signed.
    acceptInsecureCerts: true,
    // WebDriver BiDi's webExtension.install needs system access in Firefox 140.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(pac)}`,
      'network.proxy.allow_hijacking_localhost': true,
      // No first-run pages, no background traffic of Firefox's own.
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.update.enabled': false,
      'services.settings.server': 'data:,#remote-settings-disabled/v1',
      'browser.safebrowsing.provider.mozilla.updateURL': '',
      'browser.safebrowsing.downloads.remote.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'browser.region.network.url': '',
    },
  });
  try {
    const installedId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installedId !== id) throw new Error(`installed add-on id ${installedId}, expected ${id}`);
  } catch (error) {
    await browser.close();
    proxy.server.close();
    await newsServer.close();
    throw error;
  }
  return {
    browser,
    newsServer,
    newsOrigin: `https://${NEWS_HOSTS[0]}`,
    otherOrigin: `https://${OTHER_HOST}`,
    requestedHosts: proxy.requestedHosts,
    async close() {
      await browser.close();
      proxy.server.closeAllConnections();
      proxy.server.close();
      await newsServer.close();
    },
  };
}

/** A new tab on `url`, collecting the page's uncaught errors. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

/**
 * Sets a page's viewport. puppeteer-core's `setViewport` sends two BiDi
 * commands at once: `browsingContext.setViewport`, which resizes, and
 * `emulation.setScreenOrientationOverride`, which Firefox 140 ESR does not
 * know ("unknown command"). That refusal rejects the call, possibly before
 * the resize has landed, so we tolerate that one error and then wait for the
 * page to have the size asked for; any other error is thrown.
 */
export async function setViewport(page: Page, size: { width: number; height: number }): Promise<void> {
  try {
    await page.setViewport(size);
  } catch (error) {
    if (!String(error).includes('unknown command emulation.setScreenOrientationOverride')) throw error;
  }
  const deadline = Date.now() + 5000;
  for (;;) {
    const actual = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    if (actual.width === size.width && actual.height === size.height) return;
    if (Date.now() > deadline) {
      throw new Error(`viewport is ${actual.width}×${actual.height}, asked for ${size.width}×${size.height}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
