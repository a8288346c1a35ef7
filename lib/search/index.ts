// The search engine: builds a serialisable index from search documents and answers queries.
// Stages: parse the paste → exact lookups (codes, HTTP statuses, message templates) → candidate
// generation from an inverted index with typo and prefix expansion → fuse.js over a handful of
// candidates for short queries → ranking in tiers (exact beats close beats words).
// Runs in the browser and in Node: no platform imports.
import Fuse from "fuse.js/basic";
import { causeUrl } from "@/lib/urls";
import type { SearchDoc } from "./documents";
import { isStopword, normalizeCode, normalizeMessage, toDistinctTerms, toTermWords, toTerms, tokenizeWithOffsets, type Term } from "./normalize";
import { searchFields, searchOptions as defaultOptions, type SearchField, type SearchOptions } from "./options";
import type { TextRange } from "./highlight";
import { parseInput, type ParsedInput } from "./parse-input";

export const searchIndexVersion = 2;

export type IndexedMessage = {
  /** The message reduced to its template by `normalizeMessage`. */
  norm: string;
  /** Distinct terms in the template. */
  size: number;
};

export type IndexedDoc = {
  kind: SearchDoc["kind"];
  slug: string;
  title: string;
  area: string;
  summary: string;
  url: string;
  codes: string[];
  http: number[];
  tags: string[];
  rank: number;
  causes: Array<{ id: string; title: string }>;
  messages: IndexedMessage[];
};

/** Plain JSON: built at build time in Node, fetched by the browser. */
export type SearchIndex = {
  version: typeof searchIndexVersion;
  options: SearchOptions;
  docs: IndexedDoc[];
  /** Sorted vocabulary. */
  terms: string[];
  /** Per term, the words it was made from when they differ ("rotated rotation" for `rotat`), space-separated: typos are looked up among real words. */
  forms: string[];
  /** Per term: flat pairs `[doc, slot]`, ordered by doc; `slot = field | (sub << 4)` (sub = cause or message index). */
  postings: number[][];
};

export type { TextRange } from "./highlight";
export { splitHighlights } from "./highlight";

export type SearchMatches = {
  /** The words that were highlighted, as written in the result. */
  terms: string[];
  title: TextRange[];
  summary: TextRange[];
  /** Codes of the result that the input named exactly. */
  codes: string[];
  cause?: { id: string; title: string; ranges: TextRange[] };
};

export type SearchResult = {
  kind: SearchDoc["kind"];
  slug: string;
  title: string;
  area: string;
  summary: string;
  codes: string[];
  url: string;
  /** 0–1, higher is better; comparable within one response only. */
  score: number;
  /** `exact`: a code or message matched verbatim; `close`: most of a message matched; `words`: terms only. */
  match: "exact" | "close" | "words";
  causeId?: string;
  matches: SearchMatches;
};

export type SearchResponse = { query: string; parsed: ParsedInput; results: SearchResult[] };

export type SearchQueryOptions = { limit?: number };

const field = {
  title: 0,
  codes: 1,
  messages: 2,
  symptom: 3,
  tags: 4,
  summary: 5,
  causeTitle: 6,
  causeText: 7,
  fix: 8,
} satisfies Record<SearchField, number>;

// ---------------------------------------------------------------------------------------------
// Building

export function buildSearchIndex(docs: readonly SearchDoc[], options: SearchOptions = defaultOptions): SearchIndex {
  const postingsByTerm = new Map<string, number[]>();
  const formsByTerm = new Map<string, Set<string>>();
  docs.forEach((doc, docId) => {
    const seen = new Set<string>();
    function add(text: string, fieldId: number, sub: number): void {
      const slot = fieldId | (sub << 4);
      for (const { term, word } of toTermWords(text)) {
        if (word !== term) {
          const forms = formsByTerm.get(term);
          if (forms) forms.add(word);
          else formsByTerm.set(term, new Set([word]));
        }
        const key = `${slot}:${term}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const list = postingsByTerm.get(term);
        if (list) list.push(docId, slot);
        else postingsByTerm.set(term, [docId, slot]);
      }
    }
    add(doc.title, field.title, 0);
    for (const code of doc.codes) add(code, field.codes, 0);
    doc.messages.forEach((message, index) => add(normalizeMessage(message), field.messages, index));
    add(doc.symptom, field.symptom, 0);
    add(doc.tags.join("\n"), field.tags, 0);
    add(doc.summary, field.summary, 0);
    doc.causes.forEach((cause, index) => {
      add(cause.title, field.causeTitle, index);
      add(cause.text, field.causeText, index);
    });
    add(doc.fix, field.fix, 0);
  });
  const terms = [...postingsByTerm.keys()].sort();
  return {
    version: searchIndexVersion,
    options,
    docs: docs.map(toIndexedDoc),
    terms,
    forms: terms.map((term) => [...(formsByTerm.get(term) ?? [])].sort().join(" ")),
    postings: terms.map((term) => postingsByTerm.get(term) ?? []),
  };
}

function toIndexedDoc(doc: SearchDoc): IndexedDoc {
  return {
    kind: doc.kind,
    slug: doc.slug,
    title: doc.title,
    area: doc.area,
    summary: doc.summary,
    url: doc.url,
    codes: doc.codes,
    http: doc.http,
    tags: doc.tags,
    rank: doc.rank,
    causes: doc.causes.map((cause) => ({ id: cause.id, title: cause.title })),
    messages: doc.messages.map((message) => {
      const norm = normalizeMessage(message);
      return { norm, size: toDistinctTerms(norm).length };
    }),
  };
}

/** Checks that fetched JSON is an index this code can read (the browser gets it over the network). */
export function isSearchIndex(value: unknown): value is SearchIndex {
  if (typeof value !== "object" || value === null) return false;
  if (!("version" in value) || value.version !== searchIndexVersion) return false;
  return (
    "docs" in value && Array.isArray(value.docs) &&
    "terms" in value && Array.isArray(value.terms) &&
    "forms" in value && Array.isArray(value.forms) && value.forms.length === value.terms.length &&
    "postings" in value && Array.isArray(value.postings) &&
    value.postings.length === value.terms.length &&
    "options" in value && typeof value.options === "object" && value.options !== null
  );
}

// ---------------------------------------------------------------------------------------------
// Loading: lookup structures derived from the JSON once per index object

type FuseItem = { doc: number; title: string; codes: string[] };

type Engine = {
  index: SearchIndex;
  options: SearchOptions;
  termIds: Map<string, number>;
  /** Per term: the documents containing it (ascending) and the weight of its best field in each. */
  termDocs: Int32Array[];
  termWeights: Float32Array[];
  /** Per term: `[doc, slot]` pairs of the raw postings, for cause scoring of the final results. */
  termSlots: Int32Array[];
  /** Per term: the (global) ids of the message templates it occurs in. */
  termMessages: Int32Array[];
  /**
   * Per term: the templates it anchors. A template's anchors are its rarest terms, as many as
   * it may miss and still match closely (1 + 20 % of its terms), so any query that contains
   * most of a template contains one of its anchors.
   */
  anchorMessages: Int32Array[];
  /** Global message id → its document, its index within the document, its distinct terms. */
  messageDoc: Int32Array;
  messageSub: Int32Array;
  messageTerms: Int32Array[];
  /** Per doc, the small prior for frequent problems (`bonus.rank / rank`). */
  rankBonus: Float64Array;
  /** Per doc, how much word matches count: reference codes are found by name, not by the words of their meaning. */
  wordFactor: Float64Array;
  idf: Float64Array;
  codeDocs: Map<string, number[]>;
  /** Words of codes by their index term (`requir` → `required`), to respell corrected words as code parts. */
  codeWords: Map<string, string>;
  statusDocs: Map<number, number[]>;
  /** Typo lookup, built on the first typo: every spelling (term or word form) and its symmetric-delete neighbourhood. */
  spellings?: { words: string[]; termIds: number[]; deletes: Map<string, number[]> };
  fuseAll?: Fuse<FuseItem>;
  /** Tokenised titles, summaries and cause titles of documents shown so far (for highlighting). */
  tokens: Map<string, Term[]>;
  scratch: Scratch;
};

/** Per-document accumulators, reused by every query (search is synchronous) and reset after it. */
type Scratch = {
  seen: Uint8Array;
  messageSeen: Uint8Array;
  score: Float64Array;
  best: Float64Array;
  bestBase: Float64Array;
  /** Sum of the (idf) weights of the query terms a document contains, whatever the field. */
  explained: Float64Array;
  bonus: Float64Array;
  relevance: Float64Array;
  matched: Uint16Array;
  tier: Uint8Array;
};

const engines = new WeakMap<SearchIndex, Engine>();
/** How much the fields after a term's best one add (see getEngine). */
const multiFieldShare = 0.3;

function getEngine(index: SearchIndex): Engine {
  const cached = engines.get(index);
  if (cached) return cached;
  const count = index.docs.length;
  const weights = searchFields.map((name) => index.options.fieldWeights[name]);
  // A term in a short title says more than the same term in a long one.
  const titleLengths = index.docs.map((doc) => toTerms(doc.title).length);
  const averageTitle = titleLengths.reduce((sum, length) => sum + length, 0) / Math.max(1, count);
  const titleNorm = titleLengths.map((length) => 1 / (1 + 0.35 * (length / Math.max(1, averageTitle) - 1)));

  const termDocs: Int32Array[] = [];
  const termWeights: Float32Array[] = [];
  const termSlots: Int32Array[] = [];
  const termMessages: Int32Array[] = [];
  const idf = new Float64Array(index.postings.length);
  const messageBase: number[] = [];
  const messageDoc: number[] = [];
  const messageSub: number[] = [];
  index.docs.forEach((doc, docId) => {
    messageBase.push(messageDoc.length);
    doc.messages.forEach((_, sub) => {
      messageDoc.push(docId);
      messageSub.push(sub);
    });
  });
  index.postings.forEach((list, termId) => {
    const docsOfTerm: number[] = [];
    const weightsOfTerm: number[] = [];
    const messages: number[] = [];
    // A term's weight in a document: its best field, plus a share of the other fields it is in
    // (each field once, however many causes or messages repeat it). An entry that has the word in
    // its title, symptom and causes is more about it than one that has it in the title only.
    let fieldsSeen = 0;
    let bestWeight = 0;
    let otherWeight = 0;
    function flush(): void {
      if (docsOfTerm.length > weightsOfTerm.length) {
        weightsOfTerm.push(Math.min(2 * bestWeight, bestWeight + multiFieldShare * otherWeight));
      }
    }
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i] ?? 0;
      const slot = list[i + 1] ?? 0;
      const fieldId = slot & 15;
      const weight = (weights[fieldId] ?? 0) * (fieldId === field.title ? (titleNorm[doc] ?? 1) : 1);
      if (docsOfTerm[docsOfTerm.length - 1] !== doc) {
        flush();
        docsOfTerm.push(doc);
        fieldsSeen = 0;
        bestWeight = 0;
        otherWeight = 0;
      }
      if ((fieldsSeen & (1 << fieldId)) === 0) {
        fieldsSeen |= 1 << fieldId;
        if (weight > bestWeight) {
          otherWeight += bestWeight;
          bestWeight = weight;
        } else {
          otherWeight += weight;
        }
      }
      if (fieldId === field.messages) messages.push((messageBase[doc] ?? 0) + (slot >> 4));
    }
    flush();
    termDocs.push(Int32Array.from(docsOfTerm));
    termWeights.push(Float32Array.from(weightsOfTerm));
    termSlots.push(Int32Array.from(list));
    termMessages.push(Int32Array.from(messages));
    const df = docsOfTerm.length;
    idf[termId] = Math.log(1 + (count - df + 0.5) / (df + 0.5));
  });

  const messageTerms: number[][] = messageDoc.map(() => []);
  termMessages.forEach((list, termId) => list.forEach((message) => messageTerms[message]?.push(termId)));
  const anchors: number[][] = termMessages.map(() => []);
  messageTerms.forEach((termIds, message) => {
    const byRarity = [...termIds].sort((a, b) => (termMessages[a]?.length ?? 0) - (termMessages[b]?.length ?? 0));
    for (const termId of byRarity.slice(0, 1 + Math.floor(termIds.length * 0.2))) anchors[termId]?.push(message);
  });

  const codeDocs = new Map<string, number[]>();
  const statusDocs = new Map<number, number[]>();
  index.docs.forEach((doc, docId) => {
    for (const code of new Set(doc.codes.map(normalizeCode))) pushTo(codeDocs, code, docId);
    for (const status of new Set(doc.http)) pushTo(statusDocs, status, docId);
  });
  const codeWords = new Map<string, string>();
  for (const code of codeDocs.keys()) {
    for (const part of code.split("_")) {
      if (part.length >= 2) for (const term of toTerms(part)) codeWords.set(term, part);
    }
  }
  const engine: Engine = {
    index,
    codeWords,
    options: index.options,
    termIds: new Map(index.terms.map((term, termId) => [term, termId])),
    termDocs,
    termWeights,
    termSlots,
    termMessages,
    messageDoc: Int32Array.from(messageDoc),
    messageSub: Int32Array.from(messageSub),
    messageTerms: messageTerms.map((termIds) => Int32Array.from(termIds)),
    anchorMessages: anchors.map((list) => Int32Array.from(list)),
    rankBonus: Float64Array.from(index.docs, (doc) => index.options.bonus.rank / Math.max(1, doc.rank)),
    wordFactor: Float64Array.from(index.docs, (doc) => (doc.kind === "code" ? index.options.codeDocWordFactor : 1)),
    idf,
    codeDocs,
    statusDocs,
    tokens: new Map(),
    scratch: {
      seen: new Uint8Array(count),
      messageSeen: new Uint8Array(messageDoc.length),
      score: new Float64Array(count),
      best: new Float64Array(count),
      bestBase: new Float64Array(count),
      explained: new Float64Array(count),
      bonus: new Float64Array(count),
      relevance: new Float64Array(count),
      matched: new Uint16Array(count),
      tier: new Uint8Array(count),
    },
  };
  engines.set(index, engine);
  return engine;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// ---------------------------------------------------------------------------------------------
// Term expansion: typos (symmetric deletes + edit distance) and prefixes

function typoEligible(term: string, options: SearchOptions): boolean {
  return term.length >= options.typo.minLength && term.length <= 40 && /^[a-z_]+$/.test(term);
}

function deletesOf(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

function getSpellings(engine: Engine): NonNullable<Engine["spellings"]> {
  if (engine.spellings) return engine.spellings;
  const words: string[] = [];
  const termIds: number[] = [];
  const deletes = new Map<string, number[]>();
  engine.index.terms.forEach((term, termId) => {
    const forms = engine.index.forms[termId] ?? "";
    for (const word of new Set([term, ...(forms ? forms.split(" ") : [])])) {
      if (!typoEligible(word, engine.options)) continue;
      const spelling = words.length;
      words.push(word);
      termIds.push(termId);
      for (const key of new Set([word, ...deletesOf(word)])) pushTo(deletes, key, spelling);
    }
  });
  engine.spellings = { words, termIds, deletes };
  return engine.spellings;
}

/** Optimal string alignment distance (adjacent transpositions count as one edit), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** A vocabulary term reached by a query term; `weight` = factor × idf, what one match is worth. */
type TermMatch = { termId: number; factor: number; weight: number };

/** Vocabulary terms one or two edits from the word as typed (compared with real words, not stems). */
function typoMatches(engine: Engine, word: string): TermMatch[] {
  const { typo } = engine.options;
  if (!typoEligible(word, engine.options)) return [];
  const spellings = getSpellings(engine);
  const maxDistance = word.length >= typo.twoEditsFrom ? 2 : 1;
  const found = new Map<number, number>();
  for (const key of [word, ...deletesOf(word)]) {
    for (const spelling of spellings.deletes.get(key) ?? []) {
      const termId = spellings.termIds[spelling] ?? -1;
      const distance = editDistance(word, spellings.words[spelling] ?? "", maxDistance);
      if (termId >= 0 && distance <= maxDistance && distance < (found.get(termId) ?? Infinity)) found.set(termId, distance);
    }
  }
  // The likeliest correction is the most frequent word (as in classic spelling correction), so
  // the weight follows frequency: a rare neighbour (high idf) must not outscore the common one.
  const ranked = [...found.entries()]
    .sort((a, b) => a[1] - b[1] || (engine.termDocs[b[0]]?.length ?? 0) - (engine.termDocs[a[0]]?.length ?? 0))
    .slice(0, typo.maxExpansions);
  const top = Math.max(...ranked.map(([termId]) => engine.termDocs[termId]?.length ?? 0), 1);
  const topIdf = Math.min(...ranked.map(([termId]) => engine.idf[termId] ?? 0));
  return ranked.map(([termId, distance]) => {
    const factor = typo.factor ** distance;
    const share = Math.sqrt((engine.termDocs[termId]?.length ?? 0) / top);
    return { termId, factor, weight: factor * topIdf * share };
  });
}

function prefixMatches(engine: Engine, prefix: string): TermMatch[] {
  const { terms } = engine.index;
  const settings = engine.options.prefix;
  if (prefix.length < settings.minLength) return [];
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((terms[mid] ?? "") < prefix) low = mid + 1;
    else high = mid;
  }
  const found: number[] = [];
  for (let i = low; i < terms.length && found.length < 200; i++) {
    const term = terms[i] ?? "";
    if (!term.startsWith(prefix)) break;
    if (term !== prefix) found.push(i);
  }
  return found
    .sort((a, b) => (engine.termDocs[b]?.length ?? 0) - (engine.termDocs[a]?.length ?? 0))
    .slice(0, settings.maxExpansions)
    .map((termId) => ({ termId, factor: settings.factor, weight: settings.factor * (engine.idf[termId] ?? 0) }));
}

// ---------------------------------------------------------------------------------------------
// Querying

type QueryPlan = {
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
};

function planQuery(engine: Engine, parsed: ParsedInput): QueryPlan {
  const { options } = engine;
  const sources = [...parsed.codes, ...parsed.descriptions, ...parsed.messageLines];
  const terms: string[] = [];
  const surface = new Map<string, string>();
  for (const source of sources) {
    for (const { term, word } of toTermWords(source)) {
      if (surface.has(term)) continue;
      surface.set(term, word);
      terms.push(term);
      if (terms.length >= options.maxQueryTerms) break;
    }
    if (terms.length >= options.maxQueryTerms) break;
  }

  // While typing, the last word is probably unfinished.
  const rawTerms = toTerms(parsed.raw);
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
      sequence.push(new Map(matches.map((match) => [engine.index.terms[match.termId] ?? "", match.weight])));
    }
    let changed = false;
    for (const word of words) {
      const term = toTerms(word)[0];
      const first = term === undefined ? undefined : reach.get(term)?.[0];
      const corrected = first && first.factor < 1 ? engine.codeWords.get(engine.index.terms[first.termId] ?? "") : undefined;
      if (corrected && !word.includes("_")) changed = true;
      correctedWords.push(corrected && !word.includes("_") ? corrected : word);
    }
    if (!changed) correctedWords.length = 0;
  }
  return { terms, resolved, lines, words, correctedWords, sequence };
}

/** What the ranking knows about one document while a query runs. */
type Hit = { doc: number; tier: number; relevance: number; tokens: number; exactCodes: string[] };

export function searchIndex(index: SearchIndex, query: string, queryOptions: SearchQueryOptions = {}): SearchResponse {
  const engine = getEngine(index);
  const { options } = engine;
  // The API caps `limit` at `maxLimit`; the catalogue filter asks for every match.
  const limit = Math.max(1, Math.min(index.docs.length, Math.floor(queryOptions.limit ?? options.defaultLimit) || 1));
  const text = query.slice(0, options.maxQueryLength);
  const parsed = parseInput(text);
  if (text.trim().length === 0) return { query, parsed, results: [] };

  const plan = planQuery(engine, parsed);
  const { docs } = index;
  const count = docs.length;
  const { seen, score, best, bestBase, explained, bonus, relevance, matched, tier } = engine.scratch;
  const touched: number[] = [];
  const hitTerms = new Set<number>();
  const exactCodesOf = new Map<number, string[]>();
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
    for (const [words, factor] of [[plan.words, 0.5], [plan.correctedWords, 0.5 * options.typo.factor]] as const) {
      for (let n = 2; n <= 4; n++) {
        for (let i = 0; i + n <= words.length; i++) {
          const phrase = words.slice(i, i + n).join("_");
          if (!exactCodes.has(phrase) && !phraseCodes.has(phrase) && engine.codeDocs.has(phrase)) {
            const whole = n >= contentWords;
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

    // Exact messages: the template inside a pasted line, or a pasted fragment inside the template.
    for (const match of matchMessages(engine, plan)) {
      touch(match.doc);
      tier[match.doc] = Math.max(tier[match.doc] ?? 0, match.exact ? 2 : 1);
      bonus[match.doc] = (bonus[match.doc] ?? 0) + match.bonus;
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

    // Relevance, and which documents count as results at all.
    const totalTerms = plan.terms.length;
    const short = totalTerms > 0 && totalTerms <= options.shortQueryTerms;
    let most = 0;
    let top = 0;
    for (const doc of touched) {
      const coverage = short ? ((matched[doc] ?? 0) / totalTerms) ** 2 : 1;
      const value = (score[doc] ?? 0) * coverage * (engine.wordFactor[doc] ?? 1) + (bonus[doc] ?? 0) + (engine.rankBonus[doc] ?? 0);
      relevance[doc] = value;
      if ((tier[doc] ?? 0) === 0) {
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
    const queryMass = plan.resolved.reduce(
      (sum, matches) => sum + (matches.length === 0 ? unknownWeight : Math.max(...matches.map((match) => match.weight))),
      0,
    );
    const minimumExplained = totalTerms <= options.explained.upToTerms ? queryMass * options.explained.share : 0;
    function qualifies(doc: number): boolean {
      if ((tier[doc] ?? 0) > 0) return true;
      if ((explained[doc] ?? 0) < minimumExplained) return false;
      if (short) return (matched[doc] ?? 0) >= required;
      return (relevance[doc] ?? 0) >= minimum && (relevance[doc] ?? 0) > 0;
    }
    function hitOf(doc: number): Hit {
      return { doc, tier: tier[doc] ?? 0, relevance: relevance[doc] ?? 0, tokens: score[doc] ?? 0, exactCodes: exactCodesOf.get(doc) ?? [] };
    }

    let pool = selectTop(touched.filter(qualifies).map(hitOf), Math.max(limit, options.rerankCandidates));
    pool = applyPhrases(engine, plan, pool);
    pool = applyFuse(engine, parsed.raw, pool, totalTerms === 0 || touched.length === 0);
    const ranked = selectTop(pool, limit);
    const highlightTerms = new Set([...hitTerms].map((termId) => index.terms[termId] ?? ""));
    const results = ranked.map((hit) => toResult(engine, hit, plan, highlightTerms));
    return { query, parsed, results };
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

type MessageMatch = { doc: number; exact: boolean; bonus: number };

/**
 * Message templates matched by the input: exactly (the template inside a pasted line, or a pasted
 * fragment of three or more terms inside the template) or closely (80 % of its terms present).
 */
function matchMessages(engine: Engine, plan: QueryPlan): MessageMatch[] {
  const { messageSeen } = engine.scratch;
  const docs = engine.index.docs;
  const weightPerTerm = engine.options.bonus.message / 2;
  const queryTerms = new Set<number>();
  for (const matches of plan.resolved) for (const match of matches) if (match.factor === 1) queryTerms.add(match.termId);
  const candidates: number[] = [];
  const found: MessageMatch[] = [];
  try {
    for (const termId of queryTerms) {
      for (const message of engine.anchorMessages[termId] ?? []) {
        if (messageSeen[message] === 1) continue;
        messageSeen[message] = 1;
        candidates.push(message);
      }
    }
    for (const message of candidates) {
      const termIds = engine.messageTerms[message] ?? new Int32Array(0);
      let present = 0;
      for (const termId of termIds) if (queryTerms.has(termId)) present++;
      const size = termIds.length;
      const doc = engine.messageDoc[message] ?? 0;
      const template = docs[doc]?.messages[engine.messageSub[message] ?? 0];
      if (!template || size === 0) continue;
      const specific = size >= 2 || template.norm.includes("_") || /\d/.test(template.norm);
      const weight = weightPerTerm * Math.min(size, 12);
      if (present === size && specific && plan.lines.some((line) => containsWords(line.norm, template.norm))) {
        found.push({ doc, exact: true, bonus: weight });
      } else if (size >= 4 && present >= 0.8 * size) {
        found.push({ doc, exact: false, bonus: (weight * present) / size / 2 });
      }
    }
    // A fragment: look only at the templates holding the fragment's rarest term.
    for (const line of plan.lines) {
      if (line.size < 3) continue;
      const termIds = toDistinctTerms(line.norm).map((term) => engine.termIds.get(term));
      let rarest: Int32Array | undefined;
      for (const termId of termIds) {
        const list = termId === undefined ? undefined : engine.termMessages[termId];
        if (!list || list.length === 0) {
          rarest = undefined;
          break;
        }
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      for (const message of rarest ?? []) {
        const doc = engine.messageDoc[message] ?? 0;
        const template = docs[doc]?.messages[engine.messageSub[message] ?? 0];
        if (!template || template.norm === line.norm || !containsWords(template.norm, line.norm)) continue;
        found.push({ doc, exact: true, bonus: weightPerTerm * Math.min(line.size, 12) });
      }
    }
  } finally {
    for (const message of candidates) messageSeen[message] = 0;
  }
  return found;
}

/**
 * Entries list their own code first (`[AADSTS7000215, invalid_client]`): an entry whose primary
 * code was named is more specific than one that lists it as the generic code it comes with.
 */
function codeRole(doc: IndexedDoc | undefined, code: string): number {
  const first = doc?.codes[0];
  return first !== undefined && normalizeCode(first) === code ? 1 : 0.6;
}

/** Whether `needle` occurs in `haystack` as whole words (both are space-separated word lists). */
function containsWords(haystack: string, needle: string): boolean {
  if (needle.length === 0) return false;
  let at = haystack.indexOf(needle);
  while (at !== -1) {
    const end = at + needle.length;
    if ((at === 0 || haystack[at - 1] === " ") && (end === haystack.length || haystack[end] === " ")) return true;
    at = haystack.indexOf(needle, at + 1);
  }
  return false;
}

function compareHits(docs: readonly IndexedDoc[]) {
  return (a: Hit, b: Hit): number =>
    b.tier - a.tier ||
    b.relevance - a.relevance ||
    (docs[a.doc]?.rank ?? 0) - (docs[b.doc]?.rank ?? 0) ||
    a.doc - b.doc;
}

/** The best `size` hits, best first: a bounded insertion instead of sorting thousands of candidates. */
function selectTop(hits: Hit[], size: number): Hit[] {
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
function applyPhrases(engine: Engine, plan: QueryPlan, pool: Hit[]): Hit[] {
  if (plan.sequence.length < 2) return pool;
  const weight = engine.options.bonus.phrase;
  for (const hit of pool) {
    const doc = engine.index.docs[hit.doc];
    if (!doc) continue;
    const fields: Array<[string[], number]> = [
      [sequenceOf(engine, doc.title), 1],
      [sequenceOf(engine, doc.summary), 0.6],
      ...doc.messages.map((message): [string[], number] => [sequenceOf(engine, message.norm), 0.8]),
      // Each tag on its own: words of neighbouring tags are not a phrase.
      ...doc.tags.map((tag): [string[], number] => [sequenceOf(engine, tag), 0.6]),
    ];
    for (let i = 0; i + 1 < plan.sequence.length; i++) {
      const left = plan.sequence[i];
      const right = plan.sequence[i + 1];
      if (!left || !right || left.size === 0 || right.size === 0) continue;
      let best = 0;
      for (const [terms, factor] of fields) {
        for (let p = 0; p + 1 < terms.length; p++) {
          const a = left.get(terms[p] ?? "");
          const b = right.get(terms[p + 1] ?? "");
          if (a !== undefined && b !== undefined) best = Math.max(best, (factor * (a + b)) / 2);
        }
      }
      hit.relevance += weight * best;
    }
  }
  return [...pool].sort(compareHits(engine.index.docs));
}

/**
 * fuse.js as the fuzzy scorer of short queries: only over the best token candidates (or, when
 * the tokens found nothing, over every document of a small catalogue) and only over short
 * fields, so its cost stays bounded whatever the catalogue size.
 */
function applyFuse(engine: Engine, raw: string, pool: Hit[], fallback: boolean): Hit[] {
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
    if (engine.index.docs.length > settings.fallbackMaxDocs) return pool;
    engine.fuseAll ??= new Fuse(engine.index.docs.map(toFuseItem), fuseOptions);
    fuse = engine.fuseAll;
  } else {
    fuse = new Fuse(
      pool.slice(0, settings.candidates).flatMap((hit) => {
        const doc = engine.index.docs[hit.doc];
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
  return [...byDoc.values()].sort(compareHits(engine.index.docs));
}

function toFuseItem(doc: IndexedDoc, docId: number): FuseItem {
  return { doc: docId, title: doc.title, codes: doc.codes };
}

function toResult(engine: Engine, hit: Hit, plan: QueryPlan, highlightTerms: Set<string>): SearchResult {
  const doc = engine.index.docs[hit.doc];
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
    match: hit.tier === 2 ? "exact" : hit.tier === 1 ? "close" : "words",
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

function tokensOf(engine: Engine, text: string): Term[] {
  let tokens = engine.tokens.get(text);
  if (!tokens) {
    tokens = tokenizeWithOffsets(text);
    engine.tokens.set(text, tokens);
  }
  return tokens;
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
