import nlp from 'compromise';
import type { EntityMatcher } from '../matching/match-entities';
import type { IndexedArticle } from '../model/index-schema';
import type { EntityKind } from '../model/knowledge-base';
import { foldString } from '../text/fold-text';
import { sentenceAt, splitSentences } from '../text/split-sentences';

/**
 * Candidate entities in imported text (issue #5): proper-noun phrases that
 * `compromise` (a small, well-kept English NLP library) finds and that the
 * knowledge base does not know yet, each with a count and example sentences,
 * for the reader to accept, merge into an existing entity as an alias, or
 * dismiss.
 *
 * compromise reads about 50 KB of text a second, far slower than importing,
 * so candidates are never found during an import's transaction: the options
 * page runs the collector over imported articles afterwards, an article at a
 * time, giving the page a turn in between.
 */
export interface CandidateExample {
  articleId: string;
  articleTitle: string;
  /** The sentence, split around the phrase so the UI can emphasise it without markup. */
  before: string;
  mention: string;
  after: string;
}

export interface EntityCandidate {
  /** Folded phrase: the key decisions are stored under. */
  key: string;
  /** The commonest written form. */
  name: string;
  /** Best guess from compromise's tags; the reader chooses when accepting. */
  kind: EntityKind;
  /** Mentions across the articles read. */
  count: number;
  /** Articles it appears in. */
  articleCount: number;
  examples: CandidateExample[];
}

/** What counts as already known: the current matcher, and phrases the reader already decided about. */
export interface CandidateFilter {
  matcher: EntityMatcher;
  decidedKeys: ReadonlySet<string>;
}

const MAX_EXAMPLES = 3;
/** compromise's cost grows with the text it holds at once; paragraphs are read in chunks of about this size. */
const CHUNK_CHARS = 4000;
const MAX_PHRASE_WORDS = 6;
const MAX_SENTENCE_CHARS = 320;

interface Tally {
  key: string;
  forms: Map<string, number>;
  kinds: Map<EntityKind, number>;
  count: number;
  articles: Set<string>;
  examples: CandidateExample[];
  /** Sentences already quoted. */
  quoted: Set<string>;
}

interface CompromiseTerm {
  text: string;
  tags?: string[];
  offset?: { start: number; length: number };
}
interface CompromiseMatch {
  terms: CompromiseTerm[];
}

/** Honorifics and titles that come before a name but are not part of it. */
const LEADING_WORDS =
  /^(?:the|a|an|mr|mrs|ms|dr|gen|general|president|prime minister|minister|sheikh|king|prince|speaker|lt|col|maj|sen|rep)\.?\s+/i;

/**
 * Collects candidates over any number of articles. Feed it articles one by
 * one (`add`), then read the candidates (`candidates`).
 *
 * @example const collector = new CandidateCollector({ matcher, decidedKeys: new Set() }); collector.add(article); collector.candidates()
 */
export class CandidateCollector {
  private readonly tallies = new Map<string, Tally>();
  private readonly knownPhrases = new Map<string, boolean>();
  articlesRead = 0;
  charactersRead = 0;

  constructor(private readonly filter: CandidateFilter) {}

  /** Reads one article. */
  add(article: Pick<IndexedArticle, 'id' | 'title' | 'text'>): void {
    const { text } = article;
    const known = this.filter.matcher.match(text);
    const sentences = splitSentences(text);
    for (const [chunkStart, chunkEnd] of chunks(text)) {
      const matches = nlp(text.slice(chunkStart, chunkEnd))
        .match('#ProperNoun+')
        .json({ offset: true }) as CompromiseMatch[];
      for (const match of matches) {
        const phrase = phraseOf(match, chunkStart, text);
        if (!phrase) continue;
        const { start, end, kind } = phrase;
        // Inside a mention the matcher found: known here, whatever compromise thinks.
        if (known.some((mention) => mention.start < end && start < mention.end)) continue;
        const name = text.slice(start, end);
        const key = foldString(name);
        if (this.filter.decidedKeys.has(key) || this.isKnownPhrase(name, key)) continue;
        this.tally(key, name, kind, article, sentences, start, end);
      }
    }
    this.articlesRead++;
    this.charactersRead += text.length;
  }

  /**
   * The candidates so far, most mentioned first. Phrases seen once in one
   * article are left out when `minCount` is 2 (the default): a name that
   * matters recurs.
   */
  candidates(minCount = 2): EntityCandidate[] {
    const out: EntityCandidate[] = [];
    for (const tally of this.tallies.values()) {
      if (tally.count < minCount) continue;
      out.push({
        key: tally.key,
        name: mostCommon(tally.forms),
        kind: mostCommon(tally.kinds),
        count: tally.count,
        articleCount: tally.articles.size,
        examples: tally.examples,
      });
    }
    return out.sort((a, b) => b.count - a.count || b.articleCount - a.articleCount || (a.key < b.key ? -1 : 1));
  }

  private isKnownPhrase(name: string, key: string): boolean {
    let known = this.knownPhrases.get(key);
    if (known === undefined) {
      const matches = this.filter.matcher.match(name);
      known = matches.length > 0 && matches[0]?.start === 0 && matches[matches.length - 1]?.end === name.length;
      this.knownPhrases.set(key, known);
    }
    return known;
  }

  private tally(
    key: string,
    name: string,
    kind: EntityKind,
    article: Pick<IndexedArticle, 'id' | 'title' | 'text'>,
    sentences: ReturnType<typeof splitSentences>,
    start: number,
    end: number,
  ): void {
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = {
        key,
        forms: new Map(),
        kinds: new Map(),
        count: 0,
        articles: new Set(),
        examples: [],
        quoted: new Set(),
      };
      this.tallies.set(key, tally);
    }
    tally.count++;
    tally.forms.set(name, (tally.forms.get(name) ?? 0) + 1);
    tally.kinds.set(kind, (tally.kinds.get(kind) ?? 0) + 1);
    // One example per article, each a different sentence (copies and headlines repeat): different contexts show the reader more.
    const sentence = sentenceAt(sentences, start) ?? [start, end];
    const quoted = article.text.slice(sentence[0], sentence[1]);
    if (
      tally.examples.length < MAX_EXAMPLES &&
      !tally.examples.some((example) => example.articleId === article.id) &&
      !tally.quoted.has(quoted) &&
      quoted !== article.title
    ) {
      tally.quoted.add(quoted);
      const from = Math.max(sentence[0], start - MAX_SENTENCE_CHARS / 2);
      const to = Math.min(sentence[1], end + MAX_SENTENCE_CHARS / 2);
      tally.examples.push({
        articleId: article.id,
        articleTitle: article.title,
        before: (from > sentence[0] ? '…' : '') + article.text.slice(from, start),
        mention: article.text.slice(start, end),
        after: article.text.slice(end, to) + (to < sentence[1] ? '…' : ''),
      });
    }
    tally.articles.add(article.id);
  }
}

/** Paragraph-aligned chunks of about {@link CHUNK_CHARS}. */
function* chunks(text: string): Generator<[number, number]> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK_CHARS);
    if (end < text.length) {
      const paragraph = text.lastIndexOf('\n\n', end);
      const sentence = text.lastIndexOf('. ', end);
      const cut = paragraph > start ? paragraph : sentence > start ? sentence + 1 : end;
      end = cut;
    }
    yield [start, end];
    start = end;
  }
}

/**
 * A compromise match → the span of a plausible entity name and its kind, or
 * undefined. Drops demonyms ("Israeli"), dates, leading titles and
 * possessives, and phrases that are too long or have no capital letter.
 */
function phraseOf(
  match: CompromiseMatch,
  chunkStart: number,
  text: string,
): { start: number; end: number; kind: EntityKind } | undefined {
  const terms = match.terms.filter((term) => term.offset);
  if (terms.length === 0 || terms.length > MAX_PHRASE_WORDS) return undefined;
  const tags = new Set(terms.flatMap((term) => term.tags ?? []));
  const allTagged = (tag: string) => terms.every((term) => term.tags?.includes(tag));
  if (allTagged('Demonym') || allTagged('Date') || allTagged('Month') || allTagged('WeekDay') || allTagged('Pronoun')) {
    return undefined;
  }
  const first = terms[0] as CompromiseTerm & { offset: { start: number; length: number } };
  const last = terms[terms.length - 1] as CompromiseTerm & { offset: { start: number; length: number } };
  let start = chunkStart + first.offset.start;
  let end = chunkStart + last.offset.start + last.offset.length;
  let phrase = text.slice(start, end);
  // Trailing punctuation and possessives belong to the sentence, not the name.
  const trimmedEnd = phrase.replace(/(?:['’]s)?[\s.,;:!?)"'’”»\]]*$/u, '');
  end -= phrase.length - trimmedEnd.length;
  phrase = trimmedEnd;
  for (let leading = LEADING_WORDS.exec(phrase); leading; leading = LEADING_WORDS.exec(phrase)) {
    start += leading[0].length;
    phrase = phrase.slice(leading[0].length);
  }
  const trimmedStart = phrase.replace(/^[\s"'“‘«([]+/u, '');
  start += phrase.length - trimmedStart.length;
  phrase = trimmedStart;
  if (phrase.length < 3 || !/^\p{Lu}/u.test(phrase) || !/\p{L}{2}/u.test(phrase)) return undefined;
  const kind: EntityKind = tags.has('Person')
    ? 'person'
    : tags.has('Place') || tags.has('Country') || tags.has('City') || tags.has('Region')
      ? 'place'
      : 'organisation';
  return { start, end, kind };
}

function mostCommon<Value>(counts: ReadonlyMap<Value, number>): Value {
  let best: Value | undefined;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best as Value;
}
