import { readerEntitySchema } from '../model/alias-rules';
import { type ImportProblem, problemsFromZod } from '../model/import-problems';
import type { Alias, Entity, EntityInput, EntityKind } from '../model/knowledge-base';
import { foldString } from '../text/fold-text';
import type { StoredCandidateDecision, StoredEntity } from './database';
import {
  buildImportCatalog,
  type CorpusStore,
  corpusTransaction,
  type ImportCatalog,
  readImportCatalog,
  rematchImportedArticles,
} from './imported-corpus';

/**
 * The reader's entities (issue #5): accepting a candidate, merging it into an
 * entity as an alias, dismissing it, and editing any entity. A reader's edit
 * of a bundled entity is stored as an override under the same id, so it
 * survives a rebuild of the bundled index (the catalog lays it over the
 * bundle); deleting the override restores the bundled entity.
 *
 * Each change is one transaction that also matches the imported articles
 * again, so the entity's excerpts (and the search entries naming it) are
 * right the moment it commits. The caller then tells the background
 * (`catalog/changed`), which re-annotates open pages.
 */
export type EntityChange =
  | { ok: true; entityId: string; catalog: ImportCatalog }
  | { ok: false; problems: ImportProblem[] };

/** What the reader fills in when accepting a candidate. */
export interface NewEntityFields {
  name: string;
  kind: EntityKind;
  /** Other names it goes by; the candidate's phrase is always one. */
  aliases: readonly string[];
  /** Surname-only forms ("Ortagus"): linked only with the full name or a title in the same text, as the bundled ones are. */
  surnames?: readonly string[];
  role?: string;
  background?: string;
  /** Events only: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
}

/**
 * A kebab-case id from a name, unique among `taken`.
 *
 * @example entityIdFor('Morgan Ortagus', new Set()) // 'morgan-ortagus'
 */
export function entityIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    foldString(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'entity';
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

/** Aliases from text, each once (case and accents aside), the name first. */
export function aliasesFrom(texts: readonly string[], keep: readonly Alias[] = []): Alias[] {
  const seen = new Set(keep.map((alias) => foldString(alias.text)));
  const out = [...keep];
  for (const text of texts) {
    const trimmed = text.trim();
    const key = foldString(trimmed);
    if (!trimmed || seen.has(key)) continue;
    seen.add(key);
    out.push({
      text: trimmed,
      lang: /[\u0600-\u06ff]/.test(trimmed) ? 'ar' : /[\u0590-\u05ff]/.test(trimmed) ? 'he' : 'en',
    });
  }
  return out;
}

/** Adds surname-only aliases (marked ambiguous, so the matcher gates them) that are not already names of the entity. */
export function withSurnames(aliases: Alias[], surnames: readonly string[]): Alias[] {
  const out = [...aliases];
  const seen = new Set(aliases.map((alias) => foldString(alias.text)));
  for (const surname of surnames) {
    const text = surname.trim();
    const key = foldString(text);
    if (!text || seen.has(key)) continue;
    seen.add(key);
    out.push({
      text,
      lang: /[\u0600-\u06ff]/.test(text) ? 'ar' : /[\u0590-\u05ff]/.test(text) ? 'he' : 'en',
      ambiguous: true,
    });
  }
  return out;
}

/**
 * Validates and stores an entity (new, or an edit of a bundled or user one),
 * then matches the imported articles again. One transaction.
 */
export async function saveEntity(store: CorpusStore, input: EntityInput, file = 'Entity'): Promise<EntityChange> {
  const parsed = readerEntitySchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(file, parsed.error) };
  const entity = parsed.data;
  const catalog = await corpusTransaction(store.db, async () => {
    await putEntity(store, entity);
    return refreshCatalog(store, [entity.id]);
  });
  return { ok: true, entityId: entity.id, catalog };
}

/**
 * Accepts a candidate: a new entity with the candidate's phrase among its
 * aliases, and the decision remembered so the candidate is not proposed again.
 */
export async function acceptCandidate(
  store: CorpusStore,
  candidate: { key: string; name: string },
  fields: NewEntityFields,
  catalog: ImportCatalog,
): Promise<EntityChange> {
  const taken = new Set(catalog.entities.map((entity) => entity.id));
  const name = fields.name.trim() || candidate.name;
  const input: EntityInput = {
    id: entityIdFor(name, taken),
    kind: fields.kind,
    name,
    aliases: withSurnames(aliasesFrom([name, candidate.name, ...fields.aliases]), fields.surnames ?? []),
    role: fields.role?.trim() || 'Added by you from your imported articles',
    background: fields.background?.trim() || `First found in your imported articles as “${candidate.name}”.`,
    related: [],
    specificity: 'specific',
    ...(fields.kind === 'event'
      ? { date: { start: fields.date?.trim() ?? '', precision: datePrecision(fields.date) } }
      : {}),
  };
  const parsed = readerEntitySchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(candidate.name, parsed.error) };
  const entity = parsed.data;
  const next = await corpusTransaction(store.db, async () => {
    await putEntity(store, entity);
    await store.db.candidateDecisions.put({
      key: candidate.key,
      decision: 'accepted',
      entityId: entity.id,
      decidedAt: now(store),
    });
    return refreshCatalog(store, [entity.id]);
  });
  return { ok: true, entityId: entity.id, catalog: next };
}

/** Longest name a new entity may have: a selection longer than this is a passage, not a name. */
export const MAX_NAME_CHARS = 120;

/**
 * Why `name` cannot be a new entity's name, or undefined when it can: empty,
 * too long, no letter, or already a name of another entity (which would make
 * the two compete for the same words on every page).
 *
 * @example newEntityNameProblem('Hezbollah', catalog) // 'is already a name of Hezbollah: add to that entity instead'
 */
export function newEntityNameProblem(name: string, catalog: ImportCatalog): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'is empty: type the name the entity goes by';
  if (trimmed.length > MAX_NAME_CHARS)
    return `is ${trimmed.length} characters long: a name has at most ${MAX_NAME_CHARS}`;
  if (!/\p{L}/u.test(trimmed)) return 'has no letter';
  // A name is written with a capital (or in a script without case): "the" or "talks" is a word, not an entity.
  if (!/[\p{Lu}\u0590-\u05ff\u0600-\u06ff]/u.test(trimmed))
    return 'has no capital letter: type the name as the news writes it';
  const key = foldString(trimmed);
  const owner = catalog.entities.find((entity) =>
    [entity.name, ...entity.aliases.map((alias) => alias.text)].some((text) => foldString(text) === key),
  );
  if (owner) return `is already a name of ${owner.name}: edit that entity instead`;
  return undefined;
}

/**
 * Creates an entity from scratch (the Entities tab's "New entity"): its name,
 * other names, surname-only forms (gated by the matcher like the bundled
 * ones), role and background. One transaction, like every change.
 */
export async function createEntity(
  store: CorpusStore,
  fields: NewEntityFields,
  catalog: ImportCatalog,
): Promise<EntityChange> {
  const name = fields.name.trim();
  const problem = newEntityNameProblem(name, catalog);
  if (problem) return { ok: false, problems: [{ file: name || 'New entity', field: 'name', reason: problem }] };
  const input: EntityInput = {
    id: entityIdFor(name, new Set(catalog.entities.map((entity) => entity.id))),
    kind: fields.kind,
    name,
    aliases: withSurnames(aliasesFrom([name, ...fields.aliases]), fields.surnames ?? []),
    role: fields.role?.trim() || 'Added by you',
    background: fields.background?.trim() || 'Added by you in the Entities tab.',
    related: [],
    specificity: 'specific',
    ...(fields.kind === 'event'
      ? { date: { start: fields.date?.trim() ?? '', precision: datePrecision(fields.date) } }
      : {}),
  };
  return saveEntity(store, input, name);
}

/** Merges a candidate into an existing entity as an alias (a bundled entity gets an override). */
export async function mergeCandidate(
  store: CorpusStore,
  candidate: { key: string; name: string },
  entityId: string,
  catalog: ImportCatalog,
): Promise<EntityChange> {
  const target = catalog.entityById.get(entityId);
  if (!target) {
    return {
      ok: false,
      problems: [{ file: candidate.name, field: 'entity', reason: 'no longer exists: choose another' }],
    };
  }
  const entity: Entity = { ...target, aliases: aliasesFrom([candidate.name], target.aliases) };
  const next = await corpusTransaction(store.db, async () => {
    await putEntity(store, entity);
    await store.db.candidateDecisions.put({ key: candidate.key, decision: 'merged', entityId, decidedAt: now(store) });
    return refreshCatalog(store, [entityId]);
  });
  return { ok: true, entityId, catalog: next };
}

/** Dismisses a candidate: it is not proposed again. */
export async function dismissCandidate(store: CorpusStore, candidateKey: string): Promise<void> {
  await store.db.candidateDecisions.put({ key: candidateKey, decision: 'dismissed', decidedAt: now(store) });
}

/** What deleting an entity removed, so it can be undone. */
export interface RemovedEntity {
  /** The stored row (the reader's entity, or their edit of a bundled one); undefined when there was none. */
  stored: StoredEntity | undefined;
  /** Decisions on proposed entities that pointed at it ("Add", "Add to an existing entity"). */
  decisions: StoredCandidateDecision[];
}

/**
 * Deletes the reader's entity, or their edit of a bundled one (which brings
 * the bundled version back). Bundled entities themselves cannot be deleted.
 *
 * The decisions that made it (a candidate accepted as this entity, or merged
 * into it as an alias) go with it, so the candidate is proposed again: before
 * issue #14 it stayed "accepted" and was never proposed again, though nothing
 * on any page carried its name any more. One transaction; keep `removed` to
 * undo it with {@link restoreEntity}.
 */
export async function removeEntity(
  store: CorpusStore,
  entityId: string,
): Promise<{ catalog: ImportCatalog; removed: RemovedEntity }> {
  return corpusTransaction(store.db, async () => {
    const stored = await store.db.entities.get(entityId);
    const decisions = await store.db.candidateDecisions.filter((decision) => decision.entityId === entityId).toArray();
    await store.db.entities.delete(entityId);
    await store.db.candidateDecisions.bulkDelete(decisions.map((decision) => decision.key));
    return { catalog: await refreshCatalog(store, [entityId]), removed: { stored, decisions } };
  });
}

/** {@link removeEntity}, for callers that need only the new catalog. */
export async function deleteEntity(store: CorpusStore, entityId: string): Promise<ImportCatalog> {
  return (await removeEntity(store, entityId)).catalog;
}

/**
 * Undoes {@link removeEntity}: the entity row and its decisions come back as
 * they were. An entity saved under the same id meanwhile is not overwritten
 * (`restored: false`): the newer one is the reader's latest word. One transaction.
 */
export async function restoreEntity(
  store: CorpusStore,
  removed: RemovedEntity,
): Promise<{ catalog: ImportCatalog; restored: boolean }> {
  return corpusTransaction(store.db, async () => {
    const { stored } = removed;
    if (!stored || (await store.db.entities.get(stored.id))) {
      return { catalog: await readImportCatalog(store.db, store.index), restored: false };
    }
    await store.db.entities.put(stored);
    const decided = new Set(
      (await store.db.candidateDecisions.bulkGet(removed.decisions.map((decision) => decision.key)))
        .filter((decision) => decision !== undefined)
        .map((decision) => decision.key),
    );
    // A candidate the reader decided about again meanwhile keeps that newer decision.
    await store.db.candidateDecisions.bulkPut(removed.decisions.filter((decision) => !decided.has(decision.key)));
    return { catalog: await refreshCatalog(store, [stored.id]), restored: true };
  });
}

function datePrecision(date: string | undefined): 'day' | 'month' | 'year' | 'unknown' {
  const parts = date?.trim() ? date.trim().split('-').length : 0;
  return parts === 3 ? 'day' : parts === 2 ? 'month' : parts === 1 ? 'year' : 'unknown';
}

function now(store: CorpusStore): number {
  return (store.now ?? Date.now)();
}

async function putEntity(store: CorpusStore, entity: Entity): Promise<void> {
  const bundled = store.index.entities.some((candidate) => candidate.id === entity.id);
  // Strictly later than the last edit, even within one millisecond: the catalog tells versions apart by it.
  const previous = (await store.db.entities.get(entity.id))?.updatedAt ?? -1;
  const updatedAt = Math.max(now(store), previous + 1);
  const stored: StoredEntity = { id: entity.id, origin: bundled ? 'override' : 'user', entity, updatedAt };
  await store.db.entities.put(stored);
}

async function refreshCatalog(store: CorpusStore, changed: readonly string[]): Promise<ImportCatalog> {
  const catalog = buildImportCatalog(store.index, await store.db.entities.toArray());
  await rematchImportedArticles(store.db, catalog, store.search, changed);
  return catalog;
}
