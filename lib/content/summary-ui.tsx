import { render } from 'preact';
import { SummaryBar, type SummaryBarProps } from '../../components/SummaryBar';
import { createShadowHost } from './shadow-host';
import summaryCss from './summary-ui.css?inline';

/**
 * The page's topic summary bar, fixed in a corner, in its own shadow root. Created only on pages
 * that have both cards and enabled topics.
 */
export class SummaryUi {
  private readonly host: HTMLElement;
  private readonly mountPoint: HTMLElement;

  constructor(private readonly doc: Document) {
    ({ host: this.host, mountPoint: this.mountPoint } = createShadowHost(
      doc,
      'paperlight-summary',
      'summary',
      summaryCss,
    ));
  }

  render(props: SummaryBarProps): void {
    if (!this.host.isConnected) this.doc.body.append(this.host);
    render(<SummaryBar {...props} />, this.mountPoint);
  }

  hide(): void {
    render(null, this.mountPoint);
    this.host.remove();
  }
}

/**
 * How non-matching cards look: one style element whose rules follow the chosen mode, so the
 * page's elements themselves are never restyled.
 */
export class FocusStyle {
  private readonly style: HTMLStyleElement;

  constructor(doc: Document) {
    this.style = doc.createElement('style');
    this.style.setAttribute('data-paperlight-ui', 'focus');
    (doc.head ?? doc.documentElement).append(this.style);
  }

  set(mode: SummaryBarProps['mode']): void {
    const others = '[data-paperlight-id]:is(:not([data-paperlight-topics]), [data-paperlight-topics=""])';
    // arXiv listings split a paper into <dt> (id line) and <dd> (the card): the <dt> follows its <dd>.
    const othersWithLabel = `${others}, dt:has(+ ${others})`;
    this.style.textContent =
      mode === 'dim'
        ? `${othersWithLabel} { opacity: 0.35; transition: opacity 0.15s; }`
        : mode === 'hide'
          ? `${othersWithLabel} { display: none !important; }`
          : '';
  }

  remove(): void {
    this.style.remove();
  }
}
