/**
 * Pages and alias lists for the annotation benchmark (issue #6), generated
 * deterministically so every run, and every tool, sees the same input.
 *
 * - Pages come from the shared large-page generator
 *   (`tests/fixtures/pages/generate-large-page.mjs`): news-article markup
 *   (headings, paragraphs, links, inline emphasis, lists, tables, quotes) with
 *   about one entity mention every 300 characters of text, at any size.
 * - Alias lists are nested prefixes of one ordering: first the knowledge
 *   base's aliases that occur on the page (most frequent first, so even the
 *   10-alias list finds mentions and makes the page related), then the rest
 *   of the knowledge base's 612, then generated person and organisation names
 *   (seeded PRNG) up to 5,000. The same list feeds mark.js (its distinct
 *   texts) and our matcher (entities built from the same aliases).
 */
import { readFileSync } from 'node:fs';
import type { AnnotationEntity } from '../../lib/matching/page-relevance';
import { type Entity, entitySchema, knowledgeBaseSchema } from '../../lib/model/knowledge-base';
import { generateLargePage } from '../fixtures/pages/generate-large-page.mjs';
import { mulberry32 } from './seeded-random';

/** A page of about `targetBytes` bytes of HTML (ASCII, so bytes = characters). */
export function benchPage(targetBytes: number): string {
  return generateLargePage(targetBytes);
}

/** The page's visible text, roughly (tags dropped): to rank aliases by how often they occur. */
function roughText(html: string): string {
  return html
    .replace(/<(script|style|title)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'");
}

/** Whole-word occurrences ("ban" inside "Lebanon" does not count). */
function occurrences(text: string, needle: string): number {
  const isLetter = (at: number) => at >= 0 && at < text.length && /[\p{L}\p{N}]/u.test(text.charAt(at));
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    if (!isLetter(at - 1) && !isLetter(at + needle.length)) count++;
  }
  return count;
}

// Name parts of the region's news, transliterated the ways the wires write them.
const FIRST_NAMES = (
  'Ahmad Ali Amal Amin Antoine Ayman Bassam Bilal Camille Carlos Charbel Dalia Dana Daniel David Elias Eyal Fadi ' +
  'Farid Fatima Ghassan Hadi Haitham Hana Hassan Hiba Hussein Ibrahim Imad Issam Jad Jamal Jihad Joelle Kamal ' +
  'Karim Khalil Lara Layla Lina Mahmoud Maya Marwan Michel Mira Mohammad Mona Moshe Nabil Nadia Nadim Naim Nasser ' +
  'Nour Omar Rami Rania Riad Rima Salim Samir Sami Samira Sarah Shimon Tarek Wael Walid Yasmine Yossi Youssef Ziad'
).split(' ');
const SURNAMES = (
  'Abboud Abdallah Abou-Jaoude Aziz Bakri Barakat Bassil Bitar Chamoun Daher Darwish Eid Fadlallah Farhat Frangieh ' +
  'Gemayel Ghosn Habib Haddad Hajj Halabi Hamadeh Harb Hariri Hatem Helou Issa Jaber Jumblatt Kanaan Karam Khalaf ' +
  'Khoury Kassab Lahoud Maalouf Makhoul Mansour Matar Moawad Mouawad Nader Nassar Nehme Obeid Rahme Rizk Saade Saba ' +
  'Sabbagh Saleh Sarkis Sfeir Shami Shehadi Skaff Srour Tabet Tannous Touma Wehbe Yazbek Zein Zogby Ben-David ' +
  'Cohen Levi Mizrahi Peretz Biton Friedman Azoulay Dahan Shapiro Golan Ashkenazi Katz Segal Rosen'
).split(' ');
const ORGANISATION_STEMS = (
  'Cedar Litani Bekaa Tyre Sidon Byblos Zahle Akkar Chouf Metn Keserwan Hermel Marjayoun Jezzine Batroun Nabatieh ' +
  'Baalbek Tripoli Jounieh Damour Levant Mediterranean Phoenician Crescent Horizon Harbour Northern Southern Coastal ' +
  'Mountain Valley Riverside Unity Future Renewal Dignity Solidarity Independence Reform Progress Heritage'
).split(' ');
const ORGANISATION_WORDS = (
  'Foundation Movement Party Bloc Alliance Council Institute Brigade Group Bank Holdings Association Union League ' +
  'Front Trust Committee Assembly Network Forum Centre Initiative Coalition Federation'
).split(' ');

/** One alias of the list and the entity it names. */
interface ListedAlias {
  entity: Entity;
  alias: Entity['aliases'][number];
}

/** The knowledge base's alias entries, those on the page first (most frequent first), then in file order. */
function rankedKnowledgeBaseAliases(): ListedAlias[] {
  const knowledgeBase = knowledgeBaseSchema.parse(
    JSON.parse(readFileSync(new URL('../../data/knowledge-base.json', import.meta.url), 'utf8')),
  );
  const entries = knowledgeBase.entities.flatMap((entity) => entity.aliases.map((alias) => ({ entity, alias })));
  const text = roughText(benchPage(100_000));
  const counts = new Map(entries.map((entry) => [entry, occurrences(text, entry.alias.text)]));
  // A stable sort keeps file order among equals.
  return [...entries].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
}

/** Generated, plausible names: persons (two in three) and organisations, distinct from each other and the knowledge base. */
function generatedAliases(count: number, taken: Set<string>): ListedAlias[] {
  const random = mulberry32(20_261_122);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const generated: ListedAlias[] = [];
  const seen = new Set([...taken].map((text) => text.toLowerCase()));
  while (generated.length < count) {
    const person = random() < 0.67;
    const text = person
      ? `${pick(FIRST_NAMES)} ${pick(SURNAMES)}`
      : // No leading "the": the knowledge base writes organisations without it (1 alias in 612 has one).
        `${pick(ORGANISATION_STEMS)} ${pick(ORGANISATION_STEMS)} ${pick(ORGANISATION_WORDS)}`;
    if (seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    const entity = entitySchema.parse({
      id: `generated-${generated.length + 1}`,
      kind: person ? 'person' : 'organisation',
      name: text,
      aliases: [{ text }],
      role: person ? 'A generated person, for the benchmark.' : 'A generated organisation, for the benchmark.',
      background: 'Generated by tests/bench/bench-pages.ts to grow the alias list (issue #6).',
    });
    generated.push({ entity, alias: entity.aliases[0] as Entity['aliases'][number] });
  }
  return generated;
}

let ordering: ListedAlias[] | undefined;

/** Every alias entry, in the order the nested lists take them (computed once). */
function aliasOrdering(): ListedAlias[] {
  if (!ordering) {
    const real = rankedKnowledgeBaseAliases();
    ordering = [
      ...real,
      ...generatedAliases(MAX_ALIASES - real.length, new Set(real.map((entry) => entry.alias.text))),
    ];
  }
  return ordering;
}

/** The largest alias list the benchmark uses. */
export const MAX_ALIASES = 5000;

/** One alias list, in both tools' terms. */
export interface BenchAliasList {
  /** Alias entries in the list (an alias two entities share, like "Aoun", counts twice). */
  size: number;
  /** Distinct alias texts: what mark.js is given. */
  texts: string[];
  /** The entities our matcher is built from: each with only its aliases on the list. */
  entities: Entity[];
  /** What the annotator needs to know about them. */
  annotationEntities: AnnotationEntity[];
}

/**
 * The first `size` alias entries of the ordering: real knowledge-base aliases
 * first, generated names after the 612th. Lists are nested (10 ⊂ 100 ⊂ 1,000).
 */
export function benchAliasList(size: number): BenchAliasList {
  if (size > MAX_ALIASES) throw new Error(`News Context bench: at most ${MAX_ALIASES} aliases, not ${size}`);
  const chosen = aliasOrdering().slice(0, size);
  const byEntity = new Map<Entity, Entity['aliases']>();
  for (const { entity, alias } of chosen) {
    const aliases = byEntity.get(entity);
    if (aliases) aliases.push(alias);
    else byEntity.set(entity, [alias]);
  }
  // `related` may name entities that are not in a short list; annotation does not read it.
  const entities = [...byEntity].map(([entity, aliases]) => entitySchema.parse({ ...entity, aliases, related: [] }));
  return {
    size,
    texts: [...new Set(chosen.map((entry) => entry.alias.text))],
    entities,
    annotationEntities: entities.map(({ id, name, kind, specificity }) => ({ id, name, kind, specificity })),
  };
}
