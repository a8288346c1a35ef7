// Hits → results: the URL (the entry, or one cause), highlight ranges, the match kind.
import { causeUrl } from "@/lib/urls";
import { tokensOf, type Engine } from "./engine";
import type { TextRange } from "./highlight";
import { normalizeCode, tokenizeWithOffsets, type Term } from "./normalize";
import type { QueryPlan } from "./plan";
import type { Hit } from "./rank";
import { field, type IndexedDoc, type SearchMatches, type SearchResult } from "./types";

export function toResult(engine: Engine, hit: Hit, plan: QueryPlan, highlightTerms: Set<string>): SearchResult {
  const doc = engine.docs[hit.doc];
  if (!doc) throw new Error(`search index is inconsistent: no document ${hit.doc}`);
  const cause = pickCause(engine, doc, hit, plan);
  const title = rangesOf(tokensOf(engine, doc.title), highlightTerms);
  const summary = rangesOf(tokensOf(engine, doc.summary), highlightTerms);
  const words = new Set([
    ...title.map(([start, end]) => doc.title.slice(start, end).toLowerCase()),
    ...summary.map(([start, end]) => doc.summary.slice(start, end).toLowerCase()),
  ]);
  const matches: SearchMatches = {
    terms: [...words],
    title,
    summary,
    codes: doc.codes.filter((code) => hit.exactCodes.includes(normalizeCode(code))),
  };
  if (cause) matches.cause = { id: cause.id, title: cause.title, ranges: rangesOf(tokensOf(engine, cause.title), highlightTerms) };
  const result: SearchResult = {
    kind: doc.kind,
    slug: doc.slug,
    title: doc.title,
    area: doc.area,
    summary: doc.summary,
    codes: doc.codes,
    url: cause && doc.kind === "entry" ? causeUrl(doc.slug, cause.id) : doc.url,
    score: Math.round(((hit.tier + hit.relevance / (hit.relevance + 20)) / 3) * 10_000) / 10_000,
    match: (hit.matchTier ?? hit.tier) === 2 ? "exact" : (hit.matchTier ?? hit.tier) === 1 ? "close" : "words",
    matches,
  };
  if (cause) result.causeId = cause.id;
  return result;
}

/** The `[start, end)` range of `doc`'s pairs in a term's `[doc, slot]` postings (binary search). */
function slotsOf(list: Int32Array, doc: number): [number, number] {
  let low = 0;
  let high = list.length / 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid * 2] ?? 0) < doc) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < list.length / 2 && list[end * 2] === doc) end++;
  return [low * 2, end * 2];
}

/**
 * One cause wins the link when the query says something the entry's symptom side (title, codes,
 * messages, symptom, summary) does not, and that cause explains it clearly better than the
 * others (half again the runner-up's score). A query that only names the symptom links to the entry.
 */
function pickCause(engine: Engine, doc: IndexedDoc, hit: Hit, plan: QueryPlan) {
  if (doc.causes.length === 0 || hit.tokens === 0) return undefined;
  const weights = engine.options.fieldWeights;
  const scores = new Float64Array(doc.causes.length);
  for (const matches of plan.resolved) {
    let onSymptomSide = false;
    const inCause = new Map<number, number>();
    for (const { termId, weight: base } of matches) {
      const list = engine.termSlots[termId];
      if (!list) continue;
      const [start, end] = slotsOf(list, hit.doc);
      for (let i = start; i < end; i += 2) {
        const slot = list[i + 1] ?? 0;
        const fieldId = slot & 15;
        if (fieldId === field.causeTitle || fieldId === field.causeText) {
          const cause = slot >> 4;
          const weight = fieldId === field.causeTitle ? weights.causeTitle : weights.causeText;
          inCause.set(cause, Math.max(inCause.get(cause) ?? 0, base * weight));
        } else if (fieldId !== field.tags && fieldId !== field.fix) {
          onSymptomSide = true;
        }
      }
    }
    if (onSymptomSide) continue;
    for (const [cause, value] of inCause) scores[cause] = (scores[cause] ?? 0) + value;
  }
  let first = -1;
  let second = 0;
  scores.forEach((value, index) => {
    if (first === -1 || value > (scores[first] ?? 0)) {
      second = first === -1 ? 0 : (scores[first] ?? 0);
      first = index;
    } else if (value > second) second = value;
  });
  const firstScore = scores[first] ?? 0;
  if (first === -1 || firstScore === 0 || firstScore < 1.5 * second) return undefined;
  return doc.causes[first];
}

/** Ranges of words in `text` whose terms matched; overlapping ranges (compounds and their parts) merge. */
export function highlight(text: string, terms: ReadonlySet<string>): TextRange[] {
  return rangesOf(tokenizeWithOffsets(text), terms);
}

function rangesOf(tokens: readonly Term[], terms: ReadonlySet<string>): TextRange[] {
  if (terms.size === 0) return [];
  const ranges: TextRange[] = tokens
    .filter((token) => terms.has(token.term))
    .map((token): TextRange => [token.start, token.end])
    .sort((a, b) => a[0] - b[0]);
  const merged: TextRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
