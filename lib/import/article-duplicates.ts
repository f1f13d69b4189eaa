import type { CorpusIndex } from '../model/index-schema';
import type { NewsContextDatabase } from '../storage/database';
import { textHashOf, urlKeyOf } from '../text/article-fingerprint';

/**
 * The importer's one duplicate check (issue #10: it was written three times,
 * for the bundled corpus and the batch, for the database at preview time, and
 * for the database again inside the commit's transaction).
 *
 * Two articles are the same when their texts hash alike (case, accents and
 * punctuation set aside) or, failing that, when their URLs agree once
 * tracking noise is removed. Same text wins over same URL as the reason given,
 * so the preview says the strongest thing it knows.
 */

export interface Duplicate {
  reason: 'url' | 'text';
  /** Title of the article it duplicates. */
  of: string;
  where: 'bundled corpus' | 'your imported articles' | 'this import';
}

/** What identifies an article for the check; `urlKey` is empty when it has no URL. */
export interface Fingerprint {
  textHash: string;
  urlKey: string;
}

/** Articles already seen in one place (the bundled corpus, the database, this import), by text and by URL. */
export class SeenArticles {
  private readonly titleByHash = new Map<string, string>();
  private readonly titleByUrl = new Map<string, string>();

  constructor(readonly where: Duplicate['where']) {}

  /** Either key may be empty: a stored article found by its URL alone is remembered by its URL alone. */
  add(fingerprint: Fingerprint, title: string): void {
    if (fingerprint.textHash) this.titleByHash.set(fingerprint.textHash, title);
    if (fingerprint.urlKey) this.titleByUrl.set(fingerprint.urlKey, title);
  }

  /** The duplicate this article would be here, or undefined. */
  find(fingerprint: Fingerprint): Duplicate | undefined {
    const sameText = this.titleByHash.get(fingerprint.textHash);
    if (sameText !== undefined) return { reason: 'text', of: sameText, where: this.where };
    const sameUrl = fingerprint.urlKey ? this.titleByUrl.get(fingerprint.urlKey) : undefined;
    if (sameUrl !== undefined) return { reason: 'url', of: sameUrl, where: this.where };
    return undefined;
  }
}

/** Hashes of the bundled articles, computed once per loaded index. */
const bundledSeen = new WeakMap<CorpusIndex, Promise<SeenArticles>>();

/** The bundled corpus as seen articles (hashed once per loaded index). */
export function bundledArticles(index: CorpusIndex): Promise<SeenArticles> {
  let seen = bundledSeen.get(index);
  if (!seen) {
    seen = (async () => {
      const bundled = new SeenArticles('bundled corpus');
      for (const article of index.articles) {
        bundled.add(
          { textHash: await textHashOf(article.text), urlKey: article.url ? urlKeyOf(article.url) : '' },
          article.title,
        );
      }
      return bundled;
    })();
    bundledSeen.set(index, seen);
  }
  return seen;
}

/**
 * The stored articles that share a text or a URL with any of these: one
 * query per index for the whole batch, whatever its size.
 */
export async function storedArticlesLike(
  db: NewsContextDatabase,
  fingerprints: readonly Fingerprint[],
): Promise<SeenArticles> {
  const hashes = fingerprints.map((fingerprint) => fingerprint.textHash);
  const urlKeys = fingerprints.map((fingerprint) => fingerprint.urlKey).filter(Boolean);
  const [sameText, sameUrl] = await Promise.all([
    hashes.length ? db.articles.where('textHash').anyOf(hashes).toArray() : Promise.resolve([]),
    urlKeys.length ? db.articles.where('urlKey').anyOf(urlKeys).toArray() : Promise.resolve([]),
  ]);
  const stored = new SeenArticles('your imported articles');
  for (const article of sameText) stored.add({ textHash: article.textHash, urlKey: '' }, article.title);
  for (const article of sameUrl) stored.add({ textHash: '', urlKey: article.urlKey }, article.title);
  return stored;
}
