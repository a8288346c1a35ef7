// Second looks at the best token candidates: adjacency of query words (phrases) and fuse.js.
import Fuse from "fuse.js/basic";
import { tokensOf, type Engine, type FuseItem } from "./engine";
import type { QueryPlan } from "./plan";
import { compareHits, type Hit } from "./rank";
import type { IndexedDoc } from "./types";

/** The index terms of a text in order, compounds left out (their parts follow them), cached. */
function sequenceOf(engine: Engine, text: string): string[] {
  return tokensOf(engine, text)
    .filter((token) => !token.word.includes("_"))
    .map((token) => token.term);
}

/**
 * Words of a short query that stand next to each other in a title, summary, message template or tag
 * ("clock skew", "nonce mismatch") count extra: adjacency is what separates the entry about a
 * problem from one that happens to use the same words.
 */
export function applyPhrases(engine: Engine, plan: QueryPlan, pool: Hit[]): Hit[] {
  if (plan.sequence.length < 2) return pool;
  const weight = engine.options.bonus.phrase;
  for (const hit of pool) {
    const pairs = phrasePairsOf(engine, hit.doc);
    if (pairs.size === 0) continue;
    for (let i = 0; i + 1 < plan.sequence.length; i++) {
      const left = plan.sequence[i];
      const right = plan.sequence[i + 1];
      if (!left || !right || left.size === 0 || right.size === 0) continue;
      let best = 0;
      for (const [a, weightA] of left) {
        for (const [b, weightB] of right) {
          const factor = pairs.get(`${a} ${b}`);
          if (factor !== undefined) best = Math.max(best, (factor * (weightA + weightB)) / 2);
        }
      }
      hit.relevance += weight * best;
    }
  }
  return [...pool].sort(compareHits(engine.docs));
}

const phrasePairsLimit = 2000;

/**
 * Every pair of adjacent terms in a document's title, summary, message templates and tags, with the
 * weight of the best field it occurs in; built once per document on first use, so a query looks its
 * word pairs up instead of scanning every template of every candidate.
 */
function phrasePairsOf(engine: Engine, docId: number): Map<string, number> {
  const cached = engine.phrasePairs.get(docId);
  if (cached) return cached;
  const pairs = new Map<string, number>();
  const doc = engine.docs[docId];
  if (doc) {
    const fields: Array<[string[], number]> = [
      [sequenceOf(engine, doc.title), 1],
      [sequenceOf(engine, doc.summary), 0.6],
      ...doc.messages.map((message): [string[], number] => [sequenceOf(engine, message.norm), 0.8]),
      // Each tag on its own: words of neighbouring tags are not a phrase.
      ...doc.tags.map((tag): [string[], number] => [sequenceOf(engine, tag), 0.6]),
    ];
    for (const [terms, factor] of fields) {
      for (let p = 0; p + 1 < terms.length; p++) {
        const key = `${terms[p] ?? ""} ${terms[p + 1] ?? ""}`;
        if (factor > (pairs.get(key) ?? 0)) pairs.set(key, factor);
      }
    }
  }
  // Bounded like the word cache: a long session over a large catalogue must not keep every document's pairs.
  if (engine.phrasePairs.size >= phrasePairsLimit) engine.phrasePairs.clear();
  engine.phrasePairs.set(docId, pairs);
  return pairs;
}

/**
 * fuse.js as the fuzzy scorer of short queries: only over the best token candidates (or, when
 * the tokens found nothing, over every document of a small catalogue) and only over short
 * fields, so its cost stays bounded whatever the catalogue size.
 */
export function applyFuse(engine: Engine, raw: string, pool: Hit[], fallback: boolean): Hit[] {
  const settings = engine.options.fuse;
  const pattern = raw.trim().replace(/\s+/g, " ");
  if (pattern.length < 3 || pattern.length > settings.maxPatternLength || !/\p{L}/u.test(pattern)) return pool;
  // Exact matches are settled; fuse.js only reorders what words alone found.
  if (!fallback && pool.every((hit) => hit.tier > 0)) return pool;
  const fuseOptions = {
    keys: [
      { name: "title", weight: 3 },
      { name: "codes", weight: 2 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: settings.threshold,
    minMatchCharLength: 2,
  };
  let fuse: Fuse<FuseItem>;
  if (fallback) {
    if (engine.docs.length > settings.fallbackMaxDocs) return pool;
    engine.fuseAll ??= new Fuse(engine.docs.map(toFuseItem), fuseOptions);
    fuse = engine.fuseAll;
  } else {
    fuse = new Fuse(
      pool.slice(0, settings.candidates).flatMap((hit) => {
        const doc = engine.docs[hit.doc];
        return doc ? [toFuseItem(doc, hit.doc)] : [];
      }),
      fuseOptions,
    );
  }
  const byDoc = new Map(pool.map((hit) => [hit.doc, hit]));
  for (const result of fuse.search(pattern)) {
    const boost = settings.weight * (1 - (result.score ?? 1));
    if (boost <= 0) continue;
    const hit = byDoc.get(result.item.doc);
    if (hit) hit.relevance += boost;
    else byDoc.set(result.item.doc, { doc: result.item.doc, tier: 0, relevance: boost, tokens: 0, exactCodes: [] });
  }
  return [...byDoc.values()].sort(compareHits(engine.docs));
}

function toFuseItem(doc: IndexedDoc, docId: number): FuseItem {
  return { doc: docId, title: doc.title, codes: doc.codes };
}
