/**
 * What a search result quotes: the sentence of an article that best matches
 * the query, with the matched words marked. Pure: offsets and text parts
 * only, which the UI renders as React text with `<mark>` elements, never as
 * markup (issue #4).
 */

import { type SentenceSpan, splitSentences } from '../text/split-sentences';
import { searchTermForms, searchTokens } from './search-options';

/** A run of text, marked when it matched the query. */
export interface TextPart {
  text: string;
  marked: boolean;
}

/** A `[start, end)` range of offsets into a text. */
export type TextSpan = readonly [start: number, end: number];

export interface Snippet {
  parts: TextPart[];
  /** The text was cut before or after the quoted part (the UI shows "…"). */
  cutBefore: boolean;
  cutAfter: boolean;
  /** The quoted passage in the article (whole sentences), for the reader page to scroll to. */
  passage: TextSpan;
}

// Folding a word costs a Unicode normalisation and a few regexps; an article
// repeats its words, and results share them. Bounded, so a long session does
// not grow it without end.
const FOLD_CACHE_LIMIT = 20_000;
const foldCache = new Map<string, readonly string[]>();

function foldedForms(word: string): readonly string[] {
  let forms = foldCache.get(word);
  if (forms === undefined) {
    forms = searchTermForms(word);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(word, forms);
  }
  return forms;
}

/**
 * The words of `text` whose folded form is one of `terms` (index terms, as
 * MiniSearch reports them in a result's `terms`), plus `extraSpans` (such as
 * the mentions of an entity matched by one of its aliases), sorted and merged.
 * Matched words with only spaces between them make one span: "Randa Slim"
 * reads as one mark, not two.
 *
 * @example matchedSpans('Hezbollah and Israel', new Set(['israel'])) // [[14, 20]]
 */
export function matchedSpans(
  text: string,
  terms: ReadonlySet<string>,
  extraSpans: readonly TextSpan[] = [],
): TextSpan[] {
  const spans: TextSpan[] = [...extraSpans];
  if (terms.size > 0) {
    for (const token of searchTokens(text)) {
      if (foldedForms(token.text).some((form) => terms.has(form))) spans.push([token.start, token.end]);
    }
  }
  const joined: [number, number][] = [];
  for (const [start, end] of mergeSpans(spans)) {
    const last = joined[joined.length - 1];
    if (last && /^[ \u00A0]+$/.test(text.slice(last[1], start))) last[1] = end;
    else joined.push([start, end]);
  }
  return joined;
}

/** Sorts spans and joins the ones that overlap or touch. */
export function mergeSpans(spans: readonly TextSpan[]): TextSpan[] {
  const sorted = [...spans].filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * `text[from, to)` cut into parts at the edges of `spans` (sorted, merged).
 *
 * @example emphasize('Talks in Naqoura', [[9, 16]]) // [{ text: 'Talks in ', marked: false }, { text: 'Naqoura', marked: true }]
 */
export function emphasize(text: string, spans: readonly TextSpan[], from = 0, to = text.length): TextPart[] {
  const parts: TextPart[] = [];
  let at = from;
  for (const [start, end] of spans) {
    if (end <= from || start >= to) continue;
    const markStart = Math.max(start, from);
    const markEnd = Math.min(end, to);
    if (markStart > at) parts.push({ text: text.slice(at, markStart), marked: false });
    parts.push({ text: text.slice(markStart, markEnd), marked: true });
    at = markEnd;
  }
  if (at < to) parts.push({ text: text.slice(at, to), marked: false });
  return parts;
}

export interface SnippetOptions {
  /** Longest quote, in characters, before it is cut around its first match. */
  maxLength?: number;
}

/**
 * The best sentence of `text` for the matches in `spans`: the one with the
 * most distinct matched words, then the most matches, then the earliest. A
 * short sentence is followed by the next ones while they fit; a long one is
 * cut around its first match. Without any match, the article's opening.
 *
 * @example buildSnippet(article.text, matchedSpans(article.text, new Set(['stimson']))).parts
 */
export function buildSnippet(text: string, spans: readonly TextSpan[], options: SnippetOptions = {}): Snippet {
  const maxLength = options.maxLength ?? 240;
  const sentences = splitSentences(text);
  if (sentences.length === 0) return { parts: [], cutBefore: false, cutAfter: false, passage: [0, 0] };
  const best = bestSentence(text, sentences, spans);
  const sentence = sentences[best] as SentenceSpan;
  let [start, end] = sentence;
  // Short sentences ("Slim said so.") say little alone: add the next ones while they fit.
  for (let next = best + 1; next < sentences.length; next++) {
    const following = sentences[next] as SentenceSpan;
    if (following[1] - start > maxLength || text.slice(end, following[0]).includes('\n')) break;
    end = following[1];
  }
  let cutBefore = false;
  let cutAfter = false;
  if (end - start > maxLength) {
    const firstMatch = spans.find(([spanStart, spanEnd]) => spanEnd > start && spanStart < end);
    const anchor = firstMatch ? firstMatch[0] : start;
    // Some context before the match, most of the room after it.
    let from = Math.max(start, anchor - Math.floor(maxLength * 0.3));
    if (from > start) {
      from = wordStartAtOrAfter(text, from, anchor);
      cutBefore = true;
    }
    let to = Math.min(end, from + maxLength);
    if (to < end) {
      to = wordEndAtOrBefore(text, to, Math.max(from + 1, firstMatch ? firstMatch[1] : from + 1));
      cutAfter = true;
    }
    start = from;
    end = to;
  }
  return {
    parts: emphasize(text, spans, start, end).map((part) => ({ ...part, text: part.text.replace(/\s+/g, ' ') })),
    cutBefore,
    cutAfter,
    passage: [sentence[0], Math.max(sentence[1], end)],
  };
}

function bestSentence(text: string, sentences: readonly SentenceSpan[], spans: readonly TextSpan[]): number {
  if (spans.length === 0) return 0;
  let best = 0;
  let bestScore = -1;
  let spanIndex = 0;
  sentences.forEach(([start, end], index) => {
    const words = new Set<string>();
    let count = 0;
    while (spanIndex < spans.length && (spans[spanIndex] as TextSpan)[1] <= start) spanIndex++;
    for (let i = spanIndex; i < spans.length && (spans[i] as TextSpan)[0] < end; i++) {
      const [spanStart, spanEnd] = spans[i] as TextSpan;
      words.add(text.slice(spanStart, spanEnd).toLowerCase());
      count++;
    }
    // Distinct words first: a sentence with "Randa" and "Slim" beats one that repeats "Slim".
    const score = words.size * 1000 + count;
    if (score > bestScore) {
      bestScore = score;
      best = index;
    }
  });
  return best;
}

/** The start of the first word at or after `at` (but not past `limit`). */
function wordStartAtOrAfter(text: string, at: number, limit: number): number {
  const space = text.slice(at, limit).search(/\s/);
  return space === -1 ? at : at + space + 1;
}

/** The end of the last whole word at or before `at` (but not before `limit`). */
function wordEndAtOrBefore(text: string, at: number, limit: number): number {
  const cut = text.slice(limit, at).search(/\s\S*$/);
  return cut === -1 ? at : limit + cut;
}
