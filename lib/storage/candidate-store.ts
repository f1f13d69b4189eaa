/**
 * The candidate entities the importer proposed, kept in the database (issue
 * #11): before, they lived in the options page's memory, so "Import more",
 * a reload or a restart dropped every one the reader had not decided about.
 * Each look replaces the stored list in one transaction, and keeps what
 * each article it read says about each name (`candidateSightings`), so the
 * next look reads only new articles; decisions (accepted, merged, dismissed) stay in their own
 * table and can be undone.
 *
 * The shapes live here, below the importer that fills them, so the database
 * can name its table's rows.
 */
import { foldString } from '../text/fold-text';
import type { NewsContextDatabase, StoredCandidateDecision } from './database';
import { type CorpusStore, corpusTransaction, type ImportCatalog } from './imported-corpus';
import { deleteEntity, saveEntity } from './reader-entities';

export interface CandidateExample {
  articleId: string;
  articleTitle: string;
  /** The sentence, split around the phrase so the UI can emphasise it without markup. */
  before: string;
  mention: string;
  after: string;
}

/** A candidate entity: a name the knowledge base does not know, with what the articles say about it. */
export interface StoredCandidate {
  /** Folded phrase: the key decisions are stored under. */
  key: string;
  /** The commonest written form. */
  name: string;
  /** Best guess; the reader chooses when accepting. */
  kind: 'person' | 'organisation' | 'place' | 'event';
  /** Why that kind. */
  kindReason?: string;
  /** The role the articles give it (a title or an appositive), if any. */
  role?: string;
  /** The sentence the role was read in. */
  roleExample?: CandidateExample;
  /** A person's surname, proposed as a surname-only alias. */
  surname?: string;
  /** The same name in other scripts, seen in other articles ("מורגן אורטגוס"): proposed as aliases. */
  otherForms?: string[];
  /** Mentions across the articles read (its surname alone included). */
  count: number;
  /** Articles it appears in. */
  articleCount: number;
  /** The imported articles that name it (absent in rows stored before it was kept). */
  articleIds?: string[];
  examples: CandidateExample[];
}

/**
 * What one article says about one name, proposed or not yet: kept so that a
 * later look reads only new articles and adds these (issue #11). Every name
 * is kept, not only proposed ones, since a second article can make a name
 * written once a candidate.
 */
export interface NameSighting {
  /** Folded phrase. */
  key: string;
  /** Written forms and how often each was written. */
  forms: [string, number][];
  count: number;
  /** Mentions that only open a sentence. */
  weak: number;
  personTitle: boolean;
  organisationHead: boolean;
  /** Where the article's example sentence is (not the sentence itself: it is read from the article when quoted). */
  example?: ExampleSpot;
  role?: { text: string; source: 'appositive' | 'leading appositive' | 'title'; spot: ExampleSpot };
}

/**
 * Where an example is in its article: the mention and its sentence as
 * offsets. Sightings keep these instead of the sentences, which would make
 * them larger than the articles (1.7 bytes per character of text, measured
 * on the test articles); the few quoted are read when the candidates are.
 */
export interface ExampleSpot {
  articleId: string;
  start: number;
  end: number;
  /** The sentence's bounds. */
  from: number;
  to: number;
}

/** The names one imported article was found to write (v5: one row per article read). */
export interface ArticleSightings {
  articleId: string;
  sightings: NameSighting[];
}

/** The stored candidates, most mentioned first, leaving out any the reader has decided about since. */
export async function readCandidates(db: NewsContextDatabase): Promise<StoredCandidate[]> {
  return db.transaction('r', db.candidates, db.candidateDecisions, async () => {
    const [candidates, decisions] = await Promise.all([db.candidates.toArray(), db.candidateDecisions.toArray()]);
    const decided = new Set(decisions.map((decision) => decision.key));
    return candidates
      .filter((candidate) => !decided.has(candidate.key))
      .sort((a, b) => b.count - a.count || b.articleCount - a.articleCount || (a.key < b.key ? -1 : 1));
  });
}

/**
 * Which articles a look must read, and the stored sightings of the others:
 * articles with no sightings row are new (or were imported before v5);
 * rows of articles deleted since are dropped. `rescan` forgets every row, so
 * everything is read again (after the entities changed, names split
 * differently at the new known ones).
 */
export async function planLook(
  db: NewsContextDatabase,
  { rescan = false }: { rescan?: boolean } = {},
): Promise<{ unread: string[]; stored: ArticleSightings[] }> {
  return db.transaction('rw', db.articles, db.candidateSightings, async () => {
    if (rescan) await db.candidateSightings.clear();
    // Newest first: a look bounded by size reads the articles the reader just imported.
    const articleIds = (await db.articles.orderBy('importedAt').reverse().primaryKeys()) as string[];
    const present = new Set(articleIds);
    const stored = await db.candidateSightings.toArray();
    const gone = stored.filter((row) => !present.has(row.articleId)).map((row) => row.articleId);
    if (gone.length) await db.candidateSightings.bulkDelete(gone);
    const read = new Set(stored.map((row) => row.articleId));
    return {
      unread: articleIds.filter((id) => !read.has(id)),
      stored: stored.filter((row) => present.has(row.articleId)),
    };
  });
}

/**
 * Stores a look's result in one transaction: the sightings of the articles
 * it read (added to the earlier ones), and the candidates merged from all.
 * Sightings of an article deleted while the look ran are not stored.
 */
export async function saveLook(
  db: NewsContextDatabase,
  read: readonly ArticleSightings[],
  candidates: readonly StoredCandidate[],
): Promise<void> {
  await db.transaction('rw', db.articles, db.candidates, db.candidateSightings, async () => {
    const present = await db.articles.bulkGet(read.map((row) => row.articleId));
    await db.candidateSightings.bulkPut(read.filter((_, position) => present[position] !== undefined));
    await db.candidates.clear();
    await db.candidates.bulkPut(candidates.map((candidate) => ({ ...candidate })));
  });
}

/** The reader's decisions, newest first (for "Undo"). */
export async function readDecisions(db: NewsContextDatabase, limit = 20): Promise<StoredCandidateDecision[]> {
  const decisions = await db.candidateDecisions.toArray();
  return decisions.sort((a, b) => b.decidedAt - a.decidedAt).slice(0, limit);
}

/**
 * Undoes a decision: a dismissed candidate is proposed again; an accepted
 * one's entity is deleted; a merged one's alias is taken off its entity.
 * Returns the catalog after the change (unchanged for a dismissal).
 */
export async function undoDecision(store: CorpusStore, key: string, catalog: ImportCatalog): Promise<ImportCatalog> {
  // One transaction: the entity's change and the decision's removal commit together or not at all.
  return corpusTransaction(store.db, async () => {
    const decision = await store.db.candidateDecisions.get(key);
    if (!decision) return catalog;
    let next = catalog;
    if (decision.decision === 'accepted' && decision.entityId) {
      next = await deleteEntity(store, decision.entityId);
    } else if (decision.decision === 'merged' && decision.entityId) {
      const entity = catalog.entityById.get(decision.entityId);
      if (entity) {
        const aliases = entity.aliases.filter((alias) => foldString(alias.text) !== key);
        if (aliases.length && aliases.length < entity.aliases.length) {
          const change = await saveEntity(store, { ...entity, aliases });
          if (change.ok) next = change.catalog;
        }
      }
    }
    await store.db.candidateDecisions.delete(key);
    return next;
  });
}
