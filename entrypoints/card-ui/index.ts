import { CARD_UI_GLOBAL, type CardUiModule } from '../content/card-ui-contract';
import { HoverCard } from '../content/hover-card';

/**
 * The hover card's code on a news page: the pointer state machine, the card
 * frame and its placement. Added by the background to a frame whose content
 * script found something to highlight (`card/ui`), into that script's
 * isolated world; it hands the content script a factory and does nothing
 * else.
 */
export default defineUnlistedScript(() => {
  const module: CardUiModule = {
    createCardUi: (ctx, highlighter, pageDate) => new HoverCard(ctx, highlighter, pageDate),
  };
  (globalThis as { [CARD_UI_GLOBAL]?: CardUiModule })[CARD_UI_GLOBAL] = module;
});
