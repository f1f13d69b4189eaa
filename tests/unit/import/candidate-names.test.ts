import { describe, expect, it } from 'vitest';
import { namesInSentence, tokenize } from '@/lib/import/candidate-names';

function names(sentence: string, knownWords: string[] = []) {
  const known = (start: number, end: number) => knownWords.includes(sentence.slice(start, end));
  return namesInSentence(sentence, 0, sentence.length, known).map((name) => ({
    name: sentence.slice(name.start, name.end),
    title: name.title.map((token) => token.text).join(' '),
    weak: name.sentenceInitial,
  }));
}

describe('names in a sentence', () => {
  it('splits runs at commas and at known entities, keeping the unknown name', () => {
    expect(names('Officials in Washington, Simon Karam and others met.').map((name) => name.name)).toEqual([
      'Washington',
      'Simon Karam',
    ]);
    expect(names('Lebanon Morgan Ortagus visited', ['Lebanon']).map((name) => name.name)).toEqual(['Morgan Ortagus']);
    expect(names("Israel's National Security Council met", ['Israel']).map((name) => name.name)).toEqual([
      'National Security Council',
    ]);
  });

  it('strips titles, honorifics and possessive heads, and keeps organisation names whole', () => {
    expect(names('U.S. Deputy Special Envoy Morgan Ortagus met him', ['U.S.'])).toEqual([
      { name: 'Morgan Ortagus', title: 'Deputy Special Envoy', weak: false },
    ]);
    expect(names('Mme Ortagus a salué la réunion.')).toEqual([{ name: 'Ortagus', title: 'Mme', weak: false }]);
    expect(names('He read Benjamin Netanyahu’s office statement.').map((name) => name.name)).toEqual([
      'Benjamin Netanyahu',
    ]);
    expect(names('He met the Council for Development and Reconstruction.').map((name) => name.name)).toEqual([
      'Council for Development and Reconstruction',
    ]);
    expect(names('Simon Karam and Uri Resnick met.').map((name) => name.name)).toEqual(['Simon Karam', 'Uri Resnick']);
  });

  it('drops sentence openers, demonyms, days and French generic nouns, and marks one opening word as weak', () => {
    expect(names('The Israeli army said on Friday that Le Conseil national met.')).toEqual([]);
    expect(names('Karam told reporters.')).toEqual([{ name: 'Karam', title: '', weak: true }]);
    // compromise's lexicon knows demonyms and plural nouns the lists do not; a title makes a word a surname.
    expect(
      names('Many Tunisians and Muslims met Tunisian Prime Minister Habib Essid.').map((name) => name.name),
    ).toEqual(['Habib Essid']);
    expect(names('He met Mr. Reeves.').map((name) => name.name)).toEqual(['Reeves']);
    expect(names('Why Tunisia matters').map((name) => name.name)).toEqual(['Tunisia']);
  });

  it('tokenizes elisions, possessives and abbreviations', () => {
    const tokens = tokenize('l’émissaire Lt. Gen. Michael Leeney’s team', 0, 43);
    expect(tokens.map((token) => token.text)).toEqual(['émissaire', 'Lt.', 'Gen.', 'Michael', 'Leeney', 'team']);
    expect(tokens[4]?.possessive).toBe(true);
  });
});
