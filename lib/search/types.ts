// The data shapes of search: the serialisable index, results and responses.
import type { SearchDoc } from "./documents";
import type { TextRange } from "./highlight";
import type { SearchField, SearchOptions } from "./options";
import type { ParsedInput } from "./parse-input";

export const searchIndexVersion = 4;

export type IndexedMessage = {
  /** The message reduced to its template by `normalizeMessage`. */
  norm: string;
  /** Distinct terms in the template. */
  size: number;
  /** The library that prints it (`content/libraries.json` id), when the entry names its source. */
  library?: string;
};

/** A document as the engine reads it, rebuilt from the shipped columns when an index is opened. */
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

/**
 * Plain JSON: built at build time in Node, fetched by the browser, one shape for both. Only what
 * ranking and display need is shipped, one column per field (one item per document), and
 * everything derivable (URLs, the vocabulary, postings, typo forms) is rebuilt when the index is
 * opened. The long fields (symptom, cause texts, fix) ship only as their rarest words that the
 * document's shipped fields do not already hold (`SearchOptions.shipped`).
 */
export type SearchIndex = {
  version: typeof searchIndexVersion;
  options: SearchOptions;
  docs: {
    /** One letter per document: `e` an entry, `c` a reference code without an entry. */
    kind: string;
    slug: string[];
    title: string[];
    /** Index into `areas`. */
    area: number[];
    areas: string[];
    summary: string[];
    codes: string[][];
    http: number[][];
    tags: string[][];
    rank: number[];
    /** Per document, its causes as flat `[id, title, id, title, …]`. */
    causes: string[][];
    specificTo: string[][];
    /** Per document, its message templates (`normalizeMessage`). */
    messages: string[][];
    /** Per document, per message: an index into `libraries`, or -1 when the source is unknown. */
    messageLibraries: number[][];
    libraries: string[];
    /** Per document, words of the symptom not in its shipped fields, rarest first (space-separated). */
    symptom: string[];
    /** Per document, per cause, the same for the cause's text. */
    causeWords: string[][];
    /** Per document, the same for the fix. */
    fix: string[];
  };
};

/** What the engine derives from a `SearchIndex` (see `openSearchIndex`). */
export type OpenedSearchIndex = {
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

/** `library`: the library filter, echoed when one was given. */
export type SearchResponse = { query: string; library?: string; parsed: ParsedInput; results: SearchResult[] };

export type SearchQueryOptions = {
  limit?: number;
  /** Only entries quoting a message of this library (`content/libraries.json` id); those whose matching message is that library's come first. */
  library?: string;
};

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
