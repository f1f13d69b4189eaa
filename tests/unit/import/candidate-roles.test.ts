import { describe, expect, it } from 'vitest';
import { namesInSentence } from '@/lib/import/candidate-names';
import { guessKind, roleFor } from '@/lib/import/candidate-roles';

function role(sentence: string, name: string, knownWords: string[] = []) {
  const known = (start: number, end: number) => knownWords.includes(sentence.slice(start, end));
  const span = namesInSentence(sentence, 0, sentence.length, known).find(
    (found) => sentence.slice(found.start, found.end) === name,
  );
  if (!span) throw new Error(`no name ${name}`);
  return roleFor(sentence, 0, sentence.length, span);
}

describe('proposed roles', () => {
  it('reads French titles with particles, elisions and the head first, and not a French verb after a comma', () => {
    expect(role('L’ex-ambassadeur Antoine Chedid a rencontré des élus.', 'Antoine Chedid')?.text).toBe(
      'ex-ambassadeur',
    );
    expect(role('Il a vu le vice-Premier ministre Tarek Mitri à Beyrouth.', 'Tarek Mitri')?.text).toBe(
      'vice-Premier ministre',
    );
    expect(role('Le secrétaire d’État Jean-Noël Barrot était présent.', 'Jean-Noël Barrot')?.text).toBe(
      'secrétaire d’État',
    );
    expect(role('Le conseiller diplomatique Emmanuel Bonne était présent.', 'Emmanuel Bonne')?.text).toBe(
      'conseiller diplomatique',
    );
    expect(
      role('Le ministre libanais des Affaires étrangères, Youssef Raggi, a reçu l’envoyé français.', 'Youssef Raggi'),
    ).toEqual({ text: 'ministre libanais des Affaires étrangères', source: 'leading appositive' });
    expect(
      role('La porte-parole du Quai d’Orsay, Anne-Claire Legendre, a salué la réunion.', 'Anne-Claire Legendre')?.text,
    ).toBe('porte-parole du Quai d’Orsay');
    // "Quai d’Orsay" is one name, and what the spokeswoman speaks for, not a spokeswoman.
    expect(role('La porte-parole du Quai d’Orsay a salué la réunion.', 'Quai d’Orsay')).toBeUndefined();
    expect(role('Simon Karam, a salué la réunion.', 'Simon Karam')).toBeUndefined();
    expect(role('Mgr Paul Sayah a appelé au calme.', 'Paul Sayah')).toBeUndefined();
  });

  it('reads an appositive after the name, and not a clause', () => {
    expect(
      role("Uri Resnick, deputy head of foreign policy at Israel's National Security Council, said no.", 'Uri Resnick'),
    ).toEqual({ text: "deputy head of foreign policy at Israel's National Security Council", source: 'appositive' });
    expect(role('Simon Karam, a former Lebanese ambassador to Washington, led it.', 'Simon Karam')?.text).toBe(
      'former Lebanese ambassador to Washington',
    );
    expect(role('They called Marco Rubio, a Lebanese official said.', 'Marco Rubio')).toBeUndefined();
    expect(role('Ortagus met Simon Karam, who heads the delegation.', 'Simon Karam')).toBeUndefined();
  });

  it('reads a leading appositive and a title, in English and French', () => {
    expect(role("Israel's representative, Uri Resnick, was there.", 'Uri Resnick', ['Israel'])).toEqual({
      text: "Israel's representative",
      source: 'leading appositive',
    });
    expect(role('The meeting was chaired by US envoy Morgan Ortagus.', 'Morgan Ortagus', ['US'])?.text).toBe(
      'US envoy',
    );
    expect(role('L’émissaire américaine Morgan Ortagus présidait.', 'Morgan Ortagus')?.text).toBe(
      'émissaire américaine',
    );
    expect(
      role('Le Hezbollah, par la voix de son secrétaire général Naïm Kassem, a critiqué.', 'Naïm Kassem')?.text,
    ).toBe('secrétaire général');
    expect(role('Nobody met Simon Karam today.', 'Simon Karam')).toBeUndefined();
  });

  it('guesses the kind with a reason', () => {
    expect(guessKind('World Bank', {})).toEqual({ kind: 'organisation', reason: 'ends with “Bank”' });
    expect(guessKind('Uri Resnick', { role: 'senior official' }).kind).toBe('person');
    expect(guessKind('Naqoura Summit', {}).kind).toBe('event');
    expect(guessKind('Karam Resnick', { personTitle: true })).toEqual({
      kind: 'person',
      reason: 'written with a title',
    });
  });
});
