// The network contract a diagnostic receives. Diagnostics never call the global fetch: the
// caller injects one (the SSRF-guarded fetch on the server and in the CLI, an in-process route
// to the bundled mock IdP, or a stub in tests). Browser-safe: types only.
import type { CodeReference } from "@/lib/codes/index";
import type { SearchIndex } from "@/lib/search/types";

/** What a diagnostic asks for: always a GET or a POST without credentials, never a token. */
export type DiagnosticRequest = {
  method?: "GET" | "POST" | "HEAD";
  headers?: Record<string, string>;
  body?: string;
  /**
   * `false` answers the first response as is, a redirect included (its Location unfollowed):
   * checks about where an endpoint redirects to (the redirect_uri preflight) need that hop.
   */
  followRedirects?: false;
};

/**
 * A fetched response as diagnostics see it: status, headers, the body already read (capped),
 * the final URL after redirects and how many redirects were followed.
 */
export type FetchedResponse = {
  url: string;
  status: number;
  headers: Headers;
  body: string;
  redirects: string[];
  /** Milliseconds from the request to the end of the body. */
  elapsedMs: number;
};

/**
 * A refusal or transport failure. `code` says which rule or failure:
 * - `blocked_scheme`, `blocked_address`, `blocked_port`, `invalid_url`, `too_many_redirects`
 *   come from the guard (the request never reached the target);
 * - `timeout`, `too_large`, `dns`, `connect`, `tls`, `network` are transport failures.
 */
export type FetchFailure = { code: string; message: string; url: string };

export type FetchOutcome = { ok: true; response: FetchedResponse } | { ok: false; error: FetchFailure };

export type DiagnosticFetch = (url: string, request?: DiagnosticRequest) => Promise<FetchOutcome>;

/** Options every network-using diagnostic takes. */
export type DiagnosticDeps = {
  fetch: DiagnosticFetch;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /**
   * True when the caller may reach loopback and private hosts over plain http (the operator set
   * DIAGNOSTICS_ALLOW_PRIVATE_NETWORK=1, the CLI on a developer's machine, or the bundled mock
   * IdP reached in process). Checks then accept http on loopback instead of failing it.
   */
  allowPrivateNetwork?: boolean;
  /**
   * The site's search index and error-code reference, for tools that look things up instead of
   * fetching (error-lookup). Loaded on demand: building the index compiles the catalogue.
   */
  reference?: () => Promise<ReferenceData>;
};

/** What the lookup tools read: the search index and the error-code reference. */
export type ReferenceData = { index: SearchIndex; codes: CodeReference };

/** Builds a FetchedResponse from a Web Response (in-process mock IdP, tests). */
export async function fromWebResponse(url: string, response: Response, elapsedMs = 0, redirects: string[] = []): Promise<FetchedResponse> {
  const body = await response.text();
  return { url: response.url || url, status: response.status, headers: response.headers, body, redirects, elapsedMs };
}
