/**
 * How our highlights look: the `::highlight(news-context-…)` rules for each
 * entity kind and the active mention. Apart from the highlighter so that the
 * content script does not carry them: the build writes them to a stylesheet
 * declared beside the content script (wxt.config.ts), and the reader page
 * adds them as a style element.
 */
import type { EntityKind } from '../model/knowledge-base';
import { HIGHLIGHT_NAMES } from './highlighter';

// Mid-luminance hues, so the same underline reads on white and on black; the
// tints are translucent and `color` is left alone, so the page's own text
// colour (dark on light, light on dark) keeps its contrast.
const KIND_RGB: Record<EntityKind, string> = {
  person: '37 131 235',
  organisation: '224 122 16',
  place: '22 163 110',
  event: '192 76 214',
};

const allHighlights = Object.values(HIGHLIGHT_NAMES)
  .map((name) => `::highlight(${name})`)
  .join(', ');

/**
 * The `::highlight(news-context-…)` rules: a stylesheet beside the content
 * script (never a style element in the page); tests add them with
 * `page.addStyleTag`.
 *
 * Only some properties apply to `::highlight`: color, background-color,
 * text-shadow, and text-decoration with its longhands (Chromium also applies
 * text-underline-offset and text-decoration-skip-ink; other browsers ignore
 * them and still get the tint and the underline). A kind is told by a
 * translucent tint plus a solid underline in its colour, set a little lower
 * than a link's own underline so both stay visible, and unbroken by
 * descenders (a broken line under "Naqoura" reads as two marks).
 */
export const HIGHLIGHT_CSS = [
  `${allHighlights} {
  text-underline-offset: 0.15em;
  text-decoration-skip-ink: none;
}`,
  ...(Object.keys(KIND_RGB) as EntityKind[]).map(
    (kind) => `::highlight(${HIGHLIGHT_NAMES[kind]}) {
  background-color: rgb(${KIND_RGB[kind]} / 0.16);
  text-decoration: underline solid 2px rgb(${KIND_RGB[kind]});
}`,
  ),
  // Painted over the kind's own style (higher priority): a strong amber that
  // reads under dark text on white and under light text on black.
  `::highlight(${HIGHLIGHT_NAMES.active}) {
  background-color: rgb(250 204 21 / 0.42);
  text-decoration: underline solid 3px rgb(234 88 12);
}`,
  // Forced colours (Windows high contrast) would flatten the tints: use the
  // system's own pair for marked text.
  `@media (forced-colors: active) {
  ${allHighlights} {
    background-color: Mark;
    color: MarkText;
    text-decoration: underline solid 2px MarkText;
  }
}`,
  `@media print {
  ${allHighlights} {
    background-color: transparent;
    text-decoration: none;
  }
}`,
].join('\n');

/** Where the build puts {@link HIGHLIGHT_CSS}, for the manifest and for sites registered at run time. */
export const HIGHLIGHT_STYLESHEET = 'content-scripts/highlights.css';
