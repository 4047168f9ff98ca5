import { z } from 'zod';
import { PaperSchema } from './paper-schema';

/**
 * A saved paper: what the page offered, plus the researcher's own data. This is also the shape of a
 * backup's `bookmarks[]` entry (CONTRACT.md §3). Unknown fields pass through untouched, so a newer
 * version's backup imported here and exported again loses nothing.
 */
export const BookmarkSchema = z.looseObject({
  ...PaperSchema.shape,
  source: PaperSchema.shape.source.optional(),
  addedAt: z.string().default(() => new Date().toISOString()),
  /** Last change by the user (tags, note, read state); merges keep the newest edit. */
  updatedAt: z.string().optional(),
  tags: z.array(z.string()).default([]),
  note: z.string().default(''),
  /** Topic ids the paper matched when it was saved. */
  topics: z.array(z.string()).default([]),
  read: z.boolean().default(false),
  /** The page the paper was saved from. */
  savedFrom: z.string().optional(),
});
export type Bookmark = z.infer<typeof BookmarkSchema>;
