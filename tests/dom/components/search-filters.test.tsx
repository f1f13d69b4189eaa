// @vitest-environment happy-dom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilterPanel } from '@/components/search-filters';
import { SearchPanel } from '@/components/search-panel';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { CorpusSearch } from '@/lib/search/corpus-search';
import type { SearchFilters } from '@/lib/search/search-filters';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const search = new CorpusSearch({ index: loadBundledIndex().index });
const choices = search.filterChoices();

let root: Root | undefined;
let container: HTMLElement;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

function mount(element: React.ReactElement) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root?.render(element));
}

/** The panel with its state, as the search tab holds it; `changes` records every new filter set. */
function Harness({ changes }: { changes: (filters: SearchFilters) => void }) {
  const [filters, setFilters] = useState<SearchFilters>({});
  return (
    <FilterPanel
      filters={filters}
      onChange={(next) => {
        changes(next);
        setFilters(next);
      }}
      entities={choices.entities}
      outlets={choices.outlets}
    />
  );
}

const field = <T extends HTMLElement>(label: string) => {
  const labelled = Array.from(container.querySelectorAll('label')).find((element) => element.textContent === label);
  const control = labelled?.htmlFor
    ? document.getElementById(labelled.htmlFor)
    : container.querySelector(`[aria-label="${label}"]`);
  if (!control) throw new Error(`no control labelled ${label}`);
  return control as T;
};

function choose(select: HTMLSelectElement | HTMLInputElement, value: string) {
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(select), 'value')?.set;
    setter?.call(select, value);
    select.dispatchEvent(new Event(select instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

describe('FilterPanel', () => {
  it('labels every control, offers the corpus outlets ("unknown" last) and entities', () => {
    mount(<Harness changes={vi.fn()} />);
    const outlet = field<HTMLSelectElement>('Outlet');
    const outlets = Array.from(outlet.options).map((option) => option.textContent);
    expect(outlets[0]).toBe('Any outlet');
    expect(outlets).toContain('Defence Talks');
    expect(outlets.at(-1)).toBe('Outlet unknown');
    expect(field<HTMLSelectElement>('Entity').options.length).toBe(choices.entities.length + 1);
    expect(field<HTMLSelectElement>('Kind of entity').options.length).toBe(5);
    expect(field('Published from').getAttribute('type')).toBe('date');
    expect(field('Published until').getAttribute('type')).toBe('date');
  });

  it('sets and clears filters; an empty choice unsets it', () => {
    const changes = vi.fn();
    mount(<Harness changes={changes} />);
    choose(field('Outlet'), 'Defence Talks');
    expect(changes).toHaveBeenLastCalledWith({ outlet: 'Defence Talks' });
    choose(field('Published from'), '2024-01-01');
    expect(changes).toHaveBeenLastCalledWith({ outlet: 'Defence Talks', from: '2024-01-01' });
    choose(field('Outlet'), '');
    expect(changes).toHaveBeenLastCalledWith({ from: '2024-01-01' });
    const clear = Array.from(container.querySelectorAll('button')).find((button) =>
      button.textContent?.startsWith('Clear'),
    );
    expect(clear?.textContent).toBe('Clear the filter');
    act(() => clear?.click());
    expect(changes).toHaveBeenLastCalledWith({});
  });

  it('narrows the entity choices to the kind, and drops an entity of another kind', () => {
    const changes = vi.fn();
    mount(<Harness changes={changes} />);
    choose(field('Entity'), 'hezbollah');
    choose(field('Kind of entity'), 'person');
    expect(changes).toHaveBeenLastCalledWith({ kind: 'person' });
    const names = Array.from(field<HTMLSelectElement>('Entity').options).slice(1);
    expect(names.length).toBeGreaterThan(3);
    for (const option of names) {
      expect(choices.entities.find((entity) => entity.id === option.value)?.kind).toBe('person');
    }
  });

  it('says so when the dates are the wrong way round', () => {
    mount(<Harness changes={vi.fn()} />);
    choose(field('Published from'), '2026-03-01');
    choose(field('Published until'), '2025-01-01');
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/start date is after the end date/);
  });
});

describe('SearchPanel with filters', () => {
  it('shows entities to start from, then narrows the articles when a filter is set', async () => {
    mount(
      <SearchPanel
        runSearch={search.view.bind(search)}
        loadCard={async () => undefined}
        readerHref={() => '#'}
        onOpenArticle={vi.fn()}
      />,
    );
    await act(async () => {});
    expect(container.querySelector('.nc-starting h2')?.textContent).toBe('Start from an entity');
    expect(container.querySelectorAll('.nc-pick').length).toBe(8);

    const input = container.querySelector('input[type="search"]') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    choose(input, 'Lebanon');
    await act(async () => {});
    expect(container.querySelectorAll('.nc-result-link')).toHaveLength(5);

    const toggle = Array.from(container.querySelectorAll('button')).find((button) => button.textContent === 'Filters');
    act(() => toggle?.click());
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    choose(field('Outlet'), 'Defence Talks');
    await act(async () => {});
    expect(container.querySelectorAll('.nc-result-link')).toHaveLength(1);
    expect(toggle?.getAttribute('aria-label')).toBe('Filters, 1 on');
    expect(container.querySelector('[role="status"]')?.textContent).toMatch(/, 1 article$/);
  });

  it('clears with Escape, and opens the best article with Enter', async () => {
    const onOpenArticle = vi.fn();
    mount(
      <SearchPanel
        runSearch={search.view.bind(search)}
        loadCard={async () => undefined}
        readerHref={() => '#'}
        onOpenArticle={onOpenArticle}
      />,
    );
    const input = container.querySelector('input[type="search"]') as HTMLInputElement;
    choose(input, 'Naqoura');
    await act(async () => {});
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    expect(onOpenArticle.mock.calls[0]?.[0]).toMatchObject({ articleId: 'naqoura-civilian-talks-2025' });
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect(input.value).toBe('');
  });
});
