import { z } from 'zod';

/** A named, coloured list of terms the user cares about. Terms written as `/pattern/` are regexes. */
export const TopicSchema = z.looseObject({
  id: z.string().min(1),
  label: z.string().min(1),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour')
    .default('#f4b400'),
  terms: z.array(z.string()),
  enabled: z.boolean().default(true),
  /** Last edit (ISO timestamp); imports and sync keep the newer of two versions of a topic. */
  updatedAt: z.string().optional(),
});
export type Topic = z.infer<typeof TopicSchema>;

/** A topic id from its label: lowercase words joined by hyphens, never empty. */
export function topicIdFromLabel(label: string): string {
  const slug = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'topic';
}
