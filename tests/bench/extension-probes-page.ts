/**
 * Entry bundled (`bundleForPage`) into the pages of the extension benchmark
 * (`extension-bench.ts`): what can be observed of the built extension from
 * the page's own world, timed with the page's clock. Injected as an init
 * script (before the page's scripts) for the first-highlight and hover
 * loads, and after load for the floor. Never injected into the loads whose
 * script time is compared, so it adds nothing there.
 *
 * The page's world sees the shared `CSS.highlights` registry and our card's
 * host element, not the closed shadow root under it; whether the card is on
 * screen is read by hit testing: the frame is `visibility: hidden` until the
 * card page has measured its content, and hidden boxes are not hit.
 */
import { runFloor } from './floor-walk';

export interface FirstHighlight {
  /** `performance.now()` (from navigation start) of the first animation frame with a painted highlight; null if none yet. */
  firstHighlightAt: number | null;
  /** `loadEventEnd` of the navigation, from navigation start. */
  loadEventEnd: number;
  domContentLoaded: number;
}

export interface HoverTiming {
  /** `timeStamp` of the trusted pointermove that reached the mention. */
  pointerAt: number;
  /** When our card's host element entered the page (the card controller opened it). */
  openedAt: number | null;
  /** The animation frame in which the card could first be hit at the probe points, i.e. was painted visible. */
  visibleAt: number | null;
}

interface HighlightRegistry {
  highlights: Map<string, Set<AbstractRange>>;
}

const state: { firstHighlightAt: number | null } = { firstHighlightAt: null };

function watchFirstHighlight(): void {
  const registry = (CSS as unknown as HighlightRegistry).highlights;
  const painted = (): boolean => {
    if (!registry) return false;
    for (const [name, highlight] of registry) if (!name.endsWith('-active') && highlight.size > 0) return true;
    return false;
  };
  const tick = (now: number): void => {
    if (painted()) {
      state.firstHighlightAt = now;
      return;
    }
    if (now < 120_000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function firstHighlight(): FirstHighlight {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return {
    firstHighlightAt: state.firstHighlightAt,
    loadEventEnd: navigation?.loadEventEnd ?? Number.NaN,
    domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
  };
}

/**
 * Arms a probe for one hover: the pointer will arrive at (x, y), the centre
 * of a highlighted mention. Resolves once the card is hit at one of the
 * probe points just above or below the mention (where `placeCard` puts it),
 * or after `timeoutMs`.
 */
function armHover(x: number, y: number, hostTag: string, timeoutMs: number): Promise<HoverTiming> {
  return new Promise((resolve) => {
    let pointerAt: number | null = null;
    let openedAt: number | null = null;
    const onMove = (event: PointerEvent): void => {
      // Chromium also sends pointer events after a scroll; only the move onto the mention counts.
      if (pointerAt === null && event.isTrusted && Math.abs(event.clientX - x) < 2 && Math.abs(event.clientY - y) < 2)
        pointerAt = event.timeStamp;
    };
    addEventListener('pointermove', onMove, { capture: true, passive: true });
    const observer = new MutationObserver(() => {
      if (openedAt === null && document.querySelector(hostTag)) openedAt = performance.now();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    const probes = [30, 45, 60, -30, -45, -60].map((dy) => ({ x: x + 12, y: y + dy }));
    const finish = (visibleAt: number | null): void => {
      removeEventListener('pointermove', onMove, { capture: true });
      observer.disconnect();
      resolve({ pointerAt: pointerAt ?? Number.NaN, openedAt, visibleAt });
    };
    const armed = performance.now();
    const tick = (now: number): void => {
      if (pointerAt !== null && document.querySelector(hostTag)) {
        for (const probe of probes) {
          if (document.elementFromPoint(probe.x, probe.y)?.localName === hostTag) {
            finish(now);
            return;
          }
        }
      }
      if (now - armed > timeoutMs) finish(null);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const probes = { firstHighlight, armHover, runFloor, pending: undefined as Promise<HoverTiming> | undefined };

declare global {
  interface Window {
    __extensionBench: typeof probes;
  }
}

// Our card is a frame; the init script must not run inside it (nor in any other frame).
if (window.top === window && !window.__extensionBench) {
  window.__extensionBench = probes;
  watchFirstHighlight();
}
