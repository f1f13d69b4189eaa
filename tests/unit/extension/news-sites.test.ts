import { describe, expect, it } from 'vitest';
import { DEFAULT_NEWS_SITES, isDefaultNewsSite, newsSiteMatchPatterns } from '@/lib/extension/news-sites';

describe('default news sites', () => {
  it('lists at least 30 sites, including Lebanese, Israeli and Arab outlets', () => {
    expect(DEFAULT_NEWS_SITES.length).toBeGreaterThanOrEqual(30);
    for (const site of [
      'naharnet.com',
      'lorientlejour.com',
      'timesofisrael.com',
      'haaretz.com',
      'aljazeera.com',
      'aawsat.com',
      'arabnews.com',
      'reuters.com',
      'apnews.com',
    ]) {
      expect(DEFAULT_NEWS_SITES).toContain(site);
    }
    expect(new Set(DEFAULT_NEWS_SITES).size).toBe(DEFAULT_NEWS_SITES.length);
  });

  it('makes match patterns for the site and its subdomains, and never localhost', () => {
    const patterns = newsSiteMatchPatterns();
    expect(patterns).toContain('*://*.naharnet.com/*');
    expect(patterns).toContain('*://naharnet.com/*');
    expect(patterns.some((pattern) => /localhost|127\.0\.0\.1/.test(pattern))).toBe(false);
  });

  it('recognises subdomains but not look-alikes', () => {
    expect(isDefaultNewsSite('english.aawsat.com')).toBe(true);
    expect(isDefaultNewsSite('notreuters.com')).toBe(false);
  });
});
