import type { Paper } from '../paper';

/** One paper as it appears on a page: the data, and the elements that show it. */
export interface PaperCard {
  paper: Paper;
  /** The card's root: gets `data-paperlight-id` and holds the extension's UI root. */
  root: HTMLElement;
  /** Where the UI root (bookmark toggle, topic chips) is inserted; inside `root`. */
  uiAnchor: HTMLElement;
  /** `before`: as the anchor's first child; `after`: as its last child. */
  uiPlacement: 'before' | 'after';
  /** The elements whose text shows the paper's fields: these are what topic highlighting paints. */
  fields: { title?: Element; authors?: Element; abstract?: Element };
}

/** One site. `extract` is pure: it reads the document it is given, and never throws for a bad card. */
export interface SiteAdapter {
  /** Short name, used in logs and as `Paper.source`. */
  name: string;
  matches(url: URL): boolean;
  extract(doc: Document, url: URL): PaperCard[];
}
