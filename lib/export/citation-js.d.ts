// citation-js ships no types; these cover the calls Paperlight makes (exports and BibTeX import).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string; generateGraph?: boolean });
    data: Record<string, unknown>[];
    format(format: string, options?: { format?: 'text' | 'html' | 'real'; lineEnding?: string }): string;
  }
  export const plugins: {
    input: {
      /** Parses `input` as exactly `type`, one step, without type detection. */
      data(input: unknown, type: string): unknown;
      /** Detects the input's type and parses it to `target`. */
      chain(input: unknown, options: { target: string; generateGraph?: boolean }): unknown;
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/name' {
  export function parse(name: string): Record<string, string>;
}
