/**
 * The reader page's address for an article, scrolled to a passage:
 * `reader.html#article=ID&start=N&end=M`. A hash, so nothing reaches a server
 * even in principle, and the page reads it without a reload.
 *
 * @example readerUrl('chrome-extension://id/reader.html', { articleId: 'naqoura-civilian-talks-2025', start: 10, end: 80 })
 */
export function readerUrl(base: string, target: { articleId: string; start?: number; end?: number }): string {
  const params = new URLSearchParams({ article: target.articleId });
  if (target.start !== undefined) params.set('start', String(target.start));
  if (target.end !== undefined) params.set('end', String(target.end));
  return `${base}#${params}`;
}

/**
 * The reader page's full address for an article, from any of our contexts
 * (popup, options, reader, background): the one way our code links to it.
 */
export function readerPageLink(target: { articleId: string; start?: number; end?: number }): string {
  return readerUrl(browser.runtime.getURL('/reader.html'), target);
}

/** Parses {@link readerUrl}'s hash; offsets that are not whole numbers are dropped. */
export function parseReaderHash(hash: string): { articleId?: string; start?: number; end?: number } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const offset = (name: string) => {
    const value = params.get(name);
    return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  return { articleId: params.get('article') ?? undefined, start: offset('start'), end: offset('end') };
}
