import { z } from 'zod';
import type { Paper } from './paper';

/** Validates a Paper where one crosses a trust boundary (a content script's message, an import). */
export const PaperSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  authors: z.array(z.string()).default([]),
  abstract: z.string().optional(),
  url: z.string().optional(),
  pdfUrl: z.string().optional(),
  /** ISO date (YYYY-MM-DD) or full ISO timestamp, as precise as the page says. */
  published: z.string().optional(),
  /** The site the paper was read from: `huggingface`, `arxiv`, ... */
  source: z.string().min(1),
  /** Site-specific facts that are worth keeping (upvotes, GitHub repo, comments, subjects...). */
  extras: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
    .optional(),
}) satisfies z.ZodType<Paper, unknown>;
