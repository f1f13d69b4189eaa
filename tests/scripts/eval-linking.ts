/**
 * `npm run eval:linking` (issue #12, deliverables 6 and 7): runs the
 * production matching path (the news-page matcher with the events' timeline,
 * then graded relevance) over the real pages of tests/dev-set/real-pages.json
 * and prints entity-level precision and recall against the gold, per page and
 * per language, with the relevance verdict, every missed gold entity and every
 * wrong link. Not run by CI: the pages' text lives only in the ignored folder
 * tests/dev-set/.text/<slug>.txt, filled at development time.
 *
 *   npm run eval:linking            score the pages whose text is in the folder
 *   npm run eval:linking -- --fetch fetch missing pages first (needs network), then score
 *   npm run eval:linking -- --fetch --refresh   fetch every page again
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCorpusIndex } from '@/lib/model/index-schema';
import {
  DEV_SET_FILE,
  DEV_SET_LANGUAGES,
  type DevSetPage,
  type LinkingScore,
  linkPage,
  type PageLinking,
  parseDevSet,
  productionLinker,
  scoreLinking,
} from '../support/dev-set';

const root = fileURLToPath(new URL('../..', import.meta.url));
const textDir = join(root, 'tests/dev-set/.text');
const textPath = (page: DevSetPage) => join(textDir, `${page.slug}.txt`);
const args = new Set(process.argv.slice(2));
const NO_NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ECONNREFUSED']);

/** The visible text of an HTML page, roughly: enough to score, never stored in the repository. */
function textOfHtml(html: string): string {
  return html
    .replace(/<(script|style|noscript|svg)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h[1-6]|li|br|article|section|header|footer|title)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

async function fetchPages(pages: readonly DevSetPage[]): Promise<void> {
  mkdirSync(textDir, { recursive: true });
  const wanted = pages.filter((page) => args.has('--refresh') || !existsSync(textPath(page)));
  let fetched = 0;
  for (const page of wanted) {
    try {
      const response = await fetch(page.url, { signal: AbortSignal.timeout(15_000), redirect: 'follow' });
      if (!response.ok) {
        console.log(`fetch ${page.slug}: HTTP ${response.status}, kept what was there`);
        continue;
      }
      writeFileSync(textPath(page), textOfHtml(await response.text()));
      fetched++;
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      // A name that does not resolve means no network at all (this machine reaches only npm): say so once and stop.
      if (code && NO_NETWORK_CODES.has(code)) {
        console.log(
          `no network: ${new URL(page.url).host} did not resolve (${code}), so no page was fetched. ` +
            `Run --fetch where the network reaches these sites, or paste each page's text into ${textDir}/<slug>.txt`,
        );
        break;
      }
      console.log(`fetch ${page.slug}: ${code ?? (error as Error).message}, kept what was there`);
    }
  }
  console.log(`fetched ${fetched} of ${wanted.length} pages into ${textDir}\n`);
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const line = (label: string, score: LinkingScore) =>
  `${label}: ${score.pages} pages, precision ${percent(score.precision)} (${score.correct}/${score.linked}), ` +
  `recall ${percent(score.recall)} (${score.correct}/${score.gold})`;

async function main(): Promise<void> {
  const devSet = parseDevSet(JSON.parse(readFileSync(join(root, DEV_SET_FILE), 'utf8')));
  if (args.has('--fetch')) await fetchPages(devSet.pages);
  const index = parseCorpusIndex(JSON.parse(readFileSync(join(root, 'data/index.json'), 'utf8')));
  const linker = productionLinker(index);

  const results: { page: DevSetPage; linking: PageLinking }[] = [];
  const absent: string[] = [];
  for (const page of devSet.pages) {
    if (!existsSync(textPath(page))) {
      absent.push(page.slug);
      continue;
    }
    const linking = linkPage(readFileSync(textPath(page), 'utf8'), page, linker);
    results.push({ page, linking });
    const score = scoreLinking([{ page, linking }]);
    const verdict = linking.relevance.related ? 'related' : 'NOT RELATED (page would stay blank)';
    console.log(
      `${page.language} ${page.slug}${page.published ? ` (${page.published})` : ''}: ` +
        `P ${percent(score.precision)} (${score.correct}/${score.linked}) R ${percent(score.recall)} (${score.correct}/${score.gold}), ` +
        `relevance ${linking.relevance.score} ${verdict}`,
    );
  }
  if (absent.length > 0) {
    console.log(
      `\nno text for ${absent.length} pages (run with --fetch, or paste them into ${textDir}): ${absent.join(', ')}`,
    );
  }
  if (results.length === 0) return;

  const all = scoreLinking(results);
  console.log(`\n${line('all', all)}`);
  for (const language of DEV_SET_LANGUAGES) {
    const subset = results.filter((result) => result.page.language === language);
    if (subset.length > 0) console.log(line(`  ${language}`, scoreLinking(subset)));
  }
  const mentions = results.flatMap(({ page, linking }) => linking.mentions.map((m) => page.gold.includes(m.entityId)));
  const onGold = mentions.filter(Boolean).length;
  console.log(
    `mentions: ${onGold}/${mentions.length} linked mentions name a gold entity (${percent(mentions.length ? onGold / mentions.length : 1)}; ` +
      'an upper bound on mention-level precision, since the gold is per entity, not per span)',
  );
  const blank = results.filter((result) => !result.linking.relevance.related);
  console.log(`related: ${results.length - blank.length}/${results.length} pages`);
  for (const { page, linking } of blank)
    console.log(`  not related ${page.slug}: ${linking.relevance.reasons.join('; ')}`);
  for (const miss of all.missed) console.log(`  missed ${miss}`);
  for (const wrong of all.wrong) console.log(`  wrong  ${wrong}`);
}

await main();
