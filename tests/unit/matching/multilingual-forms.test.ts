/**
 * Arabic, French and Hebrew forms of the knowledge base (issue #12), on
 * paraphrased sentences: transliterations without the Arabic article, names
 * inside guillemets and quotes, tatweel and alef variants, French elision and
 * hyphenated names, and the Blue Line named alone.
 */
import { describe, expect, it } from 'vitest';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { createEntityMatcher, type MatcherSpec } from '@/lib/matching/match-entities';

const { index } = loadBundledIndex();
const matcher = createEntityMatcher(index.matcher as MatcherSpec);
const linked = (text: string) => matcher.match(text).map((match) => match.entityId);

describe('multilingual forms', () => {
  it('links UNIFIL’s Arabic name with or without the article, not the generic UN', () => {
    expect(linked('انتشرت قوات يونيفيل قرب الحدود')).toEqual(['unifil']);
    expect(linked('قالت اليونيفيل إن الدورية عادت')).toEqual(['unifil']);
    expect(linked('دعت قوات الطوارئ الدولية إلى التهدئة')).toEqual(['unifil']);
  });

  it('reads names inside guillemets and quotes, and through tatweel and alef variants', () => {
    expect(linked('Le « Hezbollah » a répondu à la « FINUL ».')).toEqual(['hezbollah', 'unifil']);
    expect(linked('قال «حزب الله» إن الرد سيأتي')).toEqual(['hezbollah']);
    expect(linked('حزب اللـه والامم المتحدة')).toEqual(['hezbollah', 'united-nations']);
  });

  it('reads French elision and hyphenated names', () => {
    expect(linked('l’ONU a demandé le retrait d’Israël du Sud-Liban.')).toEqual([
      'united-nations',
      'israel',
      'southern-lebanon',
    ]);
  });

  it('knows the five border points in French, Arabic and Hebrew', () => {
    expect(linked('Israël occupe toujours cinq positions au Sud-Liban.')).toEqual([
      'israel',
      'five-border-points',
      'southern-lebanon',
    ]);
    expect(linked('لا تزال إسرائيل في المواقع الخمسة')).toEqual(['israel', 'five-border-points']);
    expect(linked('צה"ל נשאר בחמש הנקודות')).toContain('five-border-points');
  });

  it('links the Blue Line named alone, and not a blue line', () => {
    expect(linked('Troops crossed the Blue Line on Monday.')).toEqual(['lebanon-israel-border']);
    expect(linked('She drew a blue line on the map.')).toEqual([]);
    expect(linked('Des soldats ont franchi la Ligne bleue.')).toEqual(['lebanon-israel-border']);
    expect(linked('عبرت دورية الخط الأزرق')).toEqual(['lebanon-israel-border']);
  });
});
