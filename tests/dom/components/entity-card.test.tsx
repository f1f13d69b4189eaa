// @vitest-environment happy-dom
import { act, type ComponentProps } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityCardView, isTrustedEvent } from '@/components/entity-card';
import type { CardExcerpt, EntityCard } from '@/lib/corpus/entity-card';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

function excerpt(overrides: Partial<CardExcerpt>): CardExcerpt {
  return {
    articleId: 'reuters-talks',
    articleTitle: 'Lebanon and Israel hold first direct talks in decades',
    outlet: 'Reuters',
    date: '2026-03-09',
    precision: 'day',
    before: 'President ',
    mention: 'Joseph Aoun',
    after: ' said the talks would focus on the withdrawal.',
    start: 120,
    end: 190,
    ...overrides,
  };
}

const person: EntityCard = {
  id: 'joseph-aoun',
  name: 'Joseph Aoun',
  kind: 'person',
  role: 'President of Lebanon since early 2025.',
  background: 'A former commander of the Lebanese army, Aoun became president in early 2025.',
  excerpts: [
    excerpt({}),
    excerpt({
      articleId: 'annahar-talks',
      articleTitle: 'عون: المفاوضات المباشرة خيار لبنان',
      outlet: 'النهار',
      date: '2026-03',
      precision: 'month',
      before: 'قال الرئيس ',
      mention: 'جوزاف عون',
      after: ' إن لبنان مستعد للتفاوض.',
    }),
    excerpt({
      articleId: 'axios-army',
      articleTitle: 'Washington presses Beirut on army chief',
      outlet: 'Axios',
      date: null,
      precision: 'unknown',
      before: 'US officials have urged ',
      mention: 'Aoun',
      after: ' to replace the army chief.',
    }),
  ],
  related: [
    { id: 'nawaf-salam', name: 'Nawaf Salam', kind: 'person' },
    { id: 'hezbollah', name: 'Hezbollah', kind: 'organisation' },
  ],
  excerptTotal: 12,
};

const ceasefire: EntityCard = {
  id: 'ceasefire-2024',
  name: 'Israel–Hezbollah ceasefire',
  kind: 'event',
  role: 'US- and French-brokered truce that ended the 2024 war.',
  date: { start: '2024-11-27', precision: 'day' },
  background: 'The truce took effect on 27 November 2024.',
  excerpts: [
    excerpt({
      articleId: 'ap-truce',
      articleTitle: 'Truce holds',
      outlet: 'Associated Press',
      date: '2024-11',
      precision: 'month',
      before: 'Under the ',
      mention: 'ceasefire',
      after: ', the army deploys south.',
    }),
  ],
  related: [],
  excerptTotal: 1,
};

let root: Root | undefined;
let container: HTMLElement;

function render(props: ComponentProps<typeof EntityCardView>): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root?.render(<EntityCardView {...props} />));
  return container;
}

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

function allCallbacks() {
  return {
    onOpenExcerpt: vi.fn(),
    onSelectRelated: vi.fn(),
    onFeedback: vi.fn(),
    onClose: vi.fn(),
  };
}

/** A click as a user's would be seen: happy-dom's events are never trusted, so say this one is. */
function trustedClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

function untrustedClick(element: Element): void {
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
}

function buttonNamed(name: string): HTMLButtonElement {
  const button = Array.from(container.querySelectorAll('button')).find(
    (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === name,
  );
  if (!button) throw new Error(`no button named ${name}`);
  return button;
}

const texts = (selector: string) =>
  Array.from(container.querySelectorAll(selector)).map((element) => element.textContent?.trim());

/** True when `a` comes before `b` in document order. */
const precedes = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

describe('EntityCardView content', () => {
  it('shows a person: kind, name, role, background, excerpts, related and actions, in that order', () => {
    render({ card: person, ...allCallbacks() });
    const kind = container.querySelector('.nc-kind');
    const heading = container.querySelector('h2');
    const role = container.querySelector('.nc-role');
    const background = container.querySelector('.nc-background');
    const quotes = container.querySelectorAll('blockquote');
    const related = container.querySelector('.nc-related');
    const notThis = buttonNamed('Not this');
    if (!kind || !heading || !role || !background || !related) throw new Error('missing card part');

    expect(kind.textContent).toBe('Person');
    expect(heading.textContent).toBe('Joseph Aoun');
    expect(role.textContent).toBe('President of Lebanon since early 2025.');
    expect(background.textContent).toBe(person.background);
    expect(texts('h3')).toEqual(['From our sources', 'Related']);
    expect(quotes).toHaveLength(3);
    expect(texts('.nc-article-title')).toEqual(person.excerpts.map((item) => item.articleTitle));
    expect(texts('.nc-read')).toEqual(Array(3).fill('Read the full article →'));
    expect(container.textContent).toContain('9 more in the corpus');
    expect(texts('.nc-related button')).toEqual(['Nawaf Salam', 'Hezbollah']);
    expect(buttonNamed("Don't highlight this")).toBeTruthy();
    expect(buttonNamed('Close').textContent).toBe('×');
    // A person has no date line.
    expect(container.querySelector('.nc-event-date')).toBeNull();

    const order = [kind, heading, role, background, ...Array.from(quotes), related, notThis];
    for (let i = 1; i < order.length; i++) expect(precedes(order[i - 1] as Node, order[i] as Node)).toBe(true);
  });

  it('is a dialog labelled by the name when it can be closed', () => {
    render({ card: person, onClose: vi.fn(), id: 'hover-card' });
    const dialog = container.firstElementChild;
    expect(dialog?.getAttribute('role')).toBe('dialog');
    expect(dialog?.id).toBe('hover-card');
    const labelId = dialog?.getAttribute('aria-labelledby');
    expect(labelId).toBeTruthy();
    expect(container.querySelector(`[id="${labelId}"]`)?.textContent).toBe('Joseph Aoun');
  });

  it('is a plain article otherwise, with the heading level asked for', () => {
    render({ card: person, headingLevel: 3, compact: true });
    const article = container.firstElementChild;
    expect(article?.tagName).toBe('ARTICLE');
    expect(article?.getAttribute('role')).toBeNull();
    expect(article?.classList.contains('nc-card--compact')).toBe(true);
    expect(container.querySelector('h3')?.textContent).toBe('Joseph Aoun');
    expect(texts('h4')).toEqual(['From our sources', 'Related']);
    expect(container.querySelector(`[id="${article?.getAttribute('aria-labelledby')}"]`)?.textContent).toBe(
      'Joseph Aoun',
    );
  });

  it("shows an event with its date and precision, and no 'more' line when all excerpts are shown", () => {
    render({ card: ceasefire });
    expect(container.querySelector('.nc-kind')?.textContent).toBe('Event');
    const date = container.querySelector('.nc-event-date time');
    expect(date?.textContent).toBe('27 Nov 2024');
    expect(date?.getAttribute('datetime')).toBe('2024-11-27');
    expect(container.querySelector('.nc-cite')?.textContent).toBe('Associated Press · c. Nov 2024');
    expect(container.textContent).not.toContain('more in the corpus');
    expect(container.querySelector('.nc-related')).toBeNull();
  });

  it('says how long before the page an event happened, at the precision both share (issue #12)', () => {
    render({ card: ceasefire, pageDate: { date: '2025-04-12', precision: 'day' } });
    expect(container.querySelector('.nc-event-when')?.textContent).toBe('About 4 months before this article');
    render({
      card: { ...ceasefire, date: { start: '2024', precision: 'year' } },
      pageDate: { date: '2025-04', precision: 'month' },
    });
    expect(container.querySelector('.nc-event-when')?.textContent).toBe('In 2024, about a year before this article');
    // Without the page's date (the popup, the reader page) nothing is said.
    render({ card: ceasefire });
    expect(container.querySelector('.nc-event-when')).toBeNull();
  });

  it('formats event ranges', () => {
    render({ card: { ...ceasefire, date: { start: '2024-09', end: '2024-11', precision: 'month' } } });
    expect(container.querySelector('.nc-event-date')?.textContent).toBe('Sep–Nov 2024');
  });

  it('dates each excerpt no more precisely than known', () => {
    render({ card: person });
    expect(texts('.nc-cite')).toEqual(['Reuters · 9 Mar 2026', 'النهار · c. Mar 2026', 'Axios · undated']);
    expect(container.querySelector('.nc-cite time')?.getAttribute('datetime')).toBe('2026-03-09');
  });

  it('emphasises the mention with <mark> inside the quoted sentence', () => {
    render({ card: person });
    const quote = container.querySelector('blockquote');
    expect(quote?.textContent).toBe('President Joseph Aoun said the talks would focus on the withdrawal.');
    const mark = quote?.querySelector('mark');
    expect(mark?.textContent).toBe('Joseph Aoun');
    expect(quote?.querySelectorAll('mark')).toHaveLength(1);
  });

  it('says plainly when there are no excerpts', () => {
    render({ card: { ...person, excerpts: [], related: [], excerptTotal: 0 } });
    expect(container.querySelector('blockquote')).toBeNull();
    expect(container.querySelector('.nc-empty')?.textContent).toBe(
      'No excerpts in our sources mention Joseph Aoun yet.',
    );
    expect(container.textContent).not.toContain('more in the corpus');
  });

  it('lets right-to-left text set its own direction inside the LTR card', () => {
    render({ card: person, onSelectRelated: vi.fn() });
    expect(container.firstElementChild?.getAttribute('dir')).toBe('ltr');
    const quotes = Array.from(container.querySelectorAll('blockquote'));
    expect(quotes.every((quote) => quote.getAttribute('dir') === 'auto')).toBe(true);
    const arabic = quotes.find((quote) => quote.textContent?.includes('جوزاف عون'));
    expect(arabic?.getAttribute('dir')).toBe('auto');
    expect(container.querySelector('h2')?.getAttribute('dir')).toBe('auto');
    const title = Array.from(container.querySelectorAll('.nc-article-title [dir="auto"]')).map((el) => el.textContent);
    expect(title).toContain('عون: المفاوضات المباشرة خيار لبنان');
    expect(container.querySelectorAll('.nc-related [dir="auto"]')).toHaveLength(2);
  });
});

describe('EntityCardView renders corpus and page text as text only', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const script = '<script>alert(1)</script>';

  it('shows markup characters literally and creates no elements from them', () => {
    render({
      card: {
        ...person,
        name: `Evil ${hostile}`,
        role: script,
        background: `${hostile} ${script}`,
        excerpts: [
          excerpt({
            before: `${hostile} before `,
            mention: script,
            after: ` after ${hostile}`,
            articleTitle: script,
            outlet: hostile,
          }),
        ],
        related: [{ id: 'x', name: hostile, kind: 'place' }],
        excerptTotal: 1,
      },
      ...allCallbacks(),
    });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('h2')?.textContent).toBe(`Evil ${hostile}`);
    expect(container.querySelector('blockquote')?.textContent).toBe(`${hostile} before ${script} after ${hostile}`);
    expect(container.querySelector('mark')?.textContent).toBe(script);
    expect(container.querySelector('.nc-cite')?.textContent).toBe(`${hostile} · 9 Mar 2026`);
    expect(container.querySelector('.nc-related button')?.textContent).toBe(hostile);
  });
});

describe('EntityCardView actions', () => {
  it('calls each callback with its arguments on trusted clicks', () => {
    const callbacks = allCallbacks();
    render({ card: person, ...callbacks });

    const readButtons = container.querySelectorAll('.nc-read');
    trustedClick(readButtons[1] as Element);
    expect(callbacks.onOpenExcerpt).toHaveBeenCalledTimes(1);
    expect(callbacks.onOpenExcerpt).toHaveBeenCalledWith(person.excerpts[1]);

    trustedClick(buttonNamed('Hezbollah'));
    expect(callbacks.onSelectRelated).toHaveBeenCalledWith('hezbollah');

    trustedClick(buttonNamed('Not this'));
    trustedClick(buttonNamed("Don't highlight this"));
    expect(callbacks.onFeedback.mock.calls).toEqual([['not-this'], ['dont-highlight']]);

    trustedClick(buttonNamed('Close'));
    expect(callbacks.onClose).toHaveBeenCalledTimes(1);
  });

  it('ignores clicks a script made', () => {
    const callbacks = allCallbacks();
    render({ card: person, ...callbacks });
    const buttons = Array.from(container.querySelectorAll('button'));
    expect(buttons.length).toBe(3 + 2 + 2 + 1);
    for (const button of buttons) {
      untrustedClick(button);
      button.click();
    }
    for (const callback of Object.values(callbacks)) expect(callback).not.toHaveBeenCalled();
  });

  it('closes on a trusted Escape, not on a scripted one', () => {
    const onClose = vi.fn();
    render({ card: person, onClose });
    const target = buttonNamed('Close');
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onClose).not.toHaveBeenCalled();
    const escapeKey = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true });
    Object.defineProperty(escapeKey, 'isTrusted', { value: true });
    target.dispatchEvent(escapeKey);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('gives every control a name and renders no button without its callback', () => {
    render({ card: person, ...allCallbacks() });
    for (const button of Array.from(container.querySelectorAll('button'))) {
      expect(button.getAttribute('type')).toBe('button');
      expect(button.getAttribute('aria-label') ?? button.textContent?.trim()).toBeTruthy();
    }
    // Each "Read the full article" is told apart by its article's title.
    const read = container.querySelector('.nc-read');
    expect(container.querySelector(`[id="${read?.getAttribute('aria-describedby')}"]`)?.textContent).toBe(
      person.excerpts[0]?.articleTitle,
    );

    act(() => root?.render(<EntityCardView card={person} />));
    expect(container.querySelectorAll('button')).toHaveLength(0);
    expect(container.firstElementChild?.tagName).toBe('ARTICLE');
    // Related entities are still listed, as text.
    expect(texts('.nc-related .nc-chip')).toEqual(['Nawaf Salam', 'Hezbollah']);
    expect(container.textContent).not.toContain('Read the full article');
    expect(container.textContent).not.toContain('Not this');
  });

  it('renders only the controls whose callbacks are given', () => {
    render({ card: person, onFeedback: vi.fn() });
    expect(texts('button')).toEqual(['Not this', "Don't highlight this"]);
  });
});

describe('isTrustedEvent', () => {
  it('reads the native event', () => {
    const native = new MouseEvent('click');
    expect(isTrustedEvent({ nativeEvent: native } as never)).toBe(false);
    Object.defineProperty(native, 'isTrusted', { value: true });
    expect(isTrustedEvent({ nativeEvent: native } as never)).toBe(true);
  });
});

describe('EntityCardView and the story around a name (issue #15)', () => {
  const quote = (outlet: string, date: string, text: string, start: number) => ({
    articleId: `${outlet}-article`,
    outlet,
    date,
    precision: 'day' as const,
    text,
    start,
    end: start + text.length,
  });
  const storied: EntityCard = {
    ...person,
    latestSource: { date: '2026-03', precision: 'month' },
    differences: [
      {
        kind: 'figure',
        verdict: 'conflict',
        what: 'over 550 against 274 killed',
        a: quote('Defence Talks', '2024-09-23', 'Attacks on Monday claimed over 550 lives.', 10),
        b: quote('Coastal Courier', '2024-09-24', 'Strikes on Monday killed 274 people.', 0),
      },
    ],
    onTimeline: {
      pointId: 'lebanon-direct-talks-offer-2026:120',
      date: '2026-03',
      precision: 'month',
      before: [
        {
          id: 'us-israeli-war-on-iran-2026',
          name: '2026 US–Israeli war with Iran',
          date: '2026-02-28',
          precision: 'day',
        },
      ],
      after: [
        {
          id: 'lebanon-israel-talks-2026',
          name: 'Lebanon–Israel direct talks (2026)',
          date: '2026',
          precision: 'year',
        },
      ],
    },
  };

  it('quotes both sources under "Sources differ", each with outlet and date, and opens either', () => {
    const onOpenExcerpt = vi.fn();
    render({ card: storied, onOpenExcerpt });
    expect(texts('.nc-differ .nc-section-title')).toEqual(['Sources differ']);
    expect(texts('.nc-difference-what')).toEqual(['Figures: over 550 against 274 killed']);
    expect(texts('.nc-difference .nc-quote')).toEqual([
      'Attacks on Monday claimed over 550 lives.',
      'Strikes on Monday killed 274 people.',
    ]);
    expect(texts('.nc-difference .nc-cite')).toEqual(['Defence Talks · 23 Sep 2024', 'Coastal Courier · 24 Sep 2024']);
    const read = container.querySelectorAll('.nc-difference .nc-read');
    act(() => trustedClick(read[1] as Element));
    expect(onOpenExcerpt).toHaveBeenCalledWith(
      expect.objectContaining({ articleId: 'Coastal Courier-article', start: 0 }),
    );
  });

  it('lists the events around the latest mention and links into the timeline there', () => {
    const onOpenTimeline = vi.fn();
    render({ card: storied, onOpenTimeline });
    expect(texts('.nc-timeline-around li')).toEqual([
      '28 Feb 2026 2026 US–Israeli war with Iran',
      'Mar 2026 Latest mention of Joseph Aoun',
      '2026 Lebanon–Israel direct talks (2026)',
    ]);
    act(() => trustedClick(buttonNamed('See on the timeline →')));
    expect(onOpenTimeline).toHaveBeenCalledWith({
      entityId: 'joseph-aoun',
      pointId: 'lebanon-direct-talks-offer-2026:120',
      date: '2026-03',
    });
  });

  it('says when the page is newer than every source, with one action to import it', () => {
    const onImportPage = vi.fn();
    render({ card: storied, pageDate: { date: '2026-05-02', precision: 'day' }, onImportPage });
    expect(texts('.nc-newer')[0]).toBe(
      'Your sources on Joseph Aoun end in Mar 2026; this page is from 2 May 2026. Import this page',
    );
    act(() => trustedClick(buttonNamed('Import this page')));
    expect(onImportPage).toHaveBeenCalledOnce();
  });

  it('says nothing of newness for a page within the month of the newest source', () => {
    render({ card: storied, pageDate: { date: '2026-03-20', precision: 'day' } });
    expect(container.querySelector('.nc-newer')).toBeNull();
  });
});
