/**
 * The news sites the content script runs on by default (declared as host
 * permissions). Other sites are opted into at runtime from the popup.
 * Wire services, major international outlets, and Lebanese, Israeli and Arab
 * outlets, because those are where readers meet this story (issue #3).
 */
export const DEFAULT_NEWS_SITES: readonly string[] = [
  // Wire services
  'apnews.com',
  'reuters.com',
  'afp.com',
  // International
  'bbc.com',
  'bbc.co.uk',
  'theguardian.com',
  'nytimes.com',
  'washingtonpost.com',
  'wsj.com',
  'ft.com',
  'economist.com',
  'cnn.com',
  'npr.org',
  'aljazeera.com',
  'aljazeera.net',
  'france24.com',
  'lemonde.fr',
  'dw.com',
  'axios.com',
  'politico.com',
  'bloomberg.com',
  'theatlantic.com',
  'foreignpolicy.com',
  // Lebanese
  'naharnet.com',
  'lorientlejour.com',
  'today.lorientlejour.com',
  'annahar.com',
  'dailystar.com.lb',
  'lbcgroup.tv',
  'nna-leb.gov.lb',
  // Israeli
  'timesofisrael.com',
  'haaretz.com',
  'jpost.com',
  'ynetnews.com',
  'i24news.tv',
  // Arab
  'aawsat.com',
  'english.aawsat.com',
  'arabnews.com',
  'thenationalnews.com',
  'alarabiya.net',
  'english.alarabiya.net',
  'al-monitor.com',
  'middleeasteye.net',
  // Defence and regional
  'defencetalks.com',
  'defensenews.com',
];

/** Match patterns (`*://*.site/*` and `*://site/*`) for manifest and scripting APIs. */
export function newsSiteMatchPatterns(sites: readonly string[] = DEFAULT_NEWS_SITES): string[] {
  const patterns = new Set<string>();
  for (const site of sites) {
    patterns.add(`*://${site}/*`);
    patterns.add(`*://*.${site}/*`);
  }
  return [...patterns];
}

/** Whether `site` (a host without `www.`) is, or is under, one of the default news sites. */
export function isDefaultNewsSite(site: string, sites: readonly string[] = DEFAULT_NEWS_SITES): boolean {
  return sites.some((news) => site === news || site.endsWith(`.${news}`));
}
