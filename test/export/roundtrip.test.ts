import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createBackup, mergeLibrary, parseBackup, serializeBackup } from '../../lib/backup';
import { libraryArbitrary } from './arbitraries';

test('backup round trip: export → import into an empty library → the same library', () => {
  fc.assert(
    fc.property(libraryArbitrary, fc.date({ noInvalidDate: true }), (library, now) => {
      const text = serializeBackup(createBackup(library.topics, library.bookmarks, now));
      const parsed = parseBackup(text);
      if (!parsed.ok) throw new Error(parsed.error);
      const merged = mergeLibrary({ topics: [], bookmarks: [] }, parsed.backup);
      expect(merged.topics).toEqual(library.topics);
      expect(merged.bookmarks).toEqual(library.bookmarks);
      expect(merged.report).toMatchObject({
        added: library.topics.length + library.bookmarks.length,
        refused: [],
      });
      // Importing the same file again changes nothing.
      const again = mergeLibrary(merged, parsed.backup);
      expect(again.report).toMatchObject({ added: 0, updated: 0, refused: [] });
    }),
    { numRuns: 200 },
  );
});
