import type { Excerpt, IndexedArticle, MentionGroup } from '../model/index-schema';
import { type SentenceSpan, sentenceAt, splitSentences } from '../text/split-sentences';

/**
 * One excerpt per sentence that mentions the entity, quoting its first
 * mention there: the rule for the bundled index and for imported articles
 * alike, so cards quote both the same way.
 *
 * @example excerptsForMentions(article, { entityId: 'naqoura', articleId: article.id, spans: [[40, 47]] })
 */
export function excerptsForMentions(
  article: Pick<IndexedArticle, 'id' | 'text' | 'outlet' | 'published'>,
  group: MentionGroup,
  sentences: readonly SentenceSpan[] = splitSentences(article.text),
): Excerpt[] {
  const quoted = new Set<number>();
  const out: Excerpt[] = [];
  for (const [start, end] of group.spans) {
    const sentence = sentenceAt(sentences, start);
    if (!sentence || quoted.has(sentence[0])) continue;
    quoted.add(sentence[0]);
    out.push({
      articleId: article.id,
      start: sentence[0],
      end: sentence[1],
      mentionStart: start,
      mentionEnd: end,
      text: article.text.slice(sentence[0], sentence[1]),
      outlet: article.outlet,
      date: article.published.date,
      precision: article.published.precision,
    });
  }
  return out;
}

/** Newest first; undated last. Partial ISO dates compare correctly as strings. */
export function compareExcerptDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}
