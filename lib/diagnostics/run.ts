// What running a diagnostic yields: a result, or a refusal of the input itself (a bad URL, an
// address the SSRF guard blocks, reference data that cannot be loaded), answered as a 4xx/503.
import type { FetchFailure } from "./fetcher";
import type { DiagnosticError } from "./input";

export type DiagnosticRun<T> = { ok: true; result: T } | { ok: false; status: 400 | 403 | 503; error: DiagnosticError };

/** A guard refusal (the request never left) becomes the run's answer; a transport failure does not. */
export function toRefusal(failure: FetchFailure): DiagnosticRun<never> | null {
  if (!failure.code.startsWith("blocked_") && failure.code !== "invalid_url") return null;
  return { ok: false, status: failure.code === "blocked_address" ? 403 : 400, error: { error: failure.code, message: failure.message } };
}

/**
 * A diagnostic as served to a caller (API route, MCP tool): its result, or why it was refused
 * (bad input 4xx, over budget 429, misconfigured 503), with when to retry if that is known.
 */
export type DiagnosticOutcome<T> = { ok: true; result: T } | { ok: false; status: number; error: DiagnosticError; retryAfterSeconds?: number };
