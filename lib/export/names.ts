import { parse as parseName } from '@citation-js/name';
import { oneLine } from './fields';

/** given, family, literal, and particles (`non-dropping-particle`...) as citation-js parses them. */
export type CslName = Record<string, string>;

/** "Jane Doe" → given/family (particles kept); a name citation-js cannot split stays whole. */
export function cslName(name: string): CslName {
  const clean = oneLine(name);
  try {
    const parsed = parseName(clean);
    if (parsed.family) return parsed;
  } catch {
    // citation-js's name parser throws on some inputs: the name is then kept as written.
  }
  return { literal: clean || name };
}

/** A name parser that parses each distinct name once: authors recur across a library. */
export function memoised<T>(parse: (name: string) => T): (name: string) => T {
  const cache = new Map<string, T>();
  return (name) => {
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const parsed = parse(name);
    cache.set(name, parsed);
    return parsed;
  };
}
