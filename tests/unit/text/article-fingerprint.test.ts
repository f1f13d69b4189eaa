import { describe, expect, it } from 'vitest';
import { textFingerprint, textHashOf, urlKeyOf } from '@/lib/text/article-fingerprint';

describe('urlKeyOf', () => {
  it('ignores what does not change the article: fragment, tracking parameters, www, scheme, trailing slash', () => {
    const key = 'naharnet.com/stories/en/1';
    for (const url of [
      'https://www.naharnet.com/stories/en/1',
      'http://naharnet.com/stories/en/1/',
      'https://www.naharnet.com/stories/en/1?utm_source=x&utm_medium=y#comments',
      'https://WWW.NAHARNET.COM/stories/en/1?fbclid=abc',
    ]) {
      expect(urlKeyOf(url), url).toBe(key);
    }
  });

  it('keeps parameters that pick the article, in a stable order', () => {
    expect(urlKeyOf('https://example.org/read?id=2&lang=en')).toBe(urlKeyOf('https://example.org/read?lang=en&id=2'));
    expect(urlKeyOf('https://example.org/read?id=2')).not.toBe(urlKeyOf('https://example.org/read?id=3'));
  });

  it('gives nothing for what is not an http(s) address', () => {
    expect(urlKeyOf('javascript:alert(1)')).toBe('');
    expect(urlKeyOf('not a url')).toBe('');
    expect(urlKeyOf('data:text/html,hi')).toBe('');
  });
});

describe('the text fingerprint and hash', () => {
  it('set aside case, accents, punctuation, quote style and spacing', async () => {
    expect(textFingerprint('“Aoun”  said…\n\nYes.')).toBe('aoun said yes');
    expect(await textHashOf('Élysée said: "talks".')).toBe(await textHashOf('elysee SAID “talks”'));
    expect(await textHashOf('Aoun said yes.')).not.toBe(await textHashOf('Aoun said no.'));
  });

  it('is a SHA-256 in hex', async () => {
    // SHA-256 of the empty string: the fingerprint of text with no letters or digits.
    expect(await textHashOf(' … ')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
