// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OnThisPage, type PageStatus } from '@/components/on-this-page';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLElement;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

const stats = { textChars: 1000, textNodes: 10, scanMs: 1, totalMs: 2, longestTaskMs: 1, longestTaskStep: '' };

function ready(overrides: Partial<Extract<PageStatus, { state: 'ready' }>> = {}): PageStatus {
  return {
    state: 'ready',
    site: 'naharnet.com',
    snapshot: {
      url: 'https://www.naharnet.com/related-en/',
      relevant: true,
      entities: [
        { id: 'hezbollah', name: 'Hezbollah', kind: 'organisation', count: 6 },
        { id: 'joseph-aoun', name: 'Joseph Aoun', kind: 'person', count: 1 },
      ],
      stats,
    },
    siteState: { site: 'naharnet.com', paused: false, defaultSite: true, extraSite: false },
    permitted: false,
    ...overrides,
  };
}

function render(status: PageStatus) {
  const handlers = { onAnnotate: vi.fn(), onPause: vi.fn(), onShowEntity: vi.fn() };
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root?.render(<OnThisPage status={status} {...handlers} />));
  return handlers;
}

const switchNamed = (name: string) =>
  Array.from(container.querySelectorAll<HTMLInputElement>('input[role="switch"]')).find(
    (input) => input.closest('label')?.querySelector('.nc-switch-label')?.textContent === name,
  ) as HTMLInputElement;

describe('OnThisPage', () => {
  it('lists the entities of the page with their counts; a click asks to show the next mention', () => {
    const { onShowEntity } = render(ready());
    expect(container.querySelector('.nc-page-summary')?.textContent).toBe('2 entities, 7 mentions');
    const buttons = Array.from(container.querySelectorAll<HTMLButtonElement>('.nc-page-entity'));
    expect(buttons.map((button) => button.textContent)).toEqual([
      'HezbollahOrganisation6 mentions',
      'Joseph AounPerson1 mention',
    ]);
    act(() => buttons[0]?.click());
    expect(onShowEntity).toHaveBeenCalledWith('hezbollah');
  });

  it('shows "Annotate this site" on and fixed for a default news site, and pauses on request', () => {
    const { onPause } = render(ready());
    const annotate = switchNamed('Annotate this site');
    expect(annotate.checked).toBe(true);
    expect(annotate.disabled).toBe(true);
    expect(annotate.getAttribute('aria-describedby')).toBeTruthy();
    act(() => switchNamed('Pause on this site').click());
    expect(onPause).toHaveBeenCalledWith(true);
  });

  it('offers to annotate another site, and cannot pause what does not run', () => {
    const { onAnnotate } = render(
      ready({
        site: 'example-food.com',
        snapshot: null,
        siteState: { site: 'example-food.com', paused: false, defaultSite: false, extraSite: false },
      }),
    );
    expect(container.querySelector('.nc-page-summary')?.textContent).toMatch(/does not run on this site/);
    expect(switchNamed('Pause on this site').disabled).toBe(true);
    const annotate = switchNamed('Annotate this site');
    expect(annotate.checked).toBe(false);
    act(() => annotate.click());
    expect(onAnnotate).toHaveBeenCalledWith(true);
  });

  it('says when a page is not about the story, or is paused, and lists nothing then', () => {
    render(ready({ snapshot: { url: 'x', relevant: false, entities: [], stats } }));
    expect(container.querySelector('.nc-page-summary')?.textContent).toMatch(/not seem to be about the story/);
    act(() => root?.unmount());
    render(ready({ siteState: { site: 'naharnet.com', paused: true, defaultSite: true, extraSite: false } }));
    expect(container.querySelector('.nc-page-summary')?.textContent).toMatch(/^Paused/);
    expect(container.querySelector('.nc-page-entities')).toBeNull();
  });

  it('explains pages it cannot run on', () => {
    render({ state: 'unsupported' });
    expect(container.textContent).toMatch(/works on web pages/);
  });
});
