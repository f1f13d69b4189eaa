import type { EntityMatcher } from '../matching/match-entities';
import type { IndexedArticle } from '../model/index-schema';
import type {
  ArticleSightings,
  CandidateExample,
  ExampleSpot,
  NameSighting,
  StoredCandidate,
} from '../storage/candidate-store';
import { foldString } from '../text/fold-text';
import { type SentenceSpan, splitSentences } from '../text/split-sentences';
import { arabicNamesInSentence, isArabicSentence } from './candidate-arabic';
import { hebrewNamesInSentence, isHebrewSentence } from './candidate-hebrew';
import { type NameSpan, namesInSentence } from './candidate-names';
import { guessKind, type ProposedRole, roleFor } from './candidate-roles';
import { sameNameAcrossScripts, scriptOf } from './candidate-scripts';
import { NAME_PARTICLES } from './candidate-words';

/**
 * Candidate entities in imported text (issues #5 and #11): names the
 * knowledge base does not know yet, each with a count, example sentences,
 * a proposed kind (with the reason), role (with the sentence it was read in)
 * and surname, for the reader to accept, merge into an existing entity as an
 * alias, or dismiss.
 *
 * Names come from `candidate-names.ts` (runs of capitalised words split at
 * punctuation and known entities, titles and possessive heads stripped),
 * roles and kinds from `candidate-roles.ts`. A name is proposed after two
 * mentions (its surname alone counts), two articles, or one mention that
 * comes with a role: news prose introduces an official once, with a title.
 *
 * The options page runs the collector over imported articles after an
 * import, in a worker, and stores what it finds (`lib/storage/candidate-store.ts`).
 * What each article says about each name is kept too (`sightingsOf`), so a
 * later import reads only its new articles and merges them with the stored
 * sightings of the earlier ones (`addSightings`): pending candidates from
 * earlier imports stay, and a name seen once in each of two imports is
 * proposed (two articles), with every article that names it remembered.
 */
export type { CandidateExample } from '../storage/candidate-store';
/** A candidate entity (stored as found: `lib/storage/candidate-store.ts`). */
export type EntityCandidate = StoredCandidate;

/** What counts as already known: the current matcher, and phrases the reader already decided about. */
export interface CandidateFilter {
  matcher: EntityMatcher;
  decidedKeys: ReadonlySet<string>;
  /** Folded alias texts of every known entity: a name equal to one is known even where the matcher's context rules did not link it. */
  knownKeys?: ReadonlySet<string>;
}

const MAX_EXAMPLES = 3;
/** Places kept per name to quote from: more than shown, since copies of one sentence are quoted once. */
const MAX_SPOTS = 5;
const MAX_PHRASE_WORDS = 7;
const MAX_SENTENCE_CHARS = 320;

interface Tally {
  key: string;
  /** What each article said about the name, in the order read: the stored unit. */
  byArticle: Map<string, NameSighting>;
  forms: Map<string, number>;
  count: number;
  /** Mentions that are only a sentence's first word: they count for a full name's surname, never on their own. */
  weak: number;
  personTitle: boolean;
  organisationHead: boolean;
  articles: Set<string>;
  /** Where to quote it from, one place per article. */
  spots: ExampleSpot[];
  role?: ProposedRole & { spot: ExampleSpot };
}

/** A candidate before its examples are quoted. */
type Proposal = Omit<EntityCandidate, 'examples' | 'roleExample'> & { spots: ExampleSpot[]; roleSpot?: ExampleSpot };

type ArticleText = Pick<IndexedArticle, 'id' | 'title' | 'text'>;

/**
 * Collects candidates over any number of articles. Feed it articles one by
 * one (`add`), then read the candidates (`candidates`).
 *
 * @example const collector = new CandidateCollector({ matcher, decidedKeys: new Set() }); collector.add(article); collector.candidates()
 */
export class CandidateCollector {
  private readonly tallies = new Map<string, Tally>();
  private readonly knownPhrases = new Map<string, boolean>();
  /** Articles whose text is at hand to quote: those read, and those given with `addTexts`. */
  private readonly texts = new Map<string, ArticleText>();
  articlesRead = 0;
  charactersRead = 0;

  constructor(private readonly filter: CandidateFilter) {}

  /**
   * Adds what articles read by an earlier look said (stored with
   * `sightingsOf`), without reading their text again. Names the reader has
   * decided about or that became known since are left out when the
   * candidates are read.
   */
  addSightings(stored: ArticleSightings): void {
    for (const sighting of stored.sightings) {
      const tally = this.tallyFor(sighting.key);
      if (tally.byArticle.has(stored.articleId)) continue;
      tally.byArticle.set(stored.articleId, sighting);
      tally.count += sighting.count;
      tally.weak += sighting.weak;
      tally.personTitle ||= sighting.personTitle;
      tally.organisationHead ||= sighting.organisationHead;
      for (const [form, count] of sighting.forms) tally.forms.set(form, (tally.forms.get(form) ?? 0) + count);
      if (sighting.role && (!tally.role || rolePriority(sighting.role) < rolePriority(tally.role)))
        tally.role = sighting.role;
      if (sighting.example && tally.spots.length < MAX_SPOTS) tally.spots.push(sighting.example);
      tally.articles.add(stored.articleId);
    }
    this.articlesRead++;
  }

  /**
   * What one article read by `add` said about each name (every name, also
   * those not yet proposed: a second article may make them so), to store.
   */
  sightingsOf(articleId: string): ArticleSightings {
    const sightings: NameSighting[] = [];
    for (const tally of this.tallies.values()) {
      const sighting = tally.byArticle.get(articleId);
      if (sighting) sightings.push(sighting);
    }
    return { articleId, sightings };
  }

  /** Reads one article. */
  add(article: ArticleText): void {
    const { text } = article;
    this.texts.set(article.id, article);
    const mentions = this.filter.matcher.match(text);
    let cursor = 0;
    // Mentions are sorted and do not overlap: one forward cursor answers "is this word known?" for words in order.
    const known = (start: number, end: number) => {
      while (cursor > 0 && (mentions[cursor - 1]?.end ?? 0) > start) cursor--;
      while (cursor < mentions.length && (mentions[cursor]?.end ?? 0) <= start) cursor++;
      const mention = mentions[cursor];
      return !!mention && mention.start < end && start < mention.end;
    };
    for (const sentence of splitSentences(text)) {
      const [from, to] = sentence;
      // Arabic and Hebrew have no capitals: their names are read after a title (or before an appositive, in Hebrew).
      const rtlNames = isArabicSentence(text, from, to)
        ? arabicNamesInSentence(text, from, to, known).map((found) => ({ ...found, source: 'title' as const }))
        : isHebrewSentence(text, from, to)
          ? hebrewNamesInSentence(text, from, to, known)
          : undefined;
      if (rtlNames) {
        for (const found of rtlNames) {
          const written = text.slice(found.start, found.end);
          const key = foldString(written);
          if (this.isKnownPhrase(written, key)) continue;
          const span: NameSpan = {
            start: found.start,
            end: found.end,
            tokens: [],
            title: [],
            personTitle: true,
            sentenceInitial: false,
            organisationHead: false,
          };
          this.tally(key, written, span, { text: found.role, source: found.source }, article, sentence);
        }
        continue;
      }
      for (const name of namesInSentence(text, from, to, known)) {
        if (name.tokens.length > MAX_PHRASE_WORDS) continue;
        const written = text.slice(name.start, name.end);
        const key = foldString(written);
        // Decided names are still tallied (and stored): an Undo proposes them again without reading the articles again.
        if (this.isKnownPhrase(written, key)) continue;
        // A sentence's first word may be any capitalised word, so its title is not read; an appositive after it is
        // ("Dichter, a former head of the Shin Bet, spoke…").
        const found = roleFor(text, from, to, name);
        const role = name.sentenceInitial && found?.source !== 'appositive' ? undefined : found;
        this.tally(key, written, name, role, article, sentence);
      }
    }
    this.articlesRead++;
    this.charactersRead += text.length;
  }

  /**
   * The candidates so far, most mentioned first. A name is proposed with a
   * role, or after `minCount` mentions (2 by default; its surname alone
   * counts), or in two articles. One word alone needs `minCount` mentions
   * that do not open a sentence. Examples are quoted from the articles at
   * hand (read, or given with `addTexts`; see `articlesToQuote`).
   */
  candidates(minCount = 2): EntityCandidate[] {
    return this.proposals(minCount).map(({ spots, roleSpot, ...candidate }) => {
      const examples: CandidateExample[] = [];
      const quoted = new Set<string>();
      for (const spot of spots) {
        const example = this.quote(spot);
        if (!example || examples.length >= MAX_EXAMPLES || quoted.has(quotedOf(example))) continue;
        quoted.add(quotedOf(example));
        examples.push(example);
      }
      const roleExample = roleSpot && this.quote(roleSpot);
      return { ...candidate, ...(roleExample ? { roleExample } : {}), examples };
    });
  }

  /** Articles the candidates quote whose text is not at hand: read them and pass them to `addTexts` before `candidates`. */
  articlesToQuote(minCount = 2): string[] {
    const needed = new Set<string>();
    for (const proposal of this.proposals(minCount)) {
      for (const spot of [...proposal.spots, ...(proposal.roleSpot ? [proposal.roleSpot] : [])])
        if (!this.texts.has(spot.articleId)) needed.add(spot.articleId);
    }
    return [...needed];
  }

  /** Texts of articles read by earlier looks, to quote from. */
  addTexts(articles: readonly ArticleText[]): void {
    for (const article of articles) this.texts.set(article.id, article);
  }

  private quote(spot: ExampleSpot): CandidateExample | undefined {
    const article = this.texts.get(spot.articleId);
    if (!article || spot.to > article.text.length) return undefined;
    return exampleOf(article, [spot.from, spot.to], spot.start, spot.end);
  }

  private proposals(minCount: number): Proposal[] {
    const surnames = this.surnameOwners();
    const out: Proposal[] = [];
    for (const tally of this.tallies.values()) {
      const words = tally.key.split(' ');
      if (words.length === 1 && surnames.has(tally.key)) continue;
      // Stored sightings predate later decisions and entities: a name decided about or known since is left out.
      if (this.filter.decidedKeys.has(tally.key) || this.isKnownPhrase(mostCommon(tally.forms), tally.key)) continue;
      const surnameTally = words.length > 1 ? this.surnameTallyOf(tally, surnames) : undefined;
      const count = tally.count + (surnameTally?.count ?? 0);
      const strong = tally.count - tally.weak + (surnameTally ? surnameTally.count - surnameTally.weak : 0);
      const articles = new Set([...tally.articles, ...(surnameTally?.articles ?? [])]);
      if (tally.count === tally.weak) continue;
      const single = words.length === 1;
      const enough = single
        ? strong >= minCount && !this.filter.decidedKeys.has(tally.key)
        : tally.role !== undefined || count >= minCount || articles.size >= 2;
      if (!enough) continue;
      const name = mostCommon(tally.forms);
      // "Avi Dichter … Dichter, a former head of the Shin Bet": the role given to the surname is the full name's.
      const role = tally.role ?? surnameTally?.role;
      const guess = guessKind(name, {
        role: role?.text,
        personTitle: tally.personTitle || surnameTally?.personTitle,
        surnameSeen: surnameTally !== undefined,
      });
      const kind = tally.organisationHead && guess.kind === 'person' ? 'organisation' : guess.kind;
      out.push({
        key: tally.key,
        name,
        kind,
        kindReason: guess.reason,
        ...(role ? { role: role.text, roleSpot: role.spot } : {}),
        ...(kind === 'person' && !single ? { surname: surnameOf(name) } : {}),
        count,
        articleCount: articles.size,
        articleIds: [...articles],
        spots: [...tally.spots, ...(surnameTally?.spots ?? [])].filter(
          (spot, position, all) => all.findIndex((other) => other.articleId === spot.articleId) === position,
        ),
      });
    }
    return withOtherScripts(out).sort(
      (a, b) => b.count - a.count || b.articleCount - a.articleCount || (a.key < b.key ? -1 : 1),
    );
  }

  /** Single words that are the surname of exactly one multi-word candidate: folded surname → that candidate's key. */
  private surnameOwners(): Map<string, string> {
    const owners = new Map<string, string | null>();
    for (const tally of this.tallies.values()) {
      const words = tally.key.split(' ');
      if (words.length < 2 || tally.organisationHead) continue;
      const surname = foldString(surnameOf(mostCommon(tally.forms)));
      if (!this.tallies.has(surname)) continue;
      owners.set(surname, owners.has(surname) && owners.get(surname) !== tally.key ? null : tally.key);
    }
    return new Map([...owners].filter((entry): entry is [string, string] => entry[1] !== null));
  }

  private surnameTallyOf(tally: Tally, owners: Map<string, string>): Tally | undefined {
    const surname = foldString(surnameOf(mostCommon(tally.forms)));
    return owners.get(surname) === tally.key ? this.tallies.get(surname) : undefined;
  }

  private isKnownPhrase(name: string, key: string): boolean {
    let known = this.knownPhrases.get(key);
    if (known === undefined) {
      const matches = this.filter.matcher.match(name);
      known =
        (this.filter.knownKeys?.has(key) ?? false) ||
        (matches.length > 0 && matches[0]?.start === 0 && matches[matches.length - 1]?.end === name.length);
      this.knownPhrases.set(key, known);
    }
    return known;
  }

  private tallyFor(key: string): Tally {
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = {
        key,
        byArticle: new Map(),
        forms: new Map(),
        count: 0,
        weak: 0,
        personTitle: false,
        organisationHead: false,
        articles: new Set(),
        spots: [],
      };
      this.tallies.set(key, tally);
    }
    return tally;
  }

  private tally(
    key: string,
    written: string,
    name: NameSpan,
    role: ProposedRole | undefined,
    article: ArticleText,
    sentence: SentenceSpan,
  ): void {
    const tally = this.tallyFor(key);
    let sighting = tally.byArticle.get(article.id);
    if (!sighting) {
      sighting = { key, forms: [], count: 0, weak: 0, personTitle: false, organisationHead: false };
      tally.byArticle.set(article.id, sighting);
    }
    tally.count++;
    sighting.count++;
    if (name.sentenceInitial) {
      tally.weak++;
      sighting.weak++;
    }
    tally.personTitle ||= name.personTitle;
    tally.organisationHead ||= name.organisationHead;
    sighting.personTitle ||= name.personTitle;
    sighting.organisationHead ||= name.organisationHead;
    tally.forms.set(written, (tally.forms.get(written) ?? 0) + 1);
    const form = sighting.forms.find((entry) => entry[0] === written);
    if (form) form[1]++;
    else sighting.forms.push([written, 1]);
    const spot: ExampleSpot = {
      articleId: article.id,
      start: name.start,
      end: name.end,
      from: sentence[0],
      to: sentence[1],
    };
    if (role && (!tally.role || rolePriority(role) < rolePriority(tally.role))) tally.role = { ...role, spot };
    if (role && (!sighting.role || rolePriority(role) < rolePriority(sighting.role))) sighting.role = { ...role, spot };
    // One place per article (copies and headlines repeat; a headline is not quoted): different contexts show more.
    if (!sighting.example && article.text.slice(sentence[0], sentence[1]) !== article.title) {
      sighting.example = spot;
      if (tally.spots.length < MAX_SPOTS) tally.spots.push(spot);
    }
    tally.articles.add(article.id);
  }
}

/** The sentence an example quotes, as one string (to tell copies apart). */
function quotedOf(example: CandidateExample): string {
  return example.before.replace(/^…/, '') + example.mention + example.after.replace(/…$/, '');
}

/**
 * Folds a Hebrew or Arabic candidate into the Latin-script one that is the
 * same name (`candidate-scripts.ts`): one candidate, its other forms proposed
 * as aliases, its mentions and articles counted once. A form that matches
 * two Latin candidates is left alone: which one it is is the reader's call.
 */
function withOtherScripts(candidates: Proposal[]): Proposal[] {
  const latin = candidates.filter((candidate) => scriptOf(candidate.name) === 'latin' && candidate.kind === 'person');
  if (latin.length === candidates.length) return candidates;
  const folded = new Set<Proposal>();
  for (const other of candidates) {
    if (scriptOf(other.name) === 'latin') continue;
    const owners = latin.filter((candidate) => sameNameAcrossScripts(candidate.name, other.name));
    const owner = owners[0];
    if (!owner || owners.length > 1) continue;
    owner.otherForms = [...(owner.otherForms ?? []), other.name];
    owner.count += other.count;
    const articles = new Set([...(owner.articleIds ?? []), ...(other.articleIds ?? [])]);
    owner.articleIds = [...articles];
    owner.articleCount = articles.size;
    for (const spot of other.spots)
      if (!owner.spots.some((mine) => mine.articleId === spot.articleId)) owner.spots.push(spot);
    folded.add(other);
  }
  return candidates.filter((candidate) => !folded.has(candidate));
}

const ROLE_PRIORITY: Record<ProposedRole['source'], number> = { appositive: 0, 'leading appositive': 1, title: 2 };
function rolePriority(role: Pick<ProposedRole, 'source'>): number {
  return ROLE_PRIORITY[role.source];
}

function exampleOf(article: ArticleText, sentence: SentenceSpan, start: number, end: number): CandidateExample {
  const from = Math.max(sentence[0], start - MAX_SENTENCE_CHARS / 2);
  const to = Math.min(sentence[1], end + MAX_SENTENCE_CHARS / 2);
  return {
    articleId: article.id,
    articleTitle: article.title,
    before: (from > sentence[0] ? '…' : '') + article.text.slice(from, start),
    mention: article.text.slice(start, end),
    after: article.text.slice(end, to) + (to < sentence[1] ? '…' : ''),
  };
}

/**
 * A person's surname: the last word, with the particles before it ("Le
 * Drian", "al-Sharaa" stays whole).
 *
 * @example surnameOf('Jean-Yves Le Drian') // 'Le Drian'
 */
export function surnameOf(name: string): string {
  const words = name.split(/\s+/);
  let start = words.length - 1;
  while (start > 1 && NAME_PARTICLES.has(foldString(words[start - 1] ?? ''))) start--;
  return words.slice(start).join(' ');
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
