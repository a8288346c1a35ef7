// The shape every rate limit in the app shares (mock IdP routes, diagnostics, MCP, search, the
// device user-code lookup). Implementations: lib/store/rate-limit.server.ts.

export type RateLimit = { max: number; windowSeconds: number };

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export type RateLimitStore = {
  /**
   * Counts one request for `key` in `bucket` and says whether it is within `limit`. Refused
   * requests count too. Throws SharedStoreUnavailableError when the shared store is down.
   */
  hit(bucket: string, key: string, limit: RateLimit): Promise<RateLimitDecision>;
};
