import { render } from 'preact';
import { CardControls, type CardControlsProps } from '../../components/CardControls';
import type { PaperCard } from '../sites/types';
import cardCss from './card-ui.css?inline';
import { createShadowHost } from './shadow-host';

/** The custom element name of a card's UI root; unknown to the page, so nothing styles it. */
export const CARD_UI_TAG = 'paperlight-card-ui';

/** One card's UI root (see shadow-host.ts): the bookmark toggle and the card's topic chips. */
export class CardUi {
  readonly host: HTMLElement;
  private readonly mountPoint: HTMLElement;

  constructor(doc: Document) {
    ({ host: this.host, mountPoint: this.mountPoint } = createShadowHost(doc, CARD_UI_TAG, 'card', cardCss));
  }

  /** Inserts the host where the adapter says the card's UI belongs. */
  attach(card: PaperCard): void {
    if (card.uiPlacement === 'before') card.uiAnchor.prepend(this.host);
    else card.uiAnchor.append(this.host);
  }

  /** Whether the host is still where it was put: pages that re-render a card drop it. */
  isAttachedTo(card: PaperCard): boolean {
    return this.host.isConnected && card.root.contains(this.host);
  }

  render(props: CardControlsProps): void {
    render(<CardControls {...props} />, this.mountPoint);
  }

  destroy(): void {
    render(null, this.mountPoint);
    this.host.remove();
  }
}
