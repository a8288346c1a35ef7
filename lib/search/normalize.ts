// Text → search terms, and error messages → comparable templates. The index and the query go
// through the same functions, so a pasted message full of the user's own values (URLs, ids,
// numbers, quoted values) meets the example values the catalogue was written with half-way.
// Runs in the browser and in Node: no platform imports.

// Trailing punctuation belongs to the sentence, not the URL.
const urlPattern = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`<>()[\]{}]*[^\s'"`<>()[\]{},.;:!?]/gi;
const emailPattern = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const uuidPattern = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const jwtPattern = /\beyJ[\w-]*\.[\w-]*\.[\w-]*/g;
// ISO dates and times carry no meaning for search and would otherwise leave stray numbers.
const timestampPattern = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g;
// A quote only opens at a word boundary, so the apostrophes of "client's" or "isn't" stay words.
const quotedPattern = /(^|[\s(=:,[{])(?:'([^'\n]{0,200})'|"([^"\n]{0,200})"|`([^`\n]{0,200})`|“([^”\n]{0,200})”|‘([^’\n]{0,200})’)(?=$|[\s).,;:!?\]}])/g;
// A quoted snake_case word is the error code itself (x/oauth2 prints `oauth2: "invalid_grant" "…"`),
// not the user's value, so it stays in the template like a quoted claim name.
const errorCodePattern = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/i;
// "expected X, got: Y" is how libraries print the two values that disagree; both are the user's.
const comparedValuePattern =
  /\b(expected|got|received|actual|found|instead of)(\s*[:=]?\s*)(?!(?:got|but|received|instead)\b)([^\s,;]+)(?=\s*[,;]|\s*$|\s+(?:but|got|received|instead)\b)/gi;
// `realmId=shop, clientId=portal-web`: a log event's values are the user's, except the ones that
// say what happened (`type=LOGIN_ERROR`, `grant_type=refresh_token`). `error=invalid_code` goes as a
// whole: parse-input reads it out of the paste as a code, which decides between such lines.
const keyValuePattern = /\b([A-Za-z][\w.-]*)=(?!["'])([^\s,;&]+)/g;
const meaningfulKeys = new Set(["type", "grant_type", "response_type", "event"]);
const wordPattern = /[\p{L}\p{N}_]+/gu;
// Loopback and wildcard addresses ("127.0.0.1", "0.0.0.0") name a setup, so they stay one term.
const termPattern = /\b\d{1,3}(?:\.\d{1,3}){3}\b|[\p{L}\p{N}_]+/gu;

/**
 * Words too common to tell entries apart. Negations and the words that make up OAuth phrases
 * ("not registered", "no such key") stay, because error messages differ by exactly those.
 */
const stopwords = new Set([
  "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with",
  "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these",
  "those", "then", "than", "there", "their", "they", "you", "your", "we", "our", "us", "i", "my",
  "me", "he", "she", "his", "her", "them", "what", "which", "who", "when", "where", "how", "why",
  "do", "does", "did", "doing", "have", "has", "had", "can", "could", "would", "should", "will",
  "shall", "may", "might", "must", "so", "if", "but", "into", "onto", "about", "also", "just",
  "only", "very", "too", "any", "some", "such", "each", "every", "all", "both", "more", "most",
  "other", "same", "own", "s", "t", "d", "ll", "re", "ve", "m",
]);

export function isStopword(term: string): boolean {
  return stopwords.has(term);
}

/**
 * Values that identify the user's own objects rather than the problem: numbers, hex ids,
 * random-looking strings. `AADSTS50011`, `rfc7523` and `oauth2` are kept (one letters→digits run).
 */
export function isPlaceholderWord(word: string): boolean {
  if (/^\p{L}+$/u.test(word)) return false;
  if (/^\d+$/.test(word)) return true;
  if (word.length >= 8 && /^[0-9a-f]+$/i.test(word) && /\d/.test(word)) return true;
  const hasDigit = /\d/.test(word);
  const hasLetter = /\p{L}/u.test(word);
  if (!hasDigit || !hasLetter) return false;
  if (word.length >= 16) return true;
  const classChanges = (word.match(/\p{L}(?=\d)|\d(?=\p{L})/gu) ?? []).length;
  return word.length >= 6 && classChanges >= 3;
}

/**
 * A light suffix stripper (no dictionary): "redirects", "redirected", "redirecting" → "redirect",
 * "expires"/"expired" → "expir". Only plain lowercase words are touched; codes and ids are not.
 * It only has to map related forms to one term, not produce real words.
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.length === 4) return word.endsWith("s") && !/(?:ss|us)$/.test(word) ? word.slice(0, -1) : word;
  let result = word;
  if (result.endsWith("ies") && result.length > 5) result = result.slice(0, -2);
  else if (result.endsWith("ing") && result.length > 6) result = result.slice(0, -3);
  else if (/ations?$/.test(result) && result.length > 7) result = result.replace(/ions?$/, "");
  else if (result.endsWith("ed") && result.length > 5) result = result.slice(0, -2);
  else if (/(?:ss|x|ch|sh)es$/.test(result) && result.length > 5) result = result.slice(0, -2);
  else if (result.endsWith("s") && !/(?:ss|us|sis|ias)$/.test(result)) result = result.slice(0, -1);
  // "policy"/"policies" and "cookie"/"cookies" must meet: y → i, and a final e goes.
  if (result.endsWith("y") && result.length > 4) result = `${result.slice(0, -1)}i`;
  else if (result.endsWith("e") && result.length > 4) result = result.slice(0, -1);
  return result;
}

/** Removes values that are never part of a problem's identity (keeps URL paths: they name endpoints). */
function stripValues(text: string, keepUrlPaths: boolean): string {
  // Each pattern runs only when the one character it needs is there: a pasted stack trace is long,
  // and most of it holds none of these values.
  let result = text;
  if (result.includes("://")) result = result.replace(urlPattern, (url) => (keepUrlPaths ? ` ${urlPath(url)} ` : " "));
  if (result.includes("eyJ")) result = result.replace(jwtPattern, " ");
  if (result.includes("@")) result = result.replace(emailPattern, " ");
  if (result.includes("-")) result = result.replace(uuidPattern, " ");
  if (/\d/.test(result)) result = result.replace(timestampPattern, " ");
  return result;
}

function urlPath(url: string): string {
  const withoutQuery = url.replace(/[?#].*$/, "");
  const afterHost = withoutQuery.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  return afterHost.replace(/[/._-]+/g, " ");
}

export type Term = {
  /** The indexed form: lowercase, stemmed; compounds such as `invalid_client` kept whole too. */
  term: string;
  /** The word as written (lowercase), before stemming. */
  word: string;
  start: number;
  end: number;
};

/** `compound`: the whole of a word whose parts follow it as terms (`invalid_client`, `BadJWTException`). */
type WordTerms = Array<{ term: string; word: string; offset: number; compound?: true }>;

// Words repeat a lot (within a document and across queries); remember what each one yields.
const wordCache = new Map<string, WordTerms>();
const wordCacheLimit = 50_000;

/** `pkceCodeVerifier` → pkce, Code, Verifier; `JWKSTimeout` → JWKS, Timeout (with offsets). */
function camelParts(word: string): Array<{ part: string; offset: number }> {
  if (!/[a-z]/.test(word) || !/[A-Z]/.test(word.slice(1))) return [];
  const parts: Array<{ part: string; offset: number }> = [];
  let offset = 0;
  for (const part of word.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)) {
    parts.push({ part, offset });
    offset += part.length;
  }
  return parts.length > 1 ? parts : [];
}

function termsOfWord(word: string): WordTerms {
  const cached = wordCache.get(word);
  if (cached) return cached;
  const out: WordTerms = [];
  const lowerWord = word.toLowerCase();
  const lower = lowerWord.replace(/^_+|_+$/g, "");
  const offset = lowerWord.indexOf(lower);
  if (lower.length >= 2 && !isPlaceholderWord(lower)) {
    if (lower.includes("_")) {
      out.push({ term: lower, word: lower, offset, compound: true });
      let cursor = 0;
      for (const part of lower.split("_")) {
        if (part.length >= 2 && !isStopword(part) && !isPlaceholderWord(part)) {
          out.push({ term: stem(part), word: part, offset: offset + cursor });
        }
        cursor += part.length + 1;
      }
    } else if (!isStopword(lower)) {
      const parts = camelParts(word);
      out.push({ term: stem(lower), word: lower, offset, ...(parts.length > 0 ? { compound: true as const } : {}) });
      // Library identifiers in camelCase also count as their words.
      for (const { part, offset: partOffset } of parts) {
        const partLower = part.toLowerCase();
        if (partLower.length >= 2 && !isStopword(partLower)) out.push({ term: stem(partLower), word: partLower, offset: partOffset });
      }
    }
  }
  if (wordCache.size >= wordCacheLimit) wordCache.clear();
  wordCache.set(word, out);
  return out;
}

function pushWord(out: Term[], word: string, start: number): void {
  for (const item of termsOfWord(word)) {
    out.push({ term: item.term, word: item.word, start: start + item.offset, end: start + item.offset + item.word.length });
  }
}

/**
 * Terms with their offsets in `text` (for highlighting). Offsets refer to the text as given; URLs,
 * ids and dates are skipped by blanking them with spaces of the same length.
 */
export function tokenizeWithOffsets(text: string): Term[] {
  const blanked = text
    .replace(urlPattern, (url) => " ".repeat(url.length))
    .replace(jwtPattern, (match) => " ".repeat(match.length))
    .replace(emailPattern, (match) => " ".repeat(match.length))
    .replace(uuidPattern, (match) => " ".repeat(match.length))
    .replace(timestampPattern, (match) => " ".repeat(match.length));
  const out: Term[] = [];
  for (const match of blanked.matchAll(termPattern)) {
    pushWord(out, match[0], match.index);
  }
  return out;
}

/** The index terms of `text` with the words they come from, in order, with duplicates. */
export function toTermWords(text: string): Array<{ term: string; word: string; compound?: true }> {
  const stripped = stripValues(text, true);
  const out: Array<{ term: string; word: string; compound?: true }> = [];
  // The cached items themselves (their offset is left unused): no copy per word.
  for (const match of stripped.matchAll(termPattern)) out.push(...termsOfWord(match[0]));
  return out;
}

/** The index terms of `text`, in order, with duplicates (callers count or dedupe). */
export function toTerms(text: string): string[] {
  return toTermWords(text).map((item) => item.term);
}

export function toDistinctTerms(text: string): string[] {
  return [...new Set(toTerms(text))];
}

/**
 * An error message reduced to its template: lowercase words only, with URLs, emails, ids, numbers,
 * timestamps, quoted values and the values after "expected"/"got" removed. A quoted bare word
 * (`"iss"`, `'aud'`) or error code (`"invalid_grant"`) is kept, because it names the claim or the
 * error rather than a value.
 */
export function normalizeMessage(text: string): string {
  const stripped = stripValues(text, false)
    .replace(quotedPattern, (_match: string, lead: string, ...groups: Array<string | undefined>) => {
      const inner = groups.slice(0, 6).find((group) => group !== undefined) ?? "";
      return /^[a-z]{1,12}$/i.test(inner) || errorCodePattern.test(inner) ? `${lead} ${inner} ` : `${lead} `;
    })
    .replace(comparedValuePattern, (_match: string, keyword: string) => `${keyword} `)
    .replace(keyValuePattern, (match: string, key: string) => {
      const lower = key.toLowerCase();
      return meaningfulKeys.has(lower) ? match : lower === "error" ? " " : `${key} `;
    });
  const words: string[] = [];
  for (const match of stripped.matchAll(wordPattern)) {
    const word = match[0].toLowerCase().replace(/^_+|_+$/g, "");
    if (word.length === 0 || isPlaceholderWord(word)) continue;
    words.push(word);
  }
  return words.join(" ");
}

/** Lowercase, trimmed code as the exact-code index keys it (`AADSTS50011` → `aadsts50011`). */
export function normalizeCode(code: string): string {
  return code.trim().toLowerCase();
}
