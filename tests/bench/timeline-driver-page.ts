/**
 * Entry bundled into the real timeline page (`timeline.html` of the built
 * extension) by the timeline benchmark, after it has opened: changes one
 * filter as a reader does (a select's `change`, a zoom button's `click`,
 * which React handles as discrete input) and times from the change to the
 * end of the next painted frame (a message posted from the frame's
 * `requestAnimationFrame` arrives after its paint). Exposed as
 * `window.__timelineDriver`.
 */

export type FilterAction = { select: string; value: string } | { zoom: string };

export interface FilterRun {
  /** From the change to the end of the next painted frame. */
  ms: number;
  /** The page's own record of its last filter and grouping (`data-filter-ms`). */
  pageFilterMs: number;
  /** Points drawn after the change. */
  drawn: number;
}

function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    });
  });
}

async function change(action: FilterAction): Promise<FilterRun> {
  const started = performance.now();
  if ('select' in action) {
    const select = document.querySelector<HTMLSelectElement>(`select[aria-label="${action.select}"]`);
    if (!select) throw new Error(`News Context bench: no select labelled ${action.select} on the timeline`);
    select.value = action.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.nc-timeline-zoom button')].find(
      (candidate) => candidate.textContent?.trim() === action.zoom,
    );
    if (!button) throw new Error(`News Context bench: no zoom button ${action.zoom} on the timeline`);
    button.click();
  }
  await afterNextPaint();
  return {
    ms: performance.now() - started,
    pageFilterMs: Number(document.documentElement.dataset.filterMs),
    drawn: document.querySelectorAll('.nc-point').length,
  };
}

/** The values each select offers (its first, "all", option left out). */
function options(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const select of document.querySelectorAll<HTMLSelectElement>('.nc-timeline-filters select')) {
    out[select.getAttribute('aria-label') ?? ''] = [...select.options].map((option) => option.value).filter(Boolean);
  }
  return out;
}

const driver = { change, options };

declare global {
  interface Window {
    __timelineDriver: typeof driver;
  }
}

window.__timelineDriver = driver;
