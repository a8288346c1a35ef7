// Parsed input → what to look up: distinct terms and their expansions, message lines, the words
// in order (for codes written out) and, for short queries, the word sequence (for phrases).
import type { Engine } from "./engine";
import { prefixMatches, typoMatches, type TermMatch } from "./expand";
import { normalizeMessage, toDistinctTerms, toTermWords, toTerms, tokenizeWithOffsets } from "./normalize";
import type { ParsedInput } from "./parse-input";

export type QueryPlan = {
  terms: string[];
  /** Per query term, the vocabulary terms it reaches. */
  resolved: TermMatch[][];
  /** Lines of the input reduced to message templates, for exact message matching. */
  lines: Array<{ norm: string; size: number }>;
  /** Lowercase words of the input in order (stopwords kept), for code lookups. */
  words: string[];
  /** The same words with typos corrected towards code words (short queries only; empty if nothing changed). */
  correctedWords: string[];
  /** Short queries: the vocabulary terms each word position reaches, in order, for phrase matching. */
  sequence: Array<Map<string, number>>;
  /** Terms that are a whole compound (`BadJWTException`) whose parts are terms of their own. */
  compounds: Set<string>;
};

/** Longer than this, a query was pasted rather than typed (a typed one has at most a few words). */
const typedQueryMaxLength = 200;

export function planQuery(engine: Engine, parsed: ParsedInput): QueryPlan {
  const { options } = engine;
  const sources = [...parsed.codes, ...parsed.descriptions, ...parsed.messageLines];
  const terms: string[] = [];
  const surface = new Map<string, string>();
  const compounds = new Set<string>();
  for (const source of sources) {
    for (const { term, word, compound } of toTermWords(source)) {
      if (compound) compounds.add(term);
      if (surface.has(term)) continue;
      surface.set(term, word);
      terms.push(term);
      if (terms.length >= options.maxQueryTerms) break;
    }
    if (terms.length >= options.maxQueryTerms) break;
  }

  // While typing, the last word is probably unfinished. (A paste longer than a few words of input
  // is not being typed: it is not tokenised a second time to find out.)
  const rawTerms = parsed.raw.length <= typedQueryMaxLength ? toTerms(parsed.raw) : [];
  const typing = rawTerms.length > 0 && rawTerms.length <= options.shortQueryTerms && /[\p{L}\p{N}_]$/u.test(parsed.raw);
  const partial = typing ? rawTerms[rawTerms.length - 1] : undefined;

  const resolved = terms.map((term) => {
    const termId = engine.termIds.get(term);
    if (termId === undefined) {
      const typos = typoMatches(engine, surface.get(term) ?? term);
      return term === partial ? [...typos, ...prefixMatches(engine, term)] : typos;
    }
    const idf = engine.idf[termId] ?? 0;
    const matches: TermMatch[] = [{ termId, factor: 1, weight: idf }];
    // A longer word the user may be typing never counts more than the word as typed (rare
    // completions would otherwise outrank the common word the user actually wrote).
    if (term === partial) {
      for (const match of prefixMatches(engine, term)) matches.push({ ...match, weight: Math.min(match.weight, match.factor * idf) });
    }
    return matches;
  });

  const lineTexts = [...parsed.descriptions, ...parsed.messageLines];
  if (parsed.messageLines.length > 1) lineTexts.push(parsed.messageLines.join(" "));
  const lines = [...new Set(lineTexts.map(normalizeMessage))]
    .filter((norm) => norm.length > 0)
    .map((norm) => ({ norm, size: toDistinctTerms(norm).length }));

  const words: string[] = [];
  for (const source of sources) {
    for (const match of source.toLowerCase().matchAll(/[\p{L}\p{N}_]+/gu)) {
      words.push(match[0]);
      if (words.length >= 4000) break;
    }
  }

  const short = terms.length <= options.shortQueryTerms;
  const reach = new Map(terms.map((term, index) => [term, resolved[index] ?? []]));
  const sequence: Array<Map<string, number>> = [];
  const correctedWords: string[] = [];
  if (short) {
    for (const token of tokenizeWithOffsets(parsed.raw)) {
      if (token.word.includes("_")) continue; // its parts follow it
      const matches = reach.get(token.term) ?? [];
      sequence.push(new Map(matches.map((match) => [engine.terms[match.termId] ?? "", match.weight])));
    }
    let changed = false;
    for (const word of words) {
      const term = toTerms(word)[0];
      const first = term === undefined ? undefined : reach.get(term)?.[0];
      const corrected = first && first.factor < 1 ? engine.codeWords.get(engine.terms[first.termId] ?? "") : undefined;
      if (corrected && !word.includes("_")) changed = true;
      correctedWords.push(corrected && !word.includes("_") ? corrected : word);
    }
    if (!changed) correctedWords.length = 0;
  }
  return { terms, resolved, lines, words, correctedWords, sequence, compounds };
}
