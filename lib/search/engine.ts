// Lookup structures derived once per index object (typed posting lists, idf, code and status
// maps, message anchors) and the per-query scratch arrays. The JSON stays as fetched.
import type Fuse from "fuse.js/basic";
import { normalizeCode, toTerms, tokenizeWithOffsets, type Term } from "./normalize";
import { searchFields, type SearchOptions } from "./options";
import { openSearchIndex } from "./build";
import { field, type IndexedDoc, type SearchIndex } from "./types";

export type FuseItem = { doc: number; title: string; codes: string[] };

export type Engine = {
  index: SearchIndex;
  options: SearchOptions;
  /** The documents, sorted vocabulary and per-term word forms, rebuilt from the shipped index. */
  docs: IndexedDoc[];
  terms: string[];
  forms: string[];
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
  /** Per doc, a pattern for the product or vendor words it needs named (`specificTo`), if any. */
  specificPatterns: Array<RegExp | undefined>;
  /** Typo lookup, built on the first typo: every spelling (term or word form) and its symmetric-delete neighbourhood. */
  spellings?: { words: string[]; termIds: number[]; deletes: Map<string, number[]> };
  fuseAll?: Fuse<FuseItem>;
  /** Tokenised titles, summaries and cause titles of documents shown so far (for highlighting). */
  tokens: Map<string, Term[]>;
  /** Per document shown to the phrase stage, its adjacent term pairs and their best field weight (see rerank.ts). */
  phrasePairs: Map<number, Map<string, number>>;
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

export function getEngine(index: SearchIndex): Engine {
  const cached = engines.get(index);
  if (cached) return cached;
  const opened = openSearchIndex(index);
  const { docs, terms, postings } = opened;
  const count = docs.length;
  const weights = searchFields.map((name) => index.options.fieldWeights[name]);
  // A term in a short title says more than the same term in a long one.
  const titleLengths = docs.map((doc) => toTerms(doc.title).length);
  const averageTitle = titleLengths.reduce((sum, length) => sum + length, 0) / Math.max(1, count);
  const titleNorm = titleLengths.map((length) => 1 / (1 + 0.35 * (length / Math.max(1, averageTitle) - 1)));

  const termDocs: Int32Array[] = [];
  const termWeights: Float32Array[] = [];
  const termSlots: Int32Array[] = [];
  const termMessages: Int32Array[] = [];
  const idf = new Float64Array(postings.length);
  const messageBase: number[] = [];
  const messageDoc: number[] = [];
  const messageSub: number[] = [];
  docs.forEach((doc, docId) => {
    messageBase.push(messageDoc.length);
    doc.messages.forEach((_, sub) => {
      messageDoc.push(docId);
      messageSub.push(sub);
    });
  });
  postings.forEach((list, termId) => {
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
  docs.forEach((doc, docId) => {
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
    docs,
    terms,
    forms: opened.forms,
    codeWords,
    options: index.options,
    termIds: new Map(terms.map((term, termId) => [term, termId])),
    termDocs,
    termWeights,
    termSlots,
    termMessages,
    messageDoc: Int32Array.from(messageDoc),
    messageSub: Int32Array.from(messageSub),
    messageTerms: messageTerms.map((termIds) => Int32Array.from(termIds)),
    anchorMessages: anchors.map((list) => Int32Array.from(list)),
    rankBonus: Float64Array.from(docs, (doc) => index.options.bonus.rank / Math.max(1, doc.rank)),
    wordFactor: Float64Array.from(docs, (doc) => (doc.kind === "code" ? index.options.codeDocWordFactor : 1)),
    idf,
    codeDocs,
    statusDocs,
    specificPatterns: specificPatterns(docs),
    tokens: new Map(),
    phrasePairs: new Map(),
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

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Tokenised titles, summaries and cause titles, cached per text (highlighting, phrases). */
export function tokensOf(engine: Engine, text: string): Term[] {
  let tokens = engine.tokens.get(text);
  if (!tokens) {
    tokens = tokenizeWithOffsets(text);
    engine.tokens.set(text, tokens);
  }
  return tokens;
}

/**
 * One `specific_to` item as a pattern: words in a row with any spacing; a name ending in a letter
 * also takes digits after it (`aadsts` names Entra in `AADSTS700215`, a mistyped code too).
 */
function specificWordsPattern(words: string): string {
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
  return /[a-z]$/.test(words) ? `${escaped}\\d*` : escaped;
}

/** Per document, what names its product (`specific_to`): one shared pattern per product, so a query tests each once. */
function specificPatterns(docs: ReadonlyArray<{ specificTo: readonly string[] }>): Array<RegExp | undefined> {
  const byProduct = new Map<string, RegExp>();
  return docs.map((doc) => {
    if (doc.specificTo.length === 0) return undefined;
    const source = `(?<![a-z0-9])(?:${doc.specificTo.map(specificWordsPattern).join("|")})(?![a-z0-9])`;
    let pattern = byProduct.get(source);
    if (pattern === undefined) {
      pattern = new RegExp(source);
      byProduct.set(source, pattern);
    }
    return pattern;
  });
}
