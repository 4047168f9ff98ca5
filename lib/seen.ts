import type { Database } from './db';

/**
 * Which papers a listing shows for the first time. A paper is new on a listing when it was first
 * seen (on any page) after the user's previous visit to that listing ended; the first visit to a
 * listing marks nothing, since there is nothing to compare with. Ids only, and they expire.
 */

/** A visit this soon after the last one is the same visit: reloading keeps the "new" markers. */
export const SAME_VISIT_MS = 30 * 60_000;
/** Papers not shown for this long are forgotten. */
export const SEEN_TTL_MS = 120 * 24 * 60 * 60_000;
/** Expired entries removed per visit: expiry never makes one visit slow. */
const EXPIRE_PER_VISIT = 2_000;

/** Listing pages that differ only in paging or display size are one listing. */
const PAGING_PARAMS = new Set(['skip', 'show', 'start', 'p', 'page']);

export function listingKey(href: string): string {
  const url = new URL(href);
  const params = [...url.searchParams].filter(([name]) => !PAGING_PARAMS.has(name)).sort();
  const query = new URLSearchParams(params).toString();
  return `${url.host}${url.pathname.replace(/\/+$/, '')}${query ? `?${query}` : ''}`;
}

export interface VisitResult {
  /** Shown for the first time since the previous visit to this listing. */
  newIds: string[];
  /** Shown before this visit began (on any page). */
  seenIds: string[];
}

export async function recordVisit(
  db: Database,
  listing: string,
  ids: string[],
  now = Date.now(),
): Promise<VisitResult> {
  const tx = db.transaction(['seen', 'listings'], 'readwrite');
  const seen = tx.objectStore('seen');
  const listings = tx.objectStore('listings');
  const last = await listings.get(listing);
  const sameVisit = last !== undefined && now - last.lastVisit < SAME_VISIT_MS;
  const visit = sameVisit
    ? { ...last, lastVisit: now }
    : { key: listing, visitStart: now, lastVisit: now, previousVisit: last?.lastVisit };
  const unique = [...new Set(ids)];
  const known = await Promise.all(unique.map((id) => seen.get(id)));
  const newIds: string[] = [];
  const seenIds: string[] = [];
  const writes: Promise<unknown>[] = [listings.put(visit)];
  unique.forEach((id, i) => {
    const entry = known[i];
    const firstSeen = entry?.firstSeen ?? now;
    if (visit.previousVisit !== undefined && firstSeen > visit.previousVisit) newIds.push(id);
    if (firstSeen < visit.visitStart) seenIds.push(id);
    writes.push(seen.put({ id, firstSeen, lastSeen: now }));
  });
  let expired = await seen.index('lastSeen').openCursor(IDBKeyRange.upperBound(now - SEEN_TTL_MS));
  for (let removed = 0; expired && removed < EXPIRE_PER_VISIT; removed++) {
    writes.push(expired.delete());
    expired = await expired.continue();
  }
  await Promise.all(writes);
  await tx.done;
  return { newIds, seenIds };
}
