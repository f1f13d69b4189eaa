import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A local HTTPS server that plays the part of real news sites. Chromium maps
 * their host names to it (`--host-resolver-rules`), so the production build's
 * content script runs on our fixture pages without test-only permissions.
 * The certificate is a self-signed test certificate (Chromium runs with
 * `--ignore-certificate-errors`).
 */
export const NEWS_HOSTS = ['www.naharnet.com', 'www.timesofisrael.com', 'www.aljazeera.com', 'www.lorientlejour.com'];
/** A host outside the default news-site list: the content script must not run there. */
export const OTHER_HOST = 'www.example-food.com';

const here = fileURLToPath(new URL('.', import.meta.url));
const PAGES_DIR = join(here, '..', 'fixtures', 'pages');
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface NewsServer {
  port: number;
  /** Extra routes for pages generated inside a test. */
  routes: Map<string, string>;
  close(): Promise<void>;
}

export async function startNewsServer(extraRoots: string[] = []): Promise<NewsServer> {
  const routes = new Map<string, string>();
  const roots = [PAGES_DIR, ...extraRoots];
  const server: Server = createServer(
    { key: readFileSync(join(here, 'tls', 'key.pem')), cert: readFileSync(join(here, 'tls', 'cert.pem')) },
    async (request, response) => {
      const url = new URL(request.url ?? '/', 'https://localhost');
      const generated = routes.get(url.pathname);
      if (generated !== undefined) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(generated);
        return;
      }
      const relative = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      for (const root of roots) {
        const path = join(root, relative.endsWith('/') ? `${relative}index.html` : relative);
        if (!path.startsWith(root)) continue;
        try {
          const body = await readFile(path);
          response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
          response.end(body);
          return;
        } catch {
          // try the next root
        }
      }
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
