import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptsPlural,
  foldingSources,
  foldText,
  foldUnit,
  isWordBoundary,
} from '../../lib/topics/text-classes';

function foldOneByOne(text: string): string {
  return Array.from({ length: text.length }, (_, i) => {
    const lower = text.charAt(i).toLowerCase().charAt(0);
    return lower === 'ς' ? 'σ' : lower;
  }).join('');
}

describe('case folding', () => {
  it('folds every BMP code unit as its own lower case (first unit), with ς as σ', () => {
    const wrong: number[] = [];
    for (let unit = 0; unit < 65536; unit++) {
      if (foldUnit(unit) !== foldOneByOne(String.fromCharCode(unit)).charCodeAt(0)) wrong.push(unit);
    }
    expect(wrong).toEqual([]);
  });

  it('knows every unit that folds into a character', () => {
    const sorted = (pairs: [number, number][]) => pairs.sort((a, b) => a[0] - b[0]);
    expect(sorted(foldingSources([0x6b]))).toEqual([
      [0x4b, 0x6b],
      [0x212a, 0x6b],
    ]);
    expect(sorted(foldingSources([0x3c3, 0x69]))).toEqual([
      [0x49, 0x69],
      [0x130, 0x69],
      [0x3a3, 0x3c3],
      [0x3c2, 0x3c3],
    ]);
    expect(foldingSources([])).toEqual([]);
  });

  it('finds the sources of every folded unit, as folding each BMP unit does', () => {
    const expected: [number, number][] = [];
    for (let unit = 0; unit < 65536; unit++) {
      const folded = foldOneByOne(String.fromCharCode(unit)).charCodeAt(0);
      if (folded !== unit) expected.push([unit, folded]);
    }
    const targets = new Set(expected.map(([, folded]) => folded));
    expect(foldingSources(targets).sort((a, b) => a[0] - b[0])).toEqual(expected);
  });

  it('folds whole texts the same way, on the fast path and off it', () => {
    const pieces = ['a', 'B', 'İ', 'Σ', 'ς', 'ΣΑΣ', '𐐀', '\ud800', 'K', 'ß', 'ẞ', ' ', 'É'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(foldText(text)).toBe(foldOneByOne(text));
      }),
    );
  });
});

describe('word boundaries and plurals', () => {
  it('finds boundaries at non-word characters and next to unspaced scripts', () => {
    expect(isWordBoundary('ab', 1)).toBe(false);
    expect(isWordBoundary('a b', 1)).toBe(true);
    expect(isWordBoundary('e\u0301', 1)).toBe(false);
    expect(isWordBoundary('注意', 1)).toBe(true);
    expect(isWordBoundary('KV缓', 2)).toBe(true);
    expect(isWordBoundary('a𝔸', 1)).toBe(false);
  });

  it('accepts a plural after letters of spaced scripts only', () => {
    expect(acceptsPlural('cache')).toBe(true);
    expect(acceptsPlural('λόγος')).toBe(true);
    expect(acceptsPlural('C++')).toBe(false);
    expect(acceptsPlural('GPT4')).toBe(false);
    expect(acceptsPlural('注意')).toBe(false);
  });
});
