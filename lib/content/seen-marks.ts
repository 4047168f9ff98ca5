import type { Settings } from '../settings';

/**
 * How papers seen on an earlier visit look: `data-paperlight-seen` on their card roots, and one
 * style element that dims them while the "dim seen papers" setting is on.
 */
export class SeenStyle {
  private style: HTMLStyleElement | undefined;

  constructor(private readonly doc: Document) {}

  apply(settings: Settings): void {
    if (!settings.dimSeen) {
      this.style?.remove();
      this.style = undefined;
      return;
    }
    if (!this.style) {
      this.style = this.doc.createElement('style');
      this.style.setAttribute('data-paperlight-ui', 'seen');
      // arXiv listings split a paper into <dt> (id line) and <dd> (the card): dim both.
      this.style.textContent =
        '[data-paperlight-seen], dt:has(+ [data-paperlight-seen]) { opacity: 0.55; }\n' +
        '[data-paperlight-seen]:hover, dt:has(+ [data-paperlight-seen]):hover { opacity: 1; }';
    }
    // The script starts before the page is parsed: there may be no <head> yet.
    if (!this.style.isConnected) (this.doc.head ?? this.doc.documentElement).append(this.style);
  }

  remove(): void {
    this.style?.remove();
  }
}
