// `GET /api/search` input and output: parses the query string into a result (never throws) and
// shapes a search response into the public JSON contract of DESIGN.md.
import type { SearchResponse } from "./index";
import { searchOptions } from "./options";

export type SearchRequest = { query: string; limit: number; library?: string };
export type SearchRequestError = { error: "invalid_request"; message: string };
export type ParseSearchRequestResult = { ok: true; request: SearchRequest } | { ok: false; error: SearchRequestError };

export type SearchApiResult = { slug: string; title: string; area: string; codes: string[]; url: string; score: number };
export type SearchApiResponse = { query: string; library?: string; results: SearchApiResult[] };

function invalid(message: string): ParseSearchRequestResult {
  return { ok: false, error: { error: "invalid_request", message } };
}

/**
 * `q` (required, 1–10,000 characters), `limit` (optional integer, 1–50, default 10) and `library`
 * (optional: one of `libraries`, the ids of content/libraries.json).
 */
export function parseSearchRequest(input: { q?: unknown; limit?: unknown; library?: unknown }, libraries: readonly string[] = []): ParseSearchRequestResult {
  const { maxQueryLength, maxLimit, defaultLimit } = searchOptions;
  if (input.q === undefined || input.q === null) {
    return invalid("Missing q: pass the text to search for, e.g. /api/search?q=invalid_client");
  }
  if (typeof input.q !== "string") return invalid("q must be a string");
  if (input.q.trim().length === 0) return invalid("q is empty: pass an error code, message or pasted error body");
  if (input.q.length > maxQueryLength) {
    return invalid(
      `q is ${input.q.length.toLocaleString("en-US")} characters; the limit is ${maxQueryLength.toLocaleString("en-US")}. ` +
        "Paste the error body or the few log lines around the error instead of the whole log.",
    );
  }
  let limit = defaultLimit;
  if (input.limit !== undefined && input.limit !== null && input.limit !== "") {
    const text = typeof input.limit === "number" ? String(input.limit) : input.limit;
    if (typeof text !== "string" || !/^\d{1,4}$/.test(text.trim()) || Number(text) < 1 || Number(text) > maxLimit) {
      return invalid(`limit must be an integer from 1 to ${maxLimit}`);
    }
    limit = Number(text);
  }
  if (input.library === undefined || input.library === null) return { ok: true, request: { query: input.q, limit } };
  if (typeof input.library !== "string" || !libraries.includes(input.library)) {
    const shown = typeof input.library === "string" ? input.library.slice(0, 100) : String(input.library);
    return invalid(`Unknown library "${shown}": use one of ${libraries.join(", ")}`);
  }
  return { ok: true, request: { query: input.q, limit, library: input.library } };
}

export function parseSearchParams(params: URLSearchParams, libraries: readonly string[] = []): ParseSearchRequestResult {
  return parseSearchRequest({ q: params.get("q") ?? undefined, limit: params.get("limit") ?? undefined, library: params.get("library") ?? undefined }, libraries);
}

export function toSearchApiResponse(response: SearchResponse): SearchApiResponse {
  return {
    query: response.query,
    ...(response.library === undefined ? {} : { library: response.library }),
    results: response.results.map((result) => ({
      slug: result.slug,
      title: result.title,
      area: result.area,
      codes: result.codes,
      url: result.url,
      score: result.score,
    })),
  };
}
