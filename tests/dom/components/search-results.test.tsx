// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ReaderTarget, ResultList, type ResultListProps } from '@/components/search-results';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { CorpusCatalog } from '@/lib/corpus/catalog';
import { type ArticleResult, CorpusSearch, type EntityHit } from '@/lib/search/corpus-search';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const { index } = loadBundledIndex();
const search = new CorpusSearch({ index });
const catalog = new CorpusCatalog({ index });

let root: Root | undefined;
let container: HTMLElement;
let results: { entities: EntityHit[]; articles: ArticleResult[] };

beforeAll(async () => {
  const found = search.search('Randa Slim');
  results = { entities: found.entities, articles: await search.describe(found.articles) };
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

function render(overrides: Partial<ResultListProps> = {}) {
  const props: ResultListProps = {
    entities: results.entities,
    articles: results.articles,
    articleHeading: 'Articles',
    loadCard: vi.fn(async (id: string) => catalog.card(id)),
    // A fragment only: following it (the modified click below) loads nothing.
    readerHref: (target: ReaderTarget) => `#article=${target.articleId}&start=${target.start}`,
    onOpenArticle: vi.fn(),
    onFilterByEntity: vi.fn(),
    onSelectEntity: vi.fn(),
    onLeave: vi.fn(),
    ...overrides,
  };
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root?.render(<ResultList {...props} />));
  return props;
}

const items = () => Array.from(container.querySelectorAll<HTMLElement>('[data-result-item]'));

function key(target: Element, name: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  });
}

describe('ResultList', () => {
  it('lists entities first, as small cards, then articles with outlet, dated precision and a marked snippet', () => {
    render();
    const headings = Array.from(container.querySelectorAll('h2')).map((heading) => heading.textContent);
    expect(headings).toEqual(['Entities', 'Articles']);
    const firstHit = container.querySelector('.nc-hit-head');
    expect(firstHit?.querySelector('.nc-hit-name')?.textContent).toBe('Randa Slim');
    expect(firstHit?.querySelector('.nc-hit-role')?.textContent).toMatch(/Stimson Center/);
    expect(firstHit?.getAttribute('aria-expanded')).toBe('false');

    const article = container.querySelector('.nc-result-link') as HTMLAnchorElement;
    expect(article.querySelector('.nc-result-title')?.textContent).toBe(
      "Is Lebanon's invitation to Israel for direct talks too late?",
    );
    expect(article.querySelector('.nc-result-meta')?.textContent).toBe('AP Insight · c. Mar 2026');
    expect(article.querySelector('time')?.getAttribute('dateTime')).toBe('2026-03');
    const snippet = article.querySelector('.nc-snippet');
    expect(snippet?.getAttribute('dir')).toBe('auto');
    expect(snippet?.textContent).toContain('Stimson Center');
    expect(Array.from(snippet?.querySelectorAll('mark') ?? []).map((mark) => mark.textContent)).toEqual(['Randa Slim']);
    expect(article.getAttribute('href')).toMatch(/^#article=lebanon-direct-talks-offer-2026&start=\d+$/);
  });

  it('renders untrusted text as text: markup in a title stays characters', () => {
    const hostile = { ...results.articles[0], title: [{ text: '<img src=x onerror=alert(1)>', marked: true }] };
    render({ articles: [hostile as ArticleResult] });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.nc-result-title mark')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('expands an entity to its card, loaded once, and offers its articles', async () => {
    const props = render();
    const head = container.querySelector('.nc-hit-head') as HTMLButtonElement;
    await act(async () => head.click());
    expect(head.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(head.getAttribute('aria-controls') ?? '');
    expect(panel?.textContent).toContain('From our sources');
    expect(props.loadCard).toHaveBeenCalledWith('randa-slim');
    const show = Array.from(panel?.querySelectorAll('button') ?? []).find((button) =>
      button.textContent?.startsWith('Show the 1 article'),
    );
    act(() => show?.click());
    expect(props.onFilterByEntity).toHaveBeenCalledWith('randa-slim');
    await act(async () => head.click());
    expect(head.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens an article with a plain click, at its passage; a modified click is left to the browser', () => {
    const props = render();
    const link = container.querySelector('.nc-result-link') as HTMLAnchorElement;
    const plain = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    act(() => link.dispatchEvent(plain));
    expect(plain.defaultPrevented).toBe(true);
    const [target] = (props.onOpenArticle as ReturnType<typeof vi.fn>).mock.calls[0] as [ReaderTarget];
    expect(target.articleId).toBe('lebanon-direct-talks-offer-2026');
    expect(target.start).toBeLessThan(target.end as number);
    const modified = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true });
    // Seen after our handler, then stopped here: the test environment would otherwise try to load the link.
    let preventedByUs: boolean | undefined;
    document.addEventListener(
      'click',
      (event) => {
        preventedByUs = event.defaultPrevented;
        event.preventDefault();
      },
      { once: true },
    );
    act(() => link.dispatchEvent(modified));
    expect(preventedByUs).toBe(false);
    expect(props.onOpenArticle).toHaveBeenCalledTimes(1);
  });

  it('moves focus with ↑ and ↓, Home and End, hands ↑ from the first result back, and Escape to the search box', () => {
    const props = render();
    const all = items();
    expect(all.length).toBe(results.entities.length + results.articles.length);
    all[0]?.focus();
    key(all[0] as HTMLElement, 'ArrowDown');
    expect(document.activeElement).toBe(all[1]);
    key(all[1] as HTMLElement, 'End');
    expect(document.activeElement).toBe(all[all.length - 1]);
    key(document.activeElement as HTMLElement, 'Home');
    expect(document.activeElement).toBe(all[0]);
    key(all[0] as HTMLElement, 'ArrowUp');
    expect(props.onLeave).toHaveBeenCalledWith('up');
    key(all[0] as HTMLElement, 'Escape');
    expect(props.onLeave).toHaveBeenCalledWith('escape');
  });

  it('shows a few entities and the rest on request', async () => {
    const found = search.search('Hezbollah');
    expect(found.entities.length).toBeGreaterThan(3);
    render({ entities: found.entities, articles: [] });
    expect(container.querySelectorAll('.nc-hit')).toHaveLength(3);
    const more = container.querySelector('.nc-hits-more') as HTMLButtonElement;
    expect(more.textContent).toMatch(/^Show \d+ more entit/);
    act(() => more.click());
    expect(container.querySelectorAll('.nc-hit')).toHaveLength(found.entities.length);
  });
});
