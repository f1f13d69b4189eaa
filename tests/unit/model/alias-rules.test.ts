import { describe, expect, it } from 'vitest';
import { aliasProblem, isStopWord, READER_ENTITY_LIMITS, readerEntitySchema } from '@/lib/model/alias-rules';
import { index } from '../../support/import-fixtures';

describe('alias rules', () => {
  it('refuse aliases with fewer than two letters', () => {
    for (const alias of ['a', 'I', '7', '42', 'x.', '']) expect(aliasProblem(alias)).toMatch(/two letters/);
    expect(aliasProblem('UN', { caseSensitive: true })).toBeNull();
    // Not case-sensitive, "UN" would also match the French article "un".
    expect(aliasProblem('UN')).toMatch(/common word/);
  });

  it('refuse stop words of every alias language, whatever their case or accents', () => {
    for (const alias of ['the', 'THE', 'of the', 'and', 'les', 'Dans', 'في', 'من', 'של', 'את'])
      expect(aliasProblem(alias), alias).toMatch(/common word/);
    expect(isStopWord('Thé')).toBe(true);
  });

  it('accept names, including ones that start with a stop word', () => {
    for (const alias of ['Naqoura', 'The Hague', 'حزب الله', 'Hezbollah', 'Ortagus', 'de Gaulle'])
      expect(aliasProblem(alias), alias).toBeNull();
  });

  it('accept every alias of the bundled knowledge base (the rules refuse noise, not real names)', () => {
    const refused = index.entities.flatMap((entity) =>
      entity.aliases.filter((alias) => aliasProblem(alias.text, alias)).map((alias) => `${entity.id}: ${alias.text}`),
    );
    expect(refused).toEqual([]);
  });

  it('bound a reader entity’s names and lists', () => {
    const base = { id: 'x-y', kind: 'person', name: 'X Y', role: 'R', background: 'B.' };
    const many = Array.from({ length: READER_ENTITY_LIMITS.aliases + 1 }, (_, n) => ({ text: `Name ${n}` }));
    const result = readerEntitySchema.safeParse({ ...base, aliases: many });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/too many/);
    const long = readerEntitySchema.safeParse({ ...base, aliases: [{ text: 'N'.repeat(201) }] });
    expect(long.error?.issues[0]?.message).toMatch(/too long/);
    expect(readerEntitySchema.safeParse({ ...base, aliases: [{ text: 'X Y' }] }).success).toBe(true);
  });
});
