// The error-code lookup: whatever was pasted (an error body, a callback URL, a WWW-Authenticate
// header, an AADSTS line, a log line, a stack trace) → what was read, each code's reference and
// the entries that fix it, best first. Parsing and ranking are search's own (`parseInput`,
// `searchIndex`), so the lookup and the search box always agree. Findings, in order:
//   1. lookup.parsed: what was read (codes, HTTP status, description, vendor, WWW-Authenticate);
//      warn when nothing code-like was recognised and the text was searched as words
//   2. lookup.code.<code>, one per code read: pass with its meaning when the reference knows it
//      (the place matching the read status or header first); warn "unknown code" otherwise
//   3. lookup.entries: pass with the best entry; warn when no entry matched but a code's
//      reference did; fail when nothing matched at all
// `ok` follows the shared rule (false when a finding fails), so it is false only when the input
// gave nothing to go on: no entry and no known code. The API still answers 200 with what was
// read; the CLI exits 1. Empty or oversized input is refused (400) before anything runs; 503
// only when the search index or the code reference cannot be loaded.
import { z } from "zod";
import { httpStatusLabel, lookupCode, returnedAtLabels, sourceLabels, type CodeReference } from "@/lib/codes/index";
import type { CodeDefinition, CodeSource, ReturnedAt } from "@/lib/codes/schema";
import { countSearchDocs, searchIndex, type SearchResponse, type SearchResult } from "@/lib/search/index";
import { hasStructure, parseInput, type ParsedInput } from "@/lib/search/parse-input";
import { toSearchApiResponse, type SearchApiResult } from "@/lib/search/request";
import { codeUrl } from "@/lib/urls";
import type { DiagnosticDeps, ReferenceData } from "./fetcher";
import { finding, isOk, type Finding, type ToolResult } from "./findings";
import { parseWith, type ParseResult } from "./input";
import type { DiagnosticRun } from "./run";

/** The longest paste accepted: a JSON error body, a few log lines or a stack trace fit easily. */
export const maxLookupInputLength = 16_384;
export const maxLookupLimit = 20;
export const defaultLookupLimit = 5;

// A query string carries the limit as text, a JSON body as a number.
const limitSchema = z
  .union([z.number(), z.string().trim().regex(/^\d{1,3}$/, `must be an integer from 1 to ${maxLookupLimit}`).transform(Number)])
  .pipe(z.number().int().min(1, `must be an integer from 1 to ${maxLookupLimit}`).max(maxLookupLimit, `must be an integer from 1 to ${maxLookupLimit}`));

export const errorLookupInputSchema = z.strictObject({
  input: z
    .string()
    .trim()
    .min(1, "is empty; paste the error body, callback URL, header, code or log line")
    .max(maxLookupInputLength, `is longer than ${maxLookupInputLength.toLocaleString("en-US")} characters; paste the error and the few lines around it, not the whole log`),
  limit: limitSchema.optional(),
});

export type ErrorLookupInput = z.infer<typeof errorLookupInputSchema>;

export function parseErrorLookupInput(source: URLSearchParams | unknown): ParseResult<ErrorLookupInput> {
  return parseWith(errorLookupInputSchema, source, "error-lookup");
}

/** What was read from the input, in the API's words. */
export type ParsedLookup = {
  /** Codes as written, in order of appearance. */
  codes: string[];
  /** The first HTTP status read, if any; `statuses` has them all. */
  status: number | null;
  statuses: number[];
  description: string | null;
  descriptions: string[];
  /** The product whose codes were read (e.g. Microsoft Entra ID for AADSTS codes), if any. */
  vendor: string | null;
  www_authenticate?: { scheme: string; params: Record<string, string> };
  /** The meaningful lines left once codes, bodies, stack frames and log prefixes were read. */
  message_lines: string[];
};

export type CodeDefinitionView = {
  id: string;
  code: string;
  source: CodeSource;
  source_label: string;
  vendor?: string;
  meaning: string;
  returned_at: ReturnedAt;
  returned_at_label: string;
  http: number | null;
  http_label: string;
  retry?: string;
  oauth_error?: string;
  spec?: CodeDefinition["spec"];
};

/** One code's reference: every place it is returned, the one matching the input first. */
export type CodeLookup = {
  code: string;
  known: boolean;
  /** `input`: the input named the code; `search`: search matched the code's reference by its words. */
  via: "input" | "search";
  /** The code's page on the site (known codes only). */
  url?: string;
  definitions: CodeDefinitionView[];
};

export type LookupEntry = SearchApiResult & {
  match: SearchResult["match"];
  cause?: { id: string; title: string };
};

export type ErrorLookupResult = ToolResult<"error-lookup"> & {
  parsed: ParsedLookup;
  codes: CodeLookup[];
  entries: LookupEntry[];
};

// ---- what was read -----------------------------------------------------------------------

/**
 * Codes the reference knows that the input writes as plain words (`invalid_client`, `Connect API
 * Error 215`), in order of appearance. The parser reads codes only where an error body, query or
 * header puts them, and leaves bare words to search; a bare word counts as a code only when the
 * reference knows it, so `redirect_uri` or `client_id` in a log line are not "unknown codes".
 */
export function codesNamedVerbatim(text: string, codes: CodeReference): string[] {
  const flat = text.replace(/\s+/g, " ");
  const found: Array<{ at: number; code: string }> = [];
  for (const match of flat.matchAll(/[\p{L}\p{N}_]+/gu)) {
    if (lookupCode(codes, match[0]).length > 0) found.push({ at: match.index, code: match[0] });
  }
  // Codes with spaces ("Connect API Error 215") are not one word: look for them as phrases.
  const folded = flat.toLowerCase();
  for (const name of codes.names) {
    if (/^[\p{L}\p{N}_]+$/u.test(name)) continue;
    const at = folded.indexOf(name.toLowerCase());
    const before = folded[at - 1] ?? " ";
    const after = folded[at + name.length] ?? " ";
    if (at !== -1 && !/[\p{L}\p{N}_]/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) found.push({ at, code: name });
  }
  const distinct = new Map<string, string>();
  for (const { code } of found.sort((a, b) => a.at - b.at)) if (!distinct.has(code.toLowerCase())) distinct.set(code.toLowerCase(), code);
  return [...distinct.values()];
}

/** The parser's reading, with the known codes written as plain words added after the ones it read. */
export function readInput(text: string, parsed: ParsedInput, codes: CodeReference): ParsedInput {
  const read = new Set(parsed.codes.map((code) => code.toLowerCase()));
  const verbatim = codesNamedVerbatim(text, codes).filter((code) => !read.has(code.toLowerCase()));
  return verbatim.length === 0 ? parsed : { ...parsed, codes: [...parsed.codes, ...verbatim] };
}

/** The vendor of the reference's AADSTS codes, for Entra codes the reference does not list. */
function aadstsVendor(codes: CodeReference): string | null {
  return codes.definitions.find((definition) => /^AADSTS\d+$/.test(definition.code) && definition.vendor)?.vendor ?? null;
}

/** A code whose every definition is a vendor's names that vendor; shared codes (unauthorized_client) do not. */
export function vendorOf(parsed: ParsedInput, codes: CodeReference): string | null {
  for (const code of parsed.codes) {
    const definitions = lookupCode(codes, code);
    const vendors = new Set(definitions.map((definition) => definition.vendor));
    const only = vendors.size === 1 ? [...vendors][0] : undefined;
    if (definitions.length > 0 && only !== undefined) return only;
  }
  return parsed.aadsts.length > 0 ? aadstsVendor(codes) : null;
}

export function toParsedLookup(parsed: ParsedInput, codes: CodeReference): ParsedLookup {
  return {
    codes: parsed.codes,
    status: parsed.statuses[0] ?? null,
    statuses: parsed.statuses,
    description: parsed.descriptions[0] ?? null,
    descriptions: parsed.descriptions,
    vendor: vendorOf(parsed, codes),
    ...(parsed.wwwAuthenticate ? { www_authenticate: parsed.wwwAuthenticate } : {}),
    message_lines: parsed.messageLines,
  };
}

function quote(text: string, max = 120): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

export function checkParsed(parsed: ParsedInput, lookup: ParsedLookup, truncatedAt: number | null): Finding {
  const truncated = truncatedAt === null ? "" : ` Search ranked the first ${truncatedAt.toLocaleString("en-US")} characters.`;
  if (!hasStructure(parsed)) {
    return finding("lookup.parsed", "warn", `No error code, HTTP status, error description or WWW-Authenticate header was recognised, so the text was searched as words. Expected e.g. {"error":"invalid_client"}, a callback URL with ?error=…, or a code such as AADSTS50011.${truncated}`);
  }
  const read: string[] = [];
  if (lookup.codes.length > 0) read.push(`code${lookup.codes.length === 1 ? "" : "s"} ${lookup.codes.join(", ")}`);
  if (lookup.statuses.length > 0) read.push(`HTTP ${lookup.statuses.join(", ")}`);
  if (lookup.description !== null) read.push(`description ${quote(lookup.description)}`);
  if (lookup.vendor !== null) read.push(`vendor ${lookup.vendor}`);
  if (lookup.www_authenticate) read.push(`a WWW-Authenticate ${lookup.www_authenticate.scheme} challenge`);
  return finding("lookup.parsed", "pass", `Read ${read.join("; ")}.${truncated}`);
}

// ---- each code's reference -----------------------------------------------------------------

function toDefinitionView(definition: CodeDefinition): CodeDefinitionView {
  return {
    id: definition.id,
    code: definition.code,
    source: definition.source,
    source_label: sourceLabels[definition.source],
    ...(definition.vendor ? { vendor: definition.vendor } : {}),
    meaning: definition.meaning,
    returned_at: definition.returned_at,
    returned_at_label: returnedAtLabels[definition.returned_at],
    http: definition.http,
    http_label: httpStatusLabel(definition.http),
    ...(definition.retry ? { retry: definition.retry } : {}),
    ...(definition.oauth_error ? { oauth_error: definition.oauth_error } : {}),
    ...(definition.spec ? { spec: definition.spec } : {}),
  };
}

/** A code returned in several places: the place the input points at (its status, its header) first. */
export function orderDefinitions(definitions: readonly CodeDefinition[], parsed: ParsedInput): CodeDefinition[] {
  function fit(definition: CodeDefinition): number {
    let score = 0;
    if (definition.http !== null && parsed.statuses.includes(definition.http)) score += 2;
    if (parsed.wwwAuthenticate !== undefined && definition.returned_at === "resource") score += 2;
    return score;
  }
  return definitions.map((definition, order) => ({ definition, order, fit: fit(definition) })).sort((a, b) => b.fit - a.fit || a.order - b.order).map(({ definition }) => definition);
}

export function toCodeLookup(code: string, via: CodeLookup["via"], codes: CodeReference, parsed: ParsedInput): CodeLookup {
  const definitions = orderDefinitions(lookupCode(codes, code), parsed);
  const first = definitions[0];
  if (first === undefined) return { code, known: false, via, definitions: [] };
  return { code: first.code, known: true, via, url: codeUrl(first.code), definitions: definitions.map(toDefinitionView) };
}

function specLabel(spec: CodeDefinition["spec"]): string | undefined {
  return spec ? `${spec.title}${spec.section ? ` §${spec.section}` : ""}` : undefined;
}

function sameCode(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function checkCode(lookup: CodeLookup, entries: readonly LookupEntry[]): Finding {
  const id = `lookup.code.${lookup.code}`;
  const [first, ...others] = lookup.definitions;
  if (!lookup.known || first === undefined) {
    const best = entries[0];
    return finding(id, "warn", `Unknown code: ${lookup.code} is not in the error-code reference, so its meaning is not known here. ${best ? `The best matching entry is "${best.title}".` : "No entry matched either; check the spelling, or search for the description."}`, best ? { entry: best.url } : {});
  }
  const citing = entries.find((entry) => entry.codes.some((code) => sameCode(code, lookup.code)));
  const vendor = first.vendor ? ` (${first.vendor})` : "";
  const standard = first.oauth_error ? ` It comes with the standard error ${first.oauth_error}.` : "";
  const retry = first.retry ? ` Retry: ${first.retry}` : "";
  const elsewhere = others.length > 0 ? ` Also returned at: ${others.map((other) => `${other.returned_at_label} (${other.http_label})`).join("; ")}.` : "";
  const explained = citing ? ` Explained in "${citing.title}".` : "";
  const spec = specLabel(first.spec);
  return finding(id, "pass", `${lookup.code}${vendor}: ${first.meaning} Returned at: ${first.returned_at_label}; status: ${first.http_label}.${standard}${retry}${elsewhere}${explained}`, {
    ...(citing ? { entry: citing.url } : {}),
    ...(spec ? { spec } : {}),
  });
}

// ---- the entries ---------------------------------------------------------------------------

/** Entry results in the public search result shape, plus how they matched and the cause linked. */
export function toLookupEntries(response: SearchResponse): LookupEntry[] {
  const entries = response.results.filter((result) => result.kind === "entry");
  const shaped = toSearchApiResponse({ ...response, results: entries }).results;
  return entries.flatMap((result, index) => {
    const base = shaped[index];
    if (base === undefined) return [];
    const cause = result.matches.cause;
    return [{ ...base, match: result.match, ...(cause ? { cause: { id: cause.id, title: cause.title } } : {}) }];
  });
}

const matchLabels: Record<SearchResult["match"], string> = {
  exact: "an exact code or message match",
  close: "a close match",
  words: "a match on words",
};

export function checkEntries(entries: readonly LookupEntry[], codes: readonly CodeLookup[]): Finding {
  const best = entries[0];
  if (best !== undefined) {
    const cause = best.cause ? `, cause "${best.cause.title}"` : "";
    const more = entries.length > 1 ? ` ${entries.length - 1} more below.` : "";
    const named = codes.filter((code) => code.via === "input" && code.known).map((code) => code.code);
    const cited = entries.some((entry) => entry.codes.some((code) => named.some((name) => sameCode(name, code))));
    // A code no entry is about: the entries found share only words with the paste, so say so.
    if (best.match === "words" && named.length > 0 && !cited) {
      return finding("lookup.entries", "warn", `No entry is about ${named.join(", ")} (the reference above explains ${named.length === 1 ? "it" : "them"}); the closest entries only share words with the input. Best: "${best.title}"${cause}.${more}`, { entry: best.url });
    }
    return finding("lookup.entries", "pass", `Best match: "${best.title}"${cause} (${matchLabels[best.match]}).${more}`, { entry: best.url });
  }
  const known = codes.filter((code) => code.known);
  if (known.length > 0) {
    return finding("lookup.entries", "warn", `No catalogue entry matched; the error-code reference explains ${known.map((code) => `${code.code} (${code.url ?? codeUrl(code.code)})`).join(", ")}.`);
  }
  return finding("lookup.entries", "fail", "Nothing matched: no catalogue entry and no known error code. Paste the exact error body, callback URL or message the library printed (not a paraphrase), or browse /codes.");
}

// ---- the lookup ----------------------------------------------------------------------------

/** The lookup itself, pure: the same data in, the same answer out. */
export function lookupError(input: ErrorLookupInput, data: ReferenceData): ErrorLookupResult {
  const limit = input.limit ?? defaultLookupLimit;
  // Reference-code documents are answered through `codes`; ask for enough results to still fill `limit` with entries.
  const codeDocs = countSearchDocs(data.index, "code");
  const response = searchIndex(data.index, input.input, { limit: limit + codeDocs });
  const maxQuery = data.index.options.maxQueryLength;
  const truncatedAt = input.input.length > maxQuery ? maxQuery : null;
  // Search reads only its first `maxQueryLength` characters; report what the whole paste says.
  const parsed = readInput(input.input, truncatedAt === null ? response.parsed : parseInput(input.input), data.codes);

  const entries = toLookupEntries(response).slice(0, limit);
  // `INVALID_CLIENT` and `invalid_client` in one paste are one code of the reference.
  const named: CodeLookup[] = [];
  for (const code of parsed.codes) {
    const lookup = toCodeLookup(code, "input", data.codes, parsed);
    if (!named.some((other) => sameCode(other.code, lookup.code))) named.push(lookup);
  }
  // A reference code search found by its own words ("consent required"), not one merely sharing a word.
  const searched = response.results
    .filter((result) => result.kind === "code" && result.match !== "words")
    .flatMap((result) => result.codes)
    .filter((code) => !named.some((lookup) => sameCode(lookup.code, code)))
    .map((code) => toCodeLookup(code, "search", data.codes, parsed))
    .filter((lookup) => lookup.known);
  const codes = [...named, ...searched];

  const lookup = toParsedLookup(parsed, data.codes);
  const checks = [checkParsed(parsed, lookup, truncatedAt), ...named.map((code) => checkCode(code, entries)), checkEntries(entries, codes)];
  return { tool: "error-lookup", ok: isOk(checks), checks, parsed: lookup, codes, entries };
}

export async function runErrorLookup(input: ErrorLookupInput, deps: DiagnosticDeps): Promise<DiagnosticRun<ErrorLookupResult>> {
  const unavailable: DiagnosticRun<never> = {
    ok: false,
    status: 503,
    error: { error: "temporarily_unavailable", message: "error-lookup: the search index or the error-code reference could not be loaded. Try again later; operators: run npm run check:content." },
  };
  if (deps.reference === undefined) return unavailable;
  let data: ReferenceData;
  try {
    data = await deps.reference();
  } catch {
    // The supplier logs the cause (a server-side fault); the caller only learns it is unavailable.
    return unavailable;
  }
  return { ok: true, result: lookupError(input, data) };
}
