// The search engine's public face: build an index, query it. A query goes: parse the paste →
// exact lookups (codes, HTTP statuses, message templates) → candidates from the inverted index,
// with typo and prefix expansion → phrases and fuse.js over the best few → tiers (exact beats
// close beats words), relevance within a tier. Runs in the browser and in Node.
import { getEngine, pushTo } from "./engine";
import { matchMessages } from "./messages";
import { isStopword, normalizeCode } from "./normalize";
import { parseInput } from "./parse-input";
import { planQuery } from "./plan";
import { placeCodePagesBelowEntries, selectTop, type Hit } from "./rank";
import { applyFuse, applyPhrases } from "./rerank";
import { toResult } from "./results";
import type { IndexedDoc, SearchIndex, SearchQueryOptions, SearchResponse } from "./types";

export { buildSearchIndex, countSearchDocs, isSearchIndex, openSearchIndex } from "./build";
export { editDistance } from "./expand";
export { splitHighlights, type TextRange } from "./highlight";
export { highlight } from "./results";
export * from "./types";


export function searchIndex(index: SearchIndex, query: string, queryOptions: SearchQueryOptions = {}): SearchResponse {
  const engine = getEngine(index);
  const { options } = engine;
  // The API caps `limit` at `maxLimit`; the catalogue filter asks for every match.
  const limit = Math.max(1, Math.min(engine.docs.length, Math.floor(queryOptions.limit ?? options.defaultLimit) || 1));
  const text = query.slice(0, options.maxQueryLength);
  const parsed = parseInput(text);
  const library = queryOptions.library;
  const echo = library === undefined ? {} : { library };
  if (text.trim().length === 0) return { query, ...echo, parsed, results: [] };

  const plan = planQuery(engine, parsed);
  const { docs } = engine;
  const count = docs.length;
  const { seen, score, best, bestBase, explained, bonus, relevance, matched, tier } = engine.scratch;
  const touched: number[] = [];
  const hitTerms = new Set<number>();
  // The library filter: entries quoting one of its messages; those whose matching message is its come first.
  const inLibrary = library === undefined ? undefined : (doc: number) => docs[doc]?.kind === "entry" && (docs[doc]?.messages.some((message) => message.library === library) ?? false);
  const libraryMatched = new Set<number>();
  const exactCodesOf = new Map<number, string[]>();
  const namedByMessage = new Set<number>();
  function touch(doc: number): void {
    if (seen[doc] === 0) {
      seen[doc] = 1;
      touched.push(doc);
    }
  }

  try {
    // Token stage: per query term, each document counts the best field it has the term in.
    for (const matches of plan.resolved) {
      const single = matches.length === 1;
      const termTouched: number[] = [];
      for (const { termId, weight: base } of matches) {
        const docList = engine.termDocs[termId];
        const weightList = engine.termWeights[termId];
        if (!docList || !weightList || docList.length === 0) continue;
        hitTerms.add(termId);
        for (let i = 0; i < docList.length; i++) {
          const doc = docList[i] ?? 0;
          const value = base * (weightList[i] ?? 0);
          if (single) {
            touch(doc);
            score[doc] = (score[doc] ?? 0) + value;
            explained[doc] = (explained[doc] ?? 0) + base;
            matched[doc] = (matched[doc] ?? 0) + 1;
          } else {
            if ((best[doc] ?? 0) === 0) termTouched.push(doc);
            if (value > (best[doc] ?? 0)) {
              best[doc] = value;
              bestBase[doc] = base;
            }
          }
        }
      }
      for (const doc of termTouched) {
        touch(doc);
        score[doc] = (score[doc] ?? 0) + (best[doc] ?? 0);
        explained[doc] = (explained[doc] ?? 0) + (bestBase[doc] ?? 0);
        matched[doc] = (matched[doc] ?? 0) + 1;
        best[doc] = 0;
        bestBase[doc] = 0;
      }
    }

    // Exact codes: named by the input (error fields, AADSTS, exception prefixes) or written verbatim.
    const exactCodes = new Set(parsed.codes.map(normalizeCode));
    for (const word of plan.words) if (engine.codeDocs.has(word)) exactCodes.add(word);
    for (const code of exactCodes) {
      const codeDocs = engine.codeDocs.get(code);
      if (!codeDocs) continue;
      const rarity = Math.log(1 + count / codeDocs.length);
      for (const doc of codeDocs) {
        touch(doc);
        tier[doc] = 2;
        bonus[doc] = (bonus[doc] ?? 0) + options.bonus.code * rarity * codeRole(docs[doc], code);
        pushTo(exactCodesOf, doc, code);
      }
    }
    // A code spelled as words ("login required", "redirect uri mismatch"), typos corrected at a
    // discount: when that is the whole query it is a close match; inside a longer query ("Snowflake
    // redirect uri mismatch", "kid not found") only a bonus for entries, the other words decide.
    const contentWords = plan.words.filter((word) => !isStopword(word)).length;
    const phraseCodes = new Map<string, { factor: number; whole: boolean }>();
    const spellings: Array<{ words: string[]; factor: number }> = [
      { words: plan.words, factor: 0.5 },
      { words: plan.correctedWords, factor: 0.5 * options.typo.factor },
    ];
    for (const { words, factor } of spellings) {
      for (let n = 2; n <= 4; n++) {
        for (let i = 0; i + n <= words.length; i++) {
          const phrase = words.slice(i, i + n).join("_");
          if (!exactCodes.has(phrase) && !phraseCodes.has(phrase) && engine.codeDocs.has(phrase)) {
            const whole = n >= contentWords || plan.exceptionPhrases.has(phrase);
            phraseCodes.set(phrase, { factor: whole ? factor : factor * 0.3, whole });
          }
        }
      }
    }
    for (const [code, { factor, whole }] of phraseCodes) {
      const codeDocs = engine.codeDocs.get(code) ?? [];
      const rarity = Math.log(1 + count / Math.max(1, codeDocs.length));
      for (const doc of codeDocs) {
        if (!whole && docs[doc]?.kind === "code") continue;
        touch(doc);
        if (whole) tier[doc] = Math.max(tier[doc] ?? 0, 1);
        bonus[doc] = (bonus[doc] ?? 0) + options.bonus.code * rarity * factor * codeRole(docs[doc], code);
      }
    }

    // A message that names a claim is about that claim's check: a document that never mentions it is about another one.
    const namesClaim = new Set<number>();
    for (const termId of plan.claims) for (const doc of engine.termDocs[termId] ?? []) namesClaim.add(doc);
    const lacksClaim = (doc: number) => plan.claims.length > 0 && !namesClaim.has(doc);

    // Exact messages: the template inside a pasted line, or a pasted fragment inside the template.
    for (const match of matchMessages(engine, plan)) {
      touch(match.doc);
      // Most of a template about something else (the wrapper "failed to exchange token") is not a close match.
      if (match.exact || !lacksClaim(match.doc)) tier[match.doc] = Math.max(tier[match.doc] ?? 0, match.exact ? 2 : 1);
      bonus[match.doc] = (bonus[match.doc] ?? 0) + match.bonus;
      if (library !== undefined && match.library === library) libraryMatched.add(match.doc);
      if (match.named) namedByMessage.add(match.doc);
    }

    // HTTP statuses support other evidence; on their own they only count when nothing else was asked.
    for (const status of parsed.statuses) {
      const statusDocs = engine.statusDocs.get(status);
      if (!statusDocs) continue;
      const rarity = Math.log(1 + count / statusDocs.length);
      for (const doc of statusDocs) {
        const known = (matched[doc] ?? 0) > 0 || (tier[doc] ?? 0) > 0;
        if (plan.terms.length > 0 && !known) continue;
        touch(doc);
        bonus[doc] = (bonus[doc] ?? 0) + options.bonus.status * rarity;
      }
    }

    // Product and vendor entries need the product named (or one of the vendor's codes): a generic message
    // that a playground or Keycloak entry also quotes belongs to the general entry first.
    const rawText = text.toLowerCase();
    const rankedDownFrom = new Map<number, number>();
    const named = new Map<RegExp, boolean>();
    function unnamedSpecific(doc: number): boolean {
      const pattern = engine.specificPatterns[doc];
      if (pattern === undefined || namedByMessage.has(doc)) return false;
      // A vendor's code (AADSTS7000215, listed in `specificTo`) names the product; invalid_client does not.
      const specificTo = docs[doc]?.specificTo ?? [];
      if (exactCodesOf.get(doc)?.some((code) => specificTo.includes(code))) return false;
      let found = named.get(pattern);
      if (found === undefined) {
        found = pattern.test(rawText);
        named.set(pattern, found);
      }
      return !found;
    }

    // Relevance, and which documents count as results at all.
    const totalTerms = plan.terms.length;
    const short = totalTerms > 0 && totalTerms <= options.shortQueryTerms;
    let most = 0;
    let top = 0;
    for (const doc of touched) {
      const coverage = short ? ((matched[doc] ?? 0) / totalTerms) ** 2 : 1;
      let value = (score[doc] ?? 0) * coverage * (engine.wordFactor[doc] ?? 1) + (bonus[doc] ?? 0) + (engine.rankBonus[doc] ?? 0);
      if (lacksClaim(doc)) value *= options.claimMissingFactor;
      if (unnamedSpecific(doc)) {
        value *= options.unnamedSpecific.factor;
        if ((tier[doc] ?? 0) > 0) {
          rankedDownFrom.set(doc, tier[doc] ?? 0);
          tier[doc] = 0;
        }
      }
      relevance[doc] = value;
      if ((tier[doc] ?? 0) === 0 && (!inLibrary || inLibrary(doc))) {
        most = Math.max(most, matched[doc] ?? 0);
        top = Math.max(top, value);
      }
    }
    const required = short ? Math.max(1, Math.min(most, Math.ceil(totalTerms * 0.6))) : 0;
    const minimum = !short && totalTerms > 0 ? top * options.minRelativeScore : 0;
    // Words the catalogue has never seen are the most specific ones: a document that explains
    // only a small share of what was asked ("HTTP" in a paste about a flux capacitor) is noise,
    // and "no entry matches" with what was parsed is the more useful answer.
    const unknownWeight = Math.log(1 + count);
    // Words of identifiers (`BadJWTException`, `django.core.exceptions`) name code, not the problem:
    // they score for the documents holding them and are not asked of the others.
    const queryMass = plan.resolved.reduce(
      (sum, matches, at) =>
        sum + (plan.identifiers.has(plan.terms[at] ?? "") ? 0 : matches.length === 0 ? unknownWeight : Math.max(...matches.map((match) => match.weight))),
      0,
    );
    const minimumExplained = totalTerms <= options.explained.upToTerms ? queryMass * options.explained.share : 0;
    function qualifies(doc: number): boolean {
      if (inLibrary && !inLibrary(doc)) return false;
      if ((tier[doc] ?? 0) > 0) return true;
      if ((explained[doc] ?? 0) < minimumExplained) return false;
      if (short) return (matched[doc] ?? 0) >= required;
      return (relevance[doc] ?? 0) >= minimum && (relevance[doc] ?? 0) > 0;
    }
    function hitOf(doc: number): Hit {
      const matchTier = rankedDownFrom.get(doc);
      return { doc, tier: tier[doc] ?? 0, ...(matchTier === undefined ? {} : { matchTier }), ...(libraryMatched.has(doc) ? { lead: 1 } : {}), relevance: relevance[doc] ?? 0, tokens: score[doc] ?? 0, exactCodes: exactCodesOf.get(doc) ?? [] };
    }

    let pool = selectTop(touched.filter(qualifies).map(hitOf), Math.max(limit, options.rerankCandidates));
    pool = applyPhrases(engine, plan, pool);
    pool = applyFuse(engine, parsed.raw, pool, totalTerms === 0 || touched.length === 0);
    // fuse.js may add documents of its own: the filter holds for them too.
    if (inLibrary) pool = pool.filter((hit) => inLibrary(hit.doc));
    const ranked = selectTop(placeCodePagesBelowEntries(docs, pool), limit);
    const highlightTerms = new Set([...hitTerms].map((termId) => engine.terms[termId] ?? ""));
    const results = ranked.map((hit) => toResult(engine, hit, plan, highlightTerms));
    return { query, ...echo, parsed, results };
  } finally {
    for (const doc of touched) {
      seen[doc] = 0;
      score[doc] = 0;
      explained[doc] = 0;
      best[doc] = 0;
      bonus[doc] = 0;
      relevance[doc] = 0;
      matched[doc] = 0;
      tier[doc] = 0;
    }
  }
}

/**
 * Entries list their own code first (`[AADSTS7000215, invalid_client]`): an entry whose primary
 * code was named is more specific than one that lists it as the generic code it comes with.
 */
function codeRole(doc: IndexedDoc | undefined, code: string): number {
  const first = doc?.codes[0];
  return first !== undefined && normalizeCode(first) === code ? 1 : 0.6;
}
