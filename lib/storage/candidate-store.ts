/**
 * The candidate entities the importer proposed, kept in the database (issue
 * #11): before, they lived in the options page's memory, so "Import more",
 * a reload or a restart dropped every one the reader had not decided about.
 * Each look over the imported articles replaces the stored list in one
 * transaction; decisions (accepted, merged, dismissed) stay in their own
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
  /** Mentions across the articles read (its surname alone included). */
  count: number;
  /** Articles it appears in. */
  articleCount: number;
  examples: CandidateExample[];
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

/** Replaces the stored candidates with a new look's, in one transaction. */
export async function replaceCandidates(
  db: NewsContextDatabase,
  candidates: readonly StoredCandidate[],
): Promise<void> {
  await db.transaction('rw', db.candidates, async () => {
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
