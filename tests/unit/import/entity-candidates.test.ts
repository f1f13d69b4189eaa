import { describe, expect, it } from 'vitest';
import { CandidateCollector } from '@/lib/import/entity-candidates';
import { buildImportCatalog } from '@/lib/storage/imported-corpus';
import { generatedArticle, index } from '../../support/import-fixtures';

const catalog = buildImportCatalog(index, []);

function article(id: string, text: string) {
  return { id, title: `Article ${id}`, text };
}

describe('candidate entities', () => {
  it('proposes unknown proper names with counts, a kind and example sentences from different articles', () => {
    const collector = new CandidateCollector({ matcher: catalog.matcher, decidedKeys: new Set() });
    collector.add(article('a', 'President Joseph Aoun met Morgan Ortagus in Beirut. Morgan Ortagus praised the army.'));
    collector.add(article('b', 'Morgan Ortagus returned to Baabda on Tuesday. The palace at Baabda was busy.'));
    const candidates = collector.candidates();
    const ortagus = candidates.find((candidate) => candidate.name === 'Morgan Ortagus');
    expect(ortagus).toMatchObject({ key: 'morgan ortagus', kind: 'person', count: 3, articleCount: 2 });
    expect(ortagus?.examples.map((example) => example.articleId)).toEqual(['a', 'b']);
    expect(ortagus?.examples[0]).toMatchObject({
      before: 'President Joseph Aoun met ',
      mention: 'Morgan Ortagus',
      after: ' in Beirut.',
    });
    // Known entities (Joseph Aoun, Beirut), titles, days and demonyms are not proposed.
    const names = candidates.map((candidate) => candidate.name);
    for (const known of ['Joseph Aoun', 'President Joseph Aoun', 'Beirut', 'Tuesday', 'Monday'])
      expect(names).not.toContain(known);
    expect(collector.articlesRead).toBe(2);
  });

  it('leaves out phrases the reader already decided about, and one-off names', () => {
    const collector = new CandidateCollector({ matcher: catalog.matcher, decidedKeys: new Set(['morgan ortagus']) });
    collector.add(article('a', 'Morgan Ortagus met Karim Sfeir. Morgan Ortagus left. Rania Haddad wrote it.'));
    const names = collector.candidates().map((candidate) => candidate.name);
    expect(names).not.toContain('Morgan Ortagus');
    expect(names).not.toContain('Rania Haddad');
    expect(collector.candidates(1).map((candidate) => candidate.name)).toContain('Rania Haddad');
  });

  it('reads long articles in chunks without losing offsets', () => {
    const collector = new CandidateCollector({ matcher: catalog.matcher, decidedKeys: new Set() });
    const long = Array.from({ length: 12 }, (_, n) => generatedArticle(n).text).join('\n\n');
    collector.add(article('long', long));
    for (const candidate of collector.candidates()) {
      for (const example of candidate.examples)
        expect(example.mention.toLowerCase()).toBe(candidate.key.replace(/’/g, "'"));
    }
    expect(collector.candidates().map((candidate) => candidate.name)).toEqual(
      expect.arrayContaining(['Morgan Ortagus', 'Karim Sfeir', 'Rania Haddad']),
    );
  });

  it('proposes a name written once with its role, merges its surname and possessive forms, and skips names the matcher gates', () => {
    const collector = new CandidateCollector({
      matcher: catalog.matcher,
      decidedKeys: new Set(),
      knownKeys: new Set(catalog.matcherSpec.aliases.map((alias) => alias.key)),
    });
    collector.add(
      article(
        'a',
        "Israel sent Uri Resnick, deputy head of foreign policy at Israel's National Security Council. Benjamin Netanyahu's office praised the talks. Netanyahu's aides agreed. Rania Haddad wrote it.",
      ),
    );
    const candidates = collector.candidates();
    expect(candidates.find((candidate) => candidate.name === 'Uri Resnick')).toMatchObject({
      kind: 'person',
      role: "deputy head of foreign policy at Israel's National Security Council",
      surname: 'Resnick',
      count: 1,
    });
    expect(candidates.find((candidate) => candidate.name === 'Benjamin Netanyahu')).toMatchObject({
      kind: 'person',
      count: 2,
      surname: 'Netanyahu',
    });
    const names = candidates.map((candidate) => candidate.name);
    // A bare name once is not enough; "National Security Council" is a known (gated) alias; "X's office" is not a person.
    expect(names).not.toContain('Rania Haddad');
    expect(names).not.toContain('National Security Council');
    expect(names).not.toContain('Netanyahu');
    expect(names.some((name) => /office/i.test(name))).toBe(false);
  });

  it('counts a bare name seen in two articles', () => {
    const collector = new CandidateCollector({ matcher: catalog.matcher, decidedKeys: new Set() });
    collector.add(article('a', 'Later, Rania Haddad wrote the report.'));
    collector.add(article('b', 'The report by Rania Haddad was read widely.'));
    expect(collector.candidates().find((candidate) => candidate.name === 'Rania Haddad')).toMatchObject({
      count: 2,
      articleCount: 2,
    });
  });

  describe('read incrementally from stored sightings (issue #11)', () => {
    const first = article('a', 'Lebanon sent Rania Haddad to the talks. Simon Karam, a former ambassador, led them.');
    const second = article('b', 'Rania Haddad spoke later. Morgan Ortagus met Karim Sfeir. Morgan Ortagus left.');
    const filter = () => ({
      matcher: catalog.matcher,
      decidedKeys: new Set<string>(),
      knownKeys: new Set(catalog.matcherSpec.aliases.map((alias) => alias.key)),
    });

    it('gives the same candidates as one look over every article, remembering which articles name each', () => {
      const whole = new CandidateCollector(filter());
      whole.add(first);
      whole.add(second);

      const earlier = new CandidateCollector(filter());
      earlier.add(first);
      // What an earlier import's look stored, as it goes through IndexedDB (structured clone).
      const stored = structuredClone(earlier.sightingsOf('a'));
      // Rania Haddad is written once, bare: not proposed from the first import alone.
      expect(earlier.candidates().map((candidate) => candidate.name)).not.toContain('Rania Haddad');

      const later = new CandidateCollector(filter());
      later.addSightings(stored);
      later.add(second);
      expect(later.charactersRead).toBe(second.text.length);
      // Sightings keep where examples are, not their text: the earlier article is read to quote it, not to scan it.
      expect(later.articlesToQuote()).toEqual(['a']);
      later.addTexts([first]);
      expect(later.articlesToQuote()).toEqual([]);
      expect(later.candidates()).toEqual(whole.candidates());
      const haddad = later.candidates().find((candidate) => candidate.name === 'Rania Haddad');
      expect(haddad).toMatchObject({ count: 2, articleCount: 2, articleIds: ['a', 'b'] });
      expect(later.candidates().find((candidate) => candidate.name === 'Simon Karam')).toMatchObject({
        role: 'former ambassador',
        articleIds: ['a'],
      });
    });

    it('leaves out names decided about or known since the sightings were stored, and keeps them for an Undo', () => {
      const earlier = new CandidateCollector(filter());
      earlier.add(second);
      const stored = earlier.sightingsOf('b');
      expect(stored.sightings.map((sighting) => sighting.key)).toEqual(
        expect.arrayContaining(['morgan ortagus', 'karim sfeir']),
      );
      const decided = new CandidateCollector({ ...filter(), decidedKeys: new Set(['morgan ortagus']) });
      decided.addSightings(stored);
      expect(decided.candidates().map((candidate) => candidate.name)).not.toContain('Morgan Ortagus');
      const known = new CandidateCollector({ ...filter(), knownKeys: new Set(['morgan ortagus']) });
      known.addSightings(stored);
      expect(known.candidates().map((candidate) => candidate.name)).not.toContain('Morgan Ortagus');
      const undone = new CandidateCollector(filter());
      undone.addSightings(stored);
      expect(undone.candidates().map((candidate) => candidate.name)).toContain('Morgan Ortagus');
    });

    it('adds an article’s stored sightings once', () => {
      const earlier = new CandidateCollector(filter());
      earlier.add(second);
      const stored = earlier.sightingsOf('b');
      const twice = new CandidateCollector(filter());
      twice.addSightings(stored);
      twice.addSightings(stored);
      expect(twice.candidates().find((candidate) => candidate.name === 'Morgan Ortagus')?.count).toBe(2);
    });
  });

  it('folds the Hebrew and Arabic forms of a name into its Latin candidate, to add as aliases', () => {
    const collector = new CandidateCollector({
      matcher: catalog.matcher,
      decidedKeys: new Set(),
      knownKeys: new Set(catalog.matcherSpec.aliases.map((alias) => alias.key)),
    });
    collector.add(article('en', 'The talks were led by Karim Haddad, a retired judge, in Naqoura.'));
    collector.add(article('he', 'את המשלחת מוביל כרים חדאד, שופט בדימוס, בנאקורה.'));
    collector.add(article('ar', 'والتقى الوزير السابق كريم حداد بالوفد.'));
    const candidates = collector.candidates();
    expect(candidates.map((candidate) => candidate.name)).toEqual(['Karim Haddad']);
    expect(candidates[0]).toMatchObject({
      otherForms: expect.arrayContaining(['כרים חדאד', 'كريم حداد']),
      count: 3,
      articleCount: 3,
      articleIds: ['en', 'he', 'ar'],
    });
    expect(candidates[0]?.examples.map((example) => example.articleId)).toEqual(['en', 'he', 'ar']);
  });
});
