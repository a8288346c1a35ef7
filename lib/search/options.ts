// The one set of search options. The index stores the options it was built with and every query
// reads them from there, so the browser, the API and the benchmark cannot drift apart.

/** Where a term was found; the order is the on-disk field id, so only append. */
export const searchFields = ["title", "codes", "messages", "symptom", "tags", "summary", "causeTitle", "causeText", "fix"] as const;
export type SearchField = (typeof searchFields)[number];

export type SearchOptions = {
  /** How much a term found in each field counts; symptom-side fields outweigh mentions in causes and fixes. */
  fieldWeights: Record<SearchField, number>;
  typo: {
    /** Shorter words must match exactly ("uri", "iss", "aud" are too short to guess). */
    minLength: number;
    /** Words at least this long may be two edits away; shorter ones one. */
    twoEditsFrom: number;
    maxExpansions: number;
    /** Score factor for a word reached by one edit (two edits: squared). */
    factor: number;
  };
  prefix: {
    /** The last word of a short query also matches as a prefix (results as you type). */
    minLength: number;
    maxExpansions: number;
    factor: number;
  };
  fuse: {
    /** fuse.js only sees queries up to this length (its bitap cost grows with pattern length). */
    maxPatternLength: number;
    /** …and only the best candidates of the token stage. */
    candidates: number;
    /** Without token candidates, fuse.js may scan every document, but only in catalogues this small. */
    fallbackMaxDocs: number;
    threshold: number;
    weight: number;
  };
  /** Distinct terms taken from a paste; the rest of a long log adds noise, not signal. */
  maxQueryTerms: number;
  /** How many of the best token candidates the phrase and fuse.js stages look at again. */
  rerankCandidates: number;
  /** Queries with at most this many terms need most of them to match ("AND-ish"). */
  shortQueryTerms: number;
  /** In long queries, word-only results below this share of the best one are dropped. */
  minRelativeScore: number;
  /**
   * Queries of up to `upToTerms` terms: a word-only result must contain this share of the query's
   * weight (idf; words unknown to the catalogue count as the rarest), or it is not a result.
   */
  explained: { share: number; upToTerms: number };
  /**
   * An entry about one product or vendor whose name the input does not carry (nor one of its
   * codes): its relevance is multiplied by `factor`, and its code and message matches no longer
   * lift it into a higher tier, so a general entry with the same words comes first.
   */
  unnamedSpecific: { factor: number };
  bonus: {
    /** Per exact code match, times the code's rarity. */
    code: number;
    /** Per exact message match, times the message's length in terms (capped). */
    message: number;
    /** Per HTTP status match, times its rarity. */
    status: number;
    /** Per pair of adjacent query words found next to each other, times their weights. */
    phrase: number;
    /** Earlier rank in an area = more frequent problem: a tie-breaker, not a signal. */
    rank: number;
  };
  /**
   * How many words of each long field a document ships in the index (its rarest words that its
   * title, summary, codes, messages, tags and cause titles do not already hold): enough for the
   * symptom to match in its own words and for a query to pick the cause it describes, while the
   * index stays small enough to fetch on first use. `messageWords`: message templates keep their
   * first words only (a tenth of them are longer); a paste of the whole message still holds them.
   */
  shipped: { symptomWords: number; causeWords: number; fixWords: number; messageWords: number };
  /** How much more a claim name (`iss`, `audience`, `nonce`, …) counts than its rarity alone: it names the check that failed. */
  claimWeight: number;
  /** Relevance factor of a document that holds none of the claim names the input carries. */
  claimMissingFactor: number;
  /** Word matches of reference-code documents count this much: an entry about the words should win. */
  codeDocWordFactor: number;
  defaultLimit: number;
  maxLimit: number;
  /** Queries longer than this are refused by the API and cut by the library. */
  maxQueryLength: number;
};

export const searchOptions: SearchOptions = {
  fieldWeights: {
    title: 4,
    // Code matches earn their own exact bonus; as words they count like the symptom.
    codes: 2.5,
    // Messages too: a whole or close match earns the message bonus, and an entry quoting forty
    // libraries should not outweigh the one whose symptom the words describe.
    messages: 2.5,
    symptom: 2.5,
    tags: 2.5,
    summary: 2,
    causeTitle: 1.5,
    causeText: 1,
    fix: 0.4,
  },
  typo: { minLength: 4, twoEditsFrom: 8, maxExpansions: 3, factor: 0.75 },
  prefix: { minLength: 3, maxExpansions: 12, factor: 0.7 },
  fuse: { maxPatternLength: 32, candidates: 10, fallbackMaxDocs: 2000, threshold: 0.35, weight: 4 },
  maxQueryTerms: 48,
  shortQueryTerms: 6,
  minRelativeScore: 0.2,
  explained: { share: 0.3, upToTerms: 12 },
  unnamedSpecific: { factor: 0.5 },
  bonus: { code: 6, message: 12, status: 1.5, phrase: 3, rank: 0.3 },
  rerankCandidates: 40,
  claimWeight: 1.5,
  claimMissingFactor: 0.8,
  codeDocWordFactor: 0.4,
  shipped: { symptomWords: 6, causeWords: 3, fixWords: 0, messageWords: 16 },
  defaultLimit: 10,
  maxLimit: 50,
  maxQueryLength: 10_000,
};
