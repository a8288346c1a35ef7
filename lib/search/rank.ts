// Ordering of hits: tier first (exact, close, words), then relevance, then the entry's rank.
import { normalizeCode } from "./normalize";
import type { IndexedDoc } from "./types";

/** What the ranking knows about one document while a query runs. */
export type Hit = {
  doc: number;
  tier: number;
  /** How the input matched (the tier before an unnamed product entry was ranked down), for the label. */
  matchTier?: number;
  relevance: number;
  tokens: number;
  exactCodes: string[];
  /** Sorted ahead of everything else when set (the library filter: a message of that library matched). */
  lead?: number;
};

export function compareHits(docs: readonly IndexedDoc[]) {
  return (a: Hit, b: Hit): number =>
    (b.lead ?? 0) - (a.lead ?? 0) ||
    b.tier - a.tier ||
    b.relevance - a.relevance ||
    (docs[a.doc]?.rank ?? 0) - (docs[b.doc]?.rank ?? 0) ||
    a.doc - b.doc;
}

/** The best `size` hits, best first: a bounded insertion instead of sorting thousands of candidates. */
export function selectTop(hits: Hit[], size: number): Hit[] {
  const top: Hit[] = [];
  for (const hit of hits) {
    const last = top[top.length - 1];
    if (top.length >= size && last && !isBetter(hit, last)) continue;
    let position = top.length;
    while (position > 0) {
      const previous = top[position - 1];
      if (!previous || !isBetter(hit, previous)) break;
      position--;
    }
    top.splice(position, 0, hit);
    if (top.length > size) top.pop();
  }
  return top;
}

function isBetter(a: Hit, b: Hit): boolean {
  if ((a.lead ?? 0) !== (b.lead ?? 0)) return (a.lead ?? 0) > (b.lead ?? 0);
  return a.tier !== b.tier ? a.tier > b.tier : a.relevance !== b.relevance ? a.relevance > b.relevance : a.doc < b.doc;
}

/**
 * A code page only defines a code; the entry that cites it fixes the problem. A reference-code hit
 * that would rank above an entry (in the same candidates) carrying one of its codes is placed
 * just below the best such entry: its tier and relevance are capped under the entry's, and the
 * label keeps how the input really matched it.
 */
export function placeCodePagesBelowEntries(docs: readonly IndexedDoc[], hits: Hit[]): Hit[] {
  const entryByCode = new Map<string, Hit>();
  for (const hit of hits) {
    const doc = docs[hit.doc];
    if (doc?.kind !== "entry") continue;
    for (const code of doc.codes) {
      const key = normalizeCode(code);
      const known = entryByCode.get(key);
      if (!known || isBetter(hit, known)) entryByCode.set(key, hit);
    }
  }
  if (entryByCode.size === 0) return hits;
  for (const hit of hits) {
    const doc = docs[hit.doc];
    if (doc?.kind !== "code") continue;
    let best: Hit | undefined;
    for (const code of doc.codes) {
      const entry = entryByCode.get(normalizeCode(code));
      if (entry && (!best || isBetter(entry, best))) best = entry;
    }
    if (!best || !isBetter(hit, best)) continue;
    hit.matchTier ??= hit.tier;
    hit.lead = best.lead;
    hit.tier = best.tier;
    hit.relevance = best.relevance - Math.max(1e-9, Math.abs(best.relevance) * 1e-9);
  }
  return hits;
}
