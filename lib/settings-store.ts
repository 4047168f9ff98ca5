import { z } from 'zod';
import type { Database } from './db';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/** Settings as stored: a setting added later gets its default, so older records stay valid. */
export const SettingsSchema = z.object({
  dimSeen: z.boolean().default(DEFAULT_SETTINGS.dimSeen),
  markNew: z.boolean().default(DEFAULT_SETTINGS.markNew),
  sync: z.boolean().default(DEFAULT_SETTINGS.sync),
}) satisfies z.ZodType<Settings, unknown>;

const SETTINGS_KEY = 'settings';

export async function readSettings(db: Database): Promise<Settings> {
  return SettingsSchema.parse((await db.get('settings', SETTINGS_KEY)) ?? {});
}

export async function updateSettings(db: Database, changes: Partial<Settings>): Promise<Settings> {
  const tx = db.transaction('settings', 'readwrite');
  const current = SettingsSchema.parse((await tx.store.get(SETTINGS_KEY)) ?? {});
  const next = SettingsSchema.parse({ ...current, ...changes });
  await tx.store.put(next, SETTINGS_KEY);
  await tx.done;
  return next;
}
