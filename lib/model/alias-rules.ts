import { foldString } from '../text/fold-text';
import { entitySchema } from './knowledge-base';

/**
 * What an alias must be to be worth matching (issue #14). A shared corpus
 * pack once added an entity whose aliases were "the", "a", "of" and "and":
 * 115 highlights on one page. An alias needs at least two letters, and it
 * cannot be made only of stop words of a language we match in (English,
 * French, Arabic, Hebrew). Checked on folded text, so "THE" and "Thé" are
 * refused like "the".
 */

/** Function words of the alias languages, folded. Short on purpose: only words that are never a name on their own. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // English
    'a an and are as at be but by for from has have he her his i in into is it its of on or our she that the their them they this to was we were which who will with you',
    // French
    "au aux avec ce ces dans de des du elle en et il ils je la le les leur lui ma mais me mes ne nous on ou par pas pour qu que qui sa se ses son sur ta te tes ton tu un une vous l' d'",
    // Arabic
    'في من على إلى الى عن مع هذا هذه ذلك التي الذي و أو او ثم لا ما قد كان هو هي',
    // Hebrew
    'של את על עם זה זו הוא היא לא כי או גם אבל אם',
  ]
    .join(' ')
    .split(' ')
    .map((word) => foldString(word)),
);

/** Letters in any script: digits and punctuation alone do not name anything. */
const LETTER_RE = /\p{L}/gu;

/**
 * Why an alias is refused, or null when it is fine.
 *
 * @example aliasProblem('the') // 'is a common word ("the"): …'
 * @example aliasProblem('Naqoura') // null
 * @example aliasProblem('UN', { caseSensitive: true }) // null: an acronym, not the French "un"
 */
export function aliasProblem(alias: string, options: { caseSensitive?: boolean } = {}): string | null {
  const letters = alias.match(LETTER_RE)?.length ?? 0;
  if (letters < 2) return 'is too short: an alias needs at least two letters';
  // A case-sensitive acronym ("UN", "AP") matches only in capitals, where it is no longer the French "un".
  if (options.caseSensitive && alias === alias.toUpperCase() && alias !== alias.toLowerCase()) return null;
  const words = foldString(alias)
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
  if (words.length > 0 && words.every((word) => STOP_WORDS.has(word))) {
    return `is a common word ("${alias.trim()}"): it would be highlighted everywhere. Use a name`;
  }
  return null;
}

/** True when the folded word is one of the stop words aliases cannot be made of. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(foldString(word));
}

/** Bounds on a reader's or a pack's entity: no name is longer, no entity has more names. */
export const READER_ENTITY_LIMITS = { text: 200, aliases: 50, related: 100, cues: 50 } as const;

/**
 * The knowledge base's entity schema plus the alias rules: for entities that
 * come from the reader or a corpus pack. (The bundled knowledge base is
 * curated and keeps its own checks.)
 */
export const readerEntitySchema = entitySchema.superRefine((entity, ctx) => {
  const tooLong = (path: PropertyKey[], value: string, max: number) => {
    if (value.length > max) ctx.addIssue({ code: 'custom', path, message: `is too long: at most ${max} characters` });
  };
  const tooMany = (path: PropertyKey[], list: readonly unknown[] | undefined, max: number) => {
    if ((list?.length ?? 0) > max)
      ctx.addIssue({ code: 'custom', path, message: `has too many entries: at most ${max}` });
  };
  tooLong(['id'], entity.id, READER_ENTITY_LIMITS.text);
  tooLong(['name'], entity.name, READER_ENTITY_LIMITS.text);
  tooMany(['aliases'], entity.aliases, READER_ENTITY_LIMITS.aliases);
  tooMany(['related'], entity.related, READER_ENTITY_LIMITS.related);
  tooMany(['cues'], entity.cues, READER_ENTITY_LIMITS.cues);
  tooMany(['roleCues'], entity.roleCues, READER_ENTITY_LIMITS.cues);
  for (const field of ['related', 'cues', 'roleCues'] as const) {
    (entity[field] ?? []).forEach((text, position) => {
      tooLong([field, position], text, READER_ENTITY_LIMITS.text);
    });
  }
  entity.aliases.forEach((alias, position) => {
    tooLong(['aliases', position, 'text'], alias.text, READER_ENTITY_LIMITS.text);
    const problem = aliasProblem(alias.text, alias);
    if (problem) ctx.addIssue({ code: 'custom', path: ['aliases', position, 'text'], message: problem });
  });
});
