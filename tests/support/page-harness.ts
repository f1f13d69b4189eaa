/**
 * Entry bundled by `bundleForPage` for tests and benchmarks in a real page:
 * exposes our text and highlight modules as `window.__nc`, plus a stand-in for
 * the entity matcher (plain substring search) so a test can paint mentions.
 */

import type { EntityKind } from '../../lib/model/knowledge-base';
import { HIGHLIGHT_CSS } from '../../lib/page/highlight-style';
import { HIGHLIGHT_NAMES, Highlighter, type MentionInput } from '../../lib/page/highlighter';
import {
  collectTextBlocks,
  collectTextBlocksWithin,
  isBlockCurrent,
  OWN_UI_TAG,
  orderViewportFirst,
  rangeTextNodes,
  rescanRoots,
  spanToRange,
  type TextBlock,
  TextBlockCollector,
} from '../../lib/page/text-ranges';

/** An alias to find verbatim, and the entity it names. */
export interface TestAlias {
  alias: string;
  entityId: string;
  kind: EntityKind;
}

/** Every verbatim occurrence of each alias in the blocks, as mentions to paint. */
function findMentions(blocks: readonly TextBlock[], aliases: readonly TestAlias[]): MentionInput[] {
  const mentions: MentionInput[] = [];
  for (const block of blocks) {
    for (const { alias, entityId, kind } of aliases) {
      for (let at = block.text.indexOf(alias); at !== -1; at = block.text.indexOf(alias, at + alias.length)) {
        mentions.push({ range: spanToRange(block, at, at + alias.length), entityId, kind });
      }
    }
  }
  return mentions;
}

/** What the last `paint` left, for later steps of a test. */
const state: { highlighter?: Highlighter; blocks?: TextBlock[] } = {};

/** Reads the body, paints every verbatim occurrence of the aliases, and returns how many mentions were added. */
function paint(aliases: readonly TestAlias[]): number {
  state.highlighter?.destroy();
  const blocks = collectTextBlocks(document.body);
  const highlighter = new Highlighter(document);
  state.highlighter = highlighter;
  state.blocks = blocks;
  return highlighter.add(findMentions(blocks, aliases)).length;
}

const nc = {
  collectTextBlocks,
  collectTextBlocksWithin,
  isBlockCurrent,
  orderViewportFirst,
  rangeTextNodes,
  rescanRoots,
  spanToRange,
  TextBlockCollector,
  Highlighter,
  HIGHLIGHT_CSS,
  HIGHLIGHT_NAMES,
  OWN_UI_TAG,
  findMentions,
  paint,
  state,
};

declare global {
  interface Window {
    __nc: typeof nc;
  }
}

window.__nc = nc;
