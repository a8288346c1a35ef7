// Ordering of hits: tier first (exact, close, words), then relevance, then the entry's rank.
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
};

export function compareHits(docs: readonly IndexedDoc[]) {
  return (a: Hit, b: Hit): number =>
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
  return a.tier !== b.tier ? a.tier > b.tier : a.relevance !== b.relevance ? a.relevance > b.relevance : a.doc < b.doc;
}
