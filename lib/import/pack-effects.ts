import type { Entity } from '../model/knowledge-base';
import type { Settings } from '../model/settings';
import type { CorpusPack } from '../storage/corpus-pack';
import type { NewsContextDatabase, StoredEntity, StoredFeedback } from '../storage/database';
import { readSettings } from '../storage/settings-store';

/**
 * Everything a corpus pack would do besides adding articles, listed for the
 * preview, each one a choice (issue #14). A shared pack once previewed as
 * "0 articles ready · 2 entities" and then replaced a bundled entity's card,
 * muted a place everywhere, paused two sites and switched the highlight
 * mode. Now each of those is an effect the reader sees and ticks.
 *
 * Off by default: anything that changes what the reader already has or sees
 * (overrides of bundled entities, updates of the reader's own, mutes, paused
 * and extra sites, the highlight mode). On by default: new entities (their
 * aliases already passed the alias rules, `model/alias-rules.ts`) and
 * decisions on proposed entities (they only hide proposals).
 *
 * `choosePackEffects` turns the ticked effects back into a pack holding only
 * them, so the commit path (`commit-import.ts`, `pack-merge.ts`) stays as it is.
 */

export type PackEffectKind =
  | 'new-entity'
  | 'entity-override'
  | 'entity-update'
  | 'mute'
  | 'not-this'
  | 'paused-site'
  | 'extra-site'
  | 'highlight-mode'
  | 'candidate-decisions';

export interface PackEffect {
  /** Stable within one pack: `kind:key`. */
  id: string;
  kind: PackEffectKind;
  /** One line: what it is about (an entity's name, a site). */
  label: string;
  /** What changes, one line each ("role: “old” → “new”"). */
  changes: string[];
  /** Ticked when the preview opens. */
  defaultOn: boolean;
}

/** How each kind is called in the preview, and whether it starts ticked. */
export const PACK_EFFECT_KINDS: Readonly<Record<PackEffectKind, { title: string; defaultOn: boolean }>> = {
  'new-entity': { title: 'New entities', defaultOn: true },
  'entity-override': { title: 'Changes to built-in entities', defaultOn: false },
  'entity-update': { title: 'Changes to your entities', defaultOn: false },
  mute: { title: 'Entities never highlighted ("Don’t highlight this")', defaultOn: false },
  'not-this': { title: 'Entities not highlighted on a site ("Not this")', defaultOn: false },
  'paused-site': { title: 'Sites where annotation is paused', defaultOn: false },
  'extra-site': { title: 'Sites added to the annotated sites', defaultOn: false },
  'highlight-mode': { title: 'Highlight setting', defaultOn: false },
  'candidate-decisions': { title: 'Decisions on proposed entities', defaultOn: true },
};

/** What the pack is compared with: the reader's data as it is now. */
export interface PackEffectContext {
  bundledEntities: readonly Entity[];
  storedEntities: readonly StoredEntity[];
  feedback: readonly StoredFeedback[];
  settings: Settings;
}

const HIGHLIGHT_MODE_WORDS: Readonly<Record<Settings['highlightMode'], string>> = {
  first: 'the first mention of each entity',
  every: 'every mention',
};

function quote(text: string, max = 80): string {
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
}

/** The fields a reader reads on a card, each as one comparable line. */
function entityLines(entity: Entity): [string, string][] {
  return [
    ['name', entity.name],
    ['kind', entity.kind],
    ['other names', entity.aliases.map((alias) => alias.text).join(', ')],
    ['role', entity.role],
    ['background', entity.background],
    ['related', entity.related.join(', ')],
    ['specificity', entity.specificity],
    ['date', entity.date ? JSON.stringify(entity.date) : ''],
    ['cues', (entity.cues ?? []).join(', ')],
    ['role cues', (entity.roleCues ?? []).join(', ')],
  ];
}

/** One line per field that differs: "role: “old” → “new”". */
export function entityDiff(before: Entity, after: Entity): string[] {
  const old = new Map(entityLines(before));
  const lines: string[] = [];
  for (const [field, value] of entityLines(after)) {
    const was = old.get(field) ?? '';
    if (was !== value) lines.push(`${field}: ${quote(was || '(none)')} → ${quote(value || '(none)')}`);
  }
  return lines;
}

/**
 * Every effect of a pack on the reader's data, in the order the preview shows
 * them. Effects that would change nothing (an entity already as the pack has
 * it, a site already paused) are left out.
 */
export function listPackEffects(pack: CorpusPack, context: PackEffectContext): PackEffect[] {
  const effects: PackEffect[] = [];
  const add = (kind: PackEffectKind, key: string, label: string, changes: string[] = []) =>
    effects.push({ id: `${kind}:${key}`, kind, label, changes, defaultOn: PACK_EFFECT_KINDS[kind].defaultOn });
  const bundled = new Map(context.bundledEntities.map((entity) => [entity.id, entity]));
  const stored = new Map(context.storedEntities.map((row) => [row.id, row]));
  const names = new Map(context.bundledEntities.map((entity) => [entity.id, entity.name]));
  for (const row of context.storedEntities) names.set(row.id, row.entity.name);

  for (const { entity } of pack.entities ?? []) {
    names.set(entity.id, names.get(entity.id) ?? entity.name);
    const current = stored.get(entity.id)?.entity ?? bundled.get(entity.id);
    if (!current) {
      add('new-entity', entity.id, entity.name, [
        `${entity.kind}; other names: ${entity.aliases.map((alias) => alias.text).join(', ')}`,
        `role: ${quote(entity.role)}`,
      ]);
      continue;
    }
    const changes = entityDiff(current, entity);
    if (changes.length === 0) continue;
    add(bundled.has(entity.id) ? 'entity-override' : 'entity-update', entity.id, current.name, changes);
  }

  const given = new Set(context.feedback.map((row) => `${row.verdict}\u0000${row.entityId}\u0000${row.site}`));
  for (const row of pack.feedback ?? []) {
    const key = `${row.verdict}\u0000${row.entityId}\u0000${row.site}`;
    if (given.has(key)) continue;
    given.add(key);
    const name = names.get(row.entityId) ?? row.entityId;
    if (row.verdict === 'dont-highlight') add('mute', `${row.entityId}@${row.site}`, name, ['never highlighted']);
    else add('not-this', `${row.entityId}@${row.site}`, name, [`not highlighted on ${row.site || 'any site'}`]);
  }

  if (pack.settings) {
    const paused = new Set(context.settings.pausedSites);
    for (const site of new Set(pack.settings.pausedSites)) if (!paused.has(site)) add('paused-site', site, site);
    const extra = new Set(context.settings.extraSites);
    for (const site of new Set(pack.settings.extraSites)) if (!extra.has(site)) add('extra-site', site, site);
    if (pack.settings.highlightMode !== context.settings.highlightMode) {
      add('highlight-mode', pack.settings.highlightMode, 'Highlight', [
        `${HIGHLIGHT_MODE_WORDS[context.settings.highlightMode]} → ${HIGHLIGHT_MODE_WORDS[pack.settings.highlightMode]}`,
      ]);
    }
  }

  const decisions = pack.candidateDecisions?.length ?? 0;
  if (decisions) add('candidate-decisions', 'all', `${decisions} decision${decisions === 1 ? '' : 's'}`);
  return effects;
}

/** The ids ticked when the preview opens. */
export function defaultPackChoices(effects: readonly PackEffect[]): Set<string> {
  return new Set(effects.filter((effect) => effect.defaultOn).map((effect) => effect.id));
}

/**
 * The pack reduced to its articles and the chosen effects: what the importer
 * then commits. Settings not chosen keep the reader's current values.
 *
 * @example choosePackEffects(pack, new Set(['new-entity:morgan-ortagus']), settings)
 */
export function choosePackEffects(pack: CorpusPack, chosen: ReadonlySet<string>, current: Settings): CorpusPack {
  const { entities, feedback, settings, candidateDecisions, ...rest } = pack;
  const entityChosen = (id: string) =>
    chosen.has(`new-entity:${id}`) || chosen.has(`entity-override:${id}`) || chosen.has(`entity-update:${id}`);
  const keptEntities = (entities ?? []).filter((packed) => entityChosen(packed.entity.id));
  const keptFeedback = (feedback ?? []).filter((row) =>
    chosen.has(`${row.verdict === 'dont-highlight' ? 'mute' : 'not-this'}:${row.entityId}@${row.site}`),
  );
  const pausedSites = (settings?.pausedSites ?? []).filter((site) => chosen.has(`paused-site:${site}`));
  const extraSites = (settings?.extraSites ?? []).filter((site) => chosen.has(`extra-site:${site}`));
  const modeChosen = settings !== undefined && chosen.has(`highlight-mode:${settings.highlightMode}`);
  const anySetting = pausedSites.length > 0 || extraSites.length > 0 || modeChosen;
  return {
    ...rest,
    ...(keptEntities.length ? { entities: keptEntities } : {}),
    ...(keptFeedback.length ? { feedback: keptFeedback } : {}),
    ...(anySetting && settings
      ? {
          settings: {
            highlightMode: modeChosen ? settings.highlightMode : current.highlightMode,
            pausedSites,
            extraSites,
          },
        }
      : {}),
    ...(candidateDecisions?.length && chosen.has('candidate-decisions:all') ? { candidateDecisions } : {}),
  };
}

/** The reader's data a pack is compared with, read in one go. */
export async function readPackEffectContext(
  db: NewsContextDatabase,
  bundledEntities: readonly Entity[],
): Promise<PackEffectContext> {
  const [storedEntities, feedback, settings] = await Promise.all([
    db.entities.toArray(),
    db.feedback.toArray(),
    readSettings(db),
  ]);
  return { bundledEntities, storedEntities, feedback, settings };
}
