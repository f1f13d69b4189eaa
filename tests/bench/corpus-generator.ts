/**
 * Generated news articles for the search and import benchmark (issue #6,
 * part 5): any number of about 5 KB articles, each a pure function of the
 * seed and its number, so a corpus of 10,000 is the same on every run and
 * article 7 is the same whether 5 or 10,000 are generated.
 *
 * Words are drawn from a Zipf distribution (exponent about 1, like English)
 * over a vocabulary ordered from common to rare: the caller passes real news
 * and English words first (see `newsVocabulary` in `search-bench.ts`) and
 * synthetic word forms after them, so the corpus has tens of thousands of
 * distinct words with the long tail search indexes meet in real text. Known
 * entities are named by their Latin-script aliases about once every 300
 * characters, as in the bundled corpus, so the importer's matcher finds
 * mentions. Runs in Node and in the page (no Node APIs).
 */
import type { Entity } from '../../lib/model/knowledge-base';
import { mulberry32 } from './seeded-random';

/** A seed for article `n` of corpus `seed`, well mixed so neighbouring articles share nothing. */
function articleSeed(seed: number, n: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(n + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

export interface GeneratedArticle {
  n: number;
  title: string;
  outlet: string;
  byline: string;
  /** ISO date, day precision. */
  date: string;
  url: string;
  /** Paragraphs separated by blank lines. */
  text: string;
  /** Entity aliases written into the text. */
  mentions: number;
}

export interface CorpusGeneratorOptions {
  /** Words from most to least common; the Zipf rank is the position. */
  vocabulary: readonly string[];
  /** Entities whose Latin-script aliases the articles name. */
  entities: readonly Entity[];
  seed?: number;
  /** Characters of text per article (about; whole sentences). Default 5,000. */
  articleChars?: number;
  /** Zipf exponent. Default 1.05. */
  zipfExponent?: number;
}

export type QueryKind = 'exact' | 'prefix' | 'fuzzy';

const OUTLETS = [
  { name: 'Naharnet', host: 'www.naharnet.com' },
  { name: "L'Orient Today", host: 'today.lorientlejour.com' },
  { name: 'Reuters', host: 'www.reuters.com' },
  { name: 'Associated Press', host: 'apnews.com' },
  { name: 'Al-Monitor', host: 'www.al-monitor.com' },
  { name: 'The National', host: 'www.thenationalnews.com' },
  { name: 'Times of Israel', host: 'www.timesofisrael.com' },
  { name: 'Haaretz', host: 'www.haaretz.com' },
  { name: 'Al Jazeera', host: 'www.aljazeera.com' },
  { name: 'BBC News', host: 'www.bbc.com' },
  { name: 'The Guardian', host: 'www.theguardian.com' },
  { name: 'France 24', host: 'www.france24.com' },
];
const BYLINES = [
  'Staff',
  'Maya Gebeily',
  'Laila Bassam',
  'Timour Azhari',
  'Bassem Mroue',
  'Kareem Chehayeb',
  'Emanuel Fabian',
  'Nadine Ahmad',
  'Jana Choukeir',
  'David Gritten',
];
const LINKERS = [
  'said on',
  'told reporters in',
  'according to',
  'after talks with',
  'in a statement about',
  'despite warnings from',
  'while officials in',
  'as diplomats from',
];
const CONSONANTS = 'bcdfghklmnprstvz';
const VOWELS = 'aeiou';

/** Synthetic word forms, pronounceable and distinct from `taken`: the vocabulary's long tail. */
export function syntheticWords(count: number, taken: ReadonlySet<string>, seed = 20_261_122): string[] {
  const random = mulberry32(seed);
  const pick = (letters: string) => letters.charAt(Math.floor(random() * letters.length));
  const seen = new Set(taken);
  const words: string[] = [];
  while (words.length < count) {
    const syllables = 2 + Math.floor(random() * 3);
    let word = '';
    for (let s = 0; s < syllables; s++) word += pick(CONSONANTS) + pick(VOWELS) + (random() < 0.3 ? pick('lnrst') : '');
    if (seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return words;
}

/** Whole words of a text, as a reader would type them. */
function wordsOf(text: string): string[] {
  return text.match(/[A-Za-z]+/g) ?? [];
}

/**
 * Deterministic news articles and queries over them.
 *
 * @example new CorpusGenerator({ vocabulary, entities }).article(7).text.length // about 5000
 */
export class CorpusGenerator {
  private readonly vocabulary: readonly string[];
  private readonly cumulative: Float64Array;
  private readonly aliases: string[];
  private readonly seed: number;
  private readonly articleChars: number;
  private readonly rankOf = new Map<string, number>();

  constructor(options: CorpusGeneratorOptions) {
    this.vocabulary = options.vocabulary;
    this.seed = options.seed ?? 6;
    this.articleChars = options.articleChars ?? 5000;
    const exponent = options.zipfExponent ?? 1.05;
    this.cumulative = new Float64Array(this.vocabulary.length);
    let total = 0;
    for (let rank = 0; rank < this.vocabulary.length; rank++) {
      total += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = total;
    }
    this.vocabulary.forEach((word, rank) => {
      if (!this.rankOf.has(word)) this.rankOf.set(word, rank);
    });
    // Latin-script aliases only: the generated articles are English.
    this.aliases = options.entities.flatMap((entity) =>
      entity.aliases
        .filter((alias) => !alias.lang || alias.lang === 'en')
        .filter((alias) => /^[\p{Script=Latin}\p{N}\s'.-]+$/u.test(alias.text))
        .map((alias) => alias.text),
    );
    if (this.aliases.length === 0) throw new Error('News Context bench: the generator needs entities with aliases');
  }

  /** A word by Zipf rank. */
  private word(random: () => number): string {
    const total = this.cumulative[this.cumulative.length - 1] as number;
    const target = random() * total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return this.vocabulary[low] as string;
  }

  private alias(random: () => number): string {
    // Squared: a few entities are in the news far more than the rest.
    return this.aliases[Math.floor(random() ** 2 * this.aliases.length)] as string;
  }

  private sentence(random: () => number): { text: string; mentions: number } {
    const parts: string[] = [];
    let mentions = 0;
    const length = 12 + Math.floor(random() * 18);
    for (let w = 0; w < length; w++) {
      // One alias every ~55 words (~300 characters), sometimes with a linking phrase.
      if (random() < 0.018) {
        parts.push(this.alias(random));
        mentions++;
        if (random() < 0.3) parts.push(LINKERS[Math.floor(random() * LINKERS.length)] as string);
        continue;
      }
      let word = this.word(random);
      if (random() < 0.012) word = String(Math.floor(random() * 2000));
      if (random() < 0.06 && w < length - 1) word += ',';
      parts.push(word);
    }
    const text = parts.join(' ');
    return { text: `${text.charAt(0).toUpperCase()}${text.slice(1)}${random() < 0.08 ? '?' : '.'}`, mentions };
  }

  /** Article `n` (0-based): the same for a given seed, vocabulary and entities, whatever else is generated. */
  article(n: number): GeneratedArticle {
    const random = mulberry32(articleSeed(this.seed, n));
    const paragraphs: string[] = [];
    let chars = 0;
    let mentions = 0;
    while (chars < this.articleChars) {
      const sentences: string[] = [];
      const count = 2 + Math.floor(random() * 4);
      for (let s = 0; s < count && chars < this.articleChars; s++) {
        const sentence = this.sentence(random);
        sentences.push(sentence.text);
        mentions += sentence.mentions;
        chars += sentence.text.length + 1;
      }
      paragraphs.push(sentences.join(' '));
    }
    const headlineWords = Array.from({ length: 5 + Math.floor(random() * 5) }, () => this.word(random));
    headlineWords.splice(Math.floor(random() * headlineWords.length), 0, this.alias(random));
    const title = headlineWords.join(' ').replace(/^./, (first) => first.toUpperCase());
    const outlet = OUTLETS[Math.floor(random() * OUTLETS.length)] as (typeof OUTLETS)[number];
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 500) * 86_400_000).toISOString().slice(0, 10);
    const slug = wordsOf(title).slice(0, 6).join('-').toLowerCase();
    return {
      n,
      title,
      outlet: outlet.name,
      byline: BYLINES[Math.floor(random() * BYLINES.length)] as string,
      date: day,
      url: `https://${outlet.host}/news/${day.slice(0, 4)}/${slug}-${100_000 + n}`,
      text: paragraphs.join('\n\n'),
      mentions,
    };
  }

  /** Article `n` as a Markdown file with front matter, as a reader would drop it on the options page. */
  markdown(n: number): { name: string; text: string } {
    const article = this.article(n);
    const front = [
      '---',
      `title: "${article.title.replace(/"/g, '')}"`,
      `outlet: ${article.outlet}`,
      `byline: ${article.byline}`,
      `date: ${article.date}`,
      `url: ${article.url}`,
      'language: en',
      '---',
    ].join('\n');
    return { name: `generated-${n}.md`, text: `${front}\n\n# ${article.title}\n\n${article.text}\n` };
  }

  /**
   * `count` queries of a kind over the first `corpusSize` articles, drawn from
   * their words, seeded:
   * - exact: whole words (common and rare ones), entity names, two-word phrases;
   * - prefix: the first 2–5 letters of a word, as typed;
   * - fuzzy: words of at least 5 letters with one or two typos.
   */
  queries(kind: QueryKind, count: number, corpusSize: number, seed = 1): string[] {
    const random = mulberry32(articleSeed(this.seed ^ 0x5eed, seed * 3 + ['exact', 'prefix', 'fuzzy'].indexOf(kind)));
    const queries: string[] = [];
    while (queries.length < count) {
      const words = wordsOf(this.article(Math.floor(random() * corpusSize)).text).filter((word) => word.length >= 3);
      const any = () => words[Math.floor(random() * words.length)] as string;
      if (kind === 'exact') {
        const roll = random();
        if (roll < 0.35) queries.push(any().toLowerCase());
        else if (roll < 0.65) {
          // The rarest of a few: the long tail people search for.
          const sample = Array.from({ length: 8 }, any);
          const rank = (word: string) => this.rankOf.get(word.toLowerCase()) ?? -1;
          queries.push(sample.reduce((a, b) => (rank(b) > rank(a) ? b : a)).toLowerCase());
        } else if (roll < 0.85) queries.push(this.alias(random));
        else {
          const at = Math.floor(random() * (words.length - 1));
          queries.push(`${words[at]} ${words[at + 1]}`.toLowerCase());
        }
      } else if (kind === 'prefix') {
        const word = any().toLowerCase();
        if (word.length < 4) continue;
        const length = Math.min(word.length - 1, 2 + Math.floor(random() * 4));
        queries.push(word.slice(0, length));
      } else {
        const word = any().toLowerCase();
        if (word.length < 5) continue;
        // Two deletions leave a 5-letter word at 3: too short to be a fuzzy query (a search needs 4).
        const query = withTypos(word, random() < 0.6 ? 1 : 2, random);
        if (query.length < 4) continue;
        queries.push(query);
      }
    }
    return queries;
  }
}

/** `word` with `edits` typos: a letter swapped with its neighbour, dropped, doubled or replaced. */
export function withTypos(word: string, edits: number, random: () => number): string {
  let typed = word;
  for (let e = 0; e < edits; e++) {
    // Typos rarely hit the first letter.
    const at = 1 + Math.floor(random() * (typed.length - 2));
    const roll = random();
    if (roll < 0.3) typed = typed.slice(0, at) + typed.charAt(at + 1) + typed.charAt(at) + typed.slice(at + 2);
    else if (roll < 0.55) typed = typed.slice(0, at) + typed.slice(at + 1);
    else if (roll < 0.75) typed = typed.slice(0, at) + typed.charAt(at) + typed.slice(at);
    else {
      const letter = 'abcdefghijklmnopqrstuvwxyz'.charAt(Math.floor(random() * 26));
      typed = typed.slice(0, at) + letter + typed.slice(at + 1);
    }
  }
  return typed === word ? `${word.slice(0, -1)}x` : typed;
}
