/**
 * What makes two articles "the same" for the importer (issue #5): the same
 * URL once tracking noise is removed, or the same text once case, accents,
 * punctuation and spacing are set aside. Duplicates are reported and
 * skipped, never stored twice.
 */

/** Query parameters that say how a reader arrived, not which article it is. */
const TRACKING_PARAMETER = /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|ocid|cmpid|smid)$/i;

/**
 * The form of a URL used to spot duplicates: no fragment, no tracking
 * parameters, host without `www.`, no trailing slash, `http` and `https` alike.
 * Empty for anything that is not an http(s) URL.
 *
 * @example urlKeyOf('https://www.naharnet.com/stories/en/1?utm_source=x#top') // 'naharnet.com/stories/en/1'
 */
export function urlKeyOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return '';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '';
  const kept = [...parsed.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.hostname.replace(/^www\./, '')}${parsed.port ? `:${parsed.port}` : ''}${path}${query}`;
}

/**
 * The text as compared for duplicates: compatibility-normalised, lower case,
 * without diacritics, every run of anything but letters and digits one space.
 * Two copies of an article that differ only in quote style, spacing or line
 * breaks get the same fingerprint.
 *
 * @example textFingerprint('“Aoun”  said…\n\nYes.') // 'aoun said yes'
 */
export function textFingerprint(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * SHA-256 (hex) of the article's fingerprint: the `textHash` stored with
 * each imported article, unique in the database.
 *
 * @example await textHashOf('Aoun said.') === await textHashOf('AOUN  said!') // true
 */
export async function textHashOf(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(textFingerprint(text));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
