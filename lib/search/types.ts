// The data shapes of search: the serialisable index, results and responses.
import type { SearchDoc } from "./documents";
import type { TextRange } from "./highlight";
import type { SearchField, SearchOptions } from "./options";
import type { ParsedInput } from "./parse-input";

export const searchIndexVersion = 3;

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
  specificTo: string[];
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

/** Field ids in postings (`slot & 15`); the order of `searchFields`. */
export const field = {
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
