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
  /**
   * Lines of the input reduced to message templates, for exact message matching. `piece`: a run of
   * known words from a longer line (see `knownRuns`), which matches a template only closely.
   */
  lines: Array<{ norm: string; size: number; piece?: true }>;
  /** Lowercase words of the input in order (stopwords kept), for code lookups. */
  words: string[];
  /** The same words with typos corrected towards code words (short queries only; empty if nothing changed). */
  correctedWords: string[];
  /** Short queries: the vocabulary terms each word position reaches, in order, for phrase matching. */
  sequence: Array<Map<string, number>>;
  /**
   * Terms that name code rather than describe the problem: a whole compound (`BadJWTException`,
   * whose parts are terms of their own) and words that occur only inside identifiers (the
   * namespace and class of `django.core.exceptions.SuspiciousOperation`). They do not count
   * against a document in what it explains.
   */
  identifiers: Set<string>;
  /** Vocabulary ids of the claim names the input carries as written (`iss`, `aud`, `nonce`, …). */
  claims: number[];
  /**
   * The message of each exception line that is a few words (`Error: Login required`), joined like a
   * code (`login_required`): a code written out as the whole message of an exception is that code.
   */
  exceptionPhrases: Set<string>;
};

// `a.b.C` paths (packages, namespaces, files), and camelCase or PascalCase names.
const dottedPath = String.raw`[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+`;
const identifierPattern = new RegExp(String.raw`${dottedPath}|\b[A-Za-z]*[a-z][A-Z][A-Za-z0-9]*\b`, "g");

/** `compounds` (whole compound terms of the input) plus the terms of `text` that occur only inside identifiers. */
function identifierTerms(text: string, compounds: Set<string>): Set<string> {
  const inside = new Set(compounds);
  const blanked = text.replace(identifierPattern, (span) => {
    for (const term of toTerms(span)) inside.add(term);
    return " ";
  });
  for (const term of toTerms(blanked)) inside.delete(term);
  return inside;
}

/**
 * The standard exception classes of each runtime say only that something failed
 * (`System.InvalidOperationException`, `java.lang.IllegalStateException`, `ValueError`): the
 * message after them names the problem. Their words count this much of their rarity. (Not
 * `TypeError`: it is how a browser's fetch reports a network or CORS failure.)
 */
const genericExceptionWeight = 0.1;
const genericExceptions = new Set(
  [
    "Exception", "Error", "Throwable", "AggregateException", "InvalidOperationException", "ArgumentException", "ArgumentNullException",
    "ArgumentOutOfRangeException", "NullReferenceException", "NotSupportedException", "FormatException", "RuntimeException",
    "IllegalStateException", "IllegalArgumentException", "NullPointerException", "UnsupportedOperationException", "ExecutionException",
    "CompletionException", "UndeclaredThrowableException", "ValueError", "KeyError", "RuntimeError", "AssertionError",
    "AttributeError", "StandardError", "ArgumentError", "NoMethodError",
  ].map((name) => name.toLowerCase()),
);
const genericNamespaces = new Set(["system", "java.lang", "builtins"]);

/**
 * The package path in front of a class (`allauth.socialaccount.providers.oauth2.client` of
 * `…client.OAuth2Error`, `django.core.exceptions`) says which library threw, in words every OAuth
 * entry uses ("provider", "oauth2", "client"): they count this much of their rarity. Two-part
 * names (`Next.js`, `ASP.NET`) are product names, not paths, and keep their weight.
 */
const namespaceWeight = 0.3;
/** Terms of the package segments of dotted paths of three parts or more, not of the class at their end. */
function namespaceTerms(text: string): Set<string> {
  const found = new Set<string>();
  const classTerms = new Set<string>();
  for (const match of text.matchAll(new RegExp(String.raw`\b${dottedPath}`, "g"))) {
    const parts = match[0].split(".");
    const last = parts.pop() ?? "";
    for (const term of toTerms(last)) classTerms.add(term);
    if (parts.length < 2) continue;
    for (const part of parts) for (const term of toTerms(part)) found.add(term);
  }
  for (const term of classTerms) found.delete(term);
  return found;
}

/** Terms of the generic exception names in `text`, with their standard namespaces (`System.`, `java.lang.`). */
function genericExceptionTerms(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b(?:[A-Za-z_$][\w$]*\.)*[A-Z]\w*(?:Exception|Error)\b/g)) {
    const parts = match[0].split(".");
    const name = (parts.pop() ?? "").toLowerCase();
    const namespace = parts.join(".").toLowerCase();
    if (!genericExceptions.has(name) || (namespace !== "" && !genericNamespaces.has(namespace))) continue;
    for (const term of toTerms(match[0])) found.add(term);
  }
  return found;
}

/**
 * Claims whose check has an entry of its own. Whatever a framework wraps around it ("audience is
 * not valid", "The 'nonce' has expired", "JWT iss claim has value …"), the claim a message names
 * says which check failed, so its word counts more than the words around it. Only the whole name
 * does: the parts of `auth_time` or `at_hash` ("time", "hash") are ordinary words.
 */
const claimTerms = new Set(["iss", "issuer", "aud", "audience", "azp", "nonce", "at_hash", "c_hash", "auth_time", "exp", "nbf", "iat"].map((claim) => toTerms(claim)[0] ?? claim));

/** Longer than this, a query was pasted rather than typed (a typed one has at most a few words). */
const typedQueryMaxLength = 200;

/**
 * Runs of three or more known terms in a line, split where an identifier (`MalformedError`,
 * `google.auth.exceptions`) or a plain word unknown to the catalogue stands. An unknown code
 * (`IDX20807`) means another message, so such a line is not split. Empty when nothing splits it.
 */
function knownRuns(engine: Engine, text: string): string[] {
  const runs: string[] = [];
  let split = false;
  const pieces = text.split(identifierPattern);
  if (pieces.length > 1) split = true;
  for (const piece of pieces) {
    let run: string[] = [];
    let terms = 0;
    const flush = () => {
      if (terms >= 3) runs.push(run.join(" "));
      run = [];
      terms = 0;
    };
    for (const word of normalizeMessage(piece).split(" ")) {
      const wordTerms = toTerms(word);
      if (wordTerms.some((term) => !engine.termIds.has(term))) {
        if (!/^\p{L}+$/u.test(word)) return [];
        split = true;
        flush();
        continue;
      }
      run.push(word);
      if (wordTerms.length > 0) terms++;
    }
    flush();
  }
  return split ? runs : [];
}

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
    if (claimTerms.has(term)) for (const match of matches) match.weight *= options.claimWeight;
    return matches;
  });

  const lineTexts = [...parsed.descriptions, ...parsed.messageLines];
  if (parsed.messageLines.length > 1) lineTexts.push(parsed.messageLines.join(" "));
  const norms = new Set(lineTexts.map(normalizeMessage));
  const lines: QueryPlan["lines"] = [...norms].filter((norm) => norm.length > 0).map((norm) => ({ norm, size: toDistinctTerms(norm).length }));
  // A line with a word the catalogue does not know (a typo, a value the template leaves out) is
  // also looked for in pieces: each run of known words between them, identifiers left out.
  for (const text of lineTexts) {
    for (const piece of knownRuns(engine, text)) {
      if (norms.has(piece)) continue;
      norms.add(piece);
      lines.push({ norm: piece, size: toDistinctTerms(piece).length, piece: true });
    }
  }

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
  const sourceText = sources.join("\n");
  const identifiers = identifierTerms(sourceText, compounds);
  // Words only inside identifiers: a package path or a standard exception class counts less.
  const namespaces = namespaceTerms(sourceText);
  const generic = genericExceptionTerms(sourceText);
  terms.forEach((term, at) => {
    if (!identifiers.has(term)) return;
    const factor = (namespaces.has(term) ? namespaceWeight : 1) * (generic.has(term) ? genericExceptionWeight : 1);
    if (factor !== 1) for (const match of resolved[at] ?? []) match.weight *= factor;
  });
  const claims = terms.flatMap((term) => {
    const termId = claimTerms.has(term) ? engine.termIds.get(term) : undefined;
    return termId === undefined ? [] : [termId];
  });
  const exceptionPhrases = exceptionMessagePhrases(parsed.messageLines);
  return { terms, resolved, lines, words, correctedWords, sequence, identifiers, claims, exceptionPhrases };
}

/** See `QueryPlan.exceptionPhrases`. */
function exceptionMessagePhrases(lines: readonly string[]): Set<string> {
  const phrases = new Set<string>();
  for (const line of lines) {
    const parts = line.split(/\b[\w.$]*(?:Error|Exception)\s*:\s*/);
    if (parts.length < 2) continue;
    const words = (parts[parts.length - 1] ?? "").toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
    if (words.length >= 2 && words.length <= 4) phrases.add(words.join("_"));
  }
  return phrases;
}
