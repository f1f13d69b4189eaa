import { existsSync } from 'node:fs';

/**
 * Chromium comes from `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`.
 * Playwright's own browser download does not work on our machines.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (path): path is string => Boolean(path),
  );
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'News Context: Chromium not found. Set CHROMIUM_PATH to a Chromium binary, or install it: sudo apt-get install -y chromium',
    );
  }
  return found;
}
