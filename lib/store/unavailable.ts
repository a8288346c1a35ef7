// The one error shared state raises when its store (Redis, with REDIS_URL) cannot answer. Callers
// turn it into 503 `temporarily_unavailable`; anything else stays an unexpected error.
// Browser-safe: no Redis client here.

// Route bundles (and the proxy) may each hold their own copy of this module, so the error is
// recognised by a registered symbol rather than by `instanceof` one copy's class.
const brand = Symbol.for("oidc-rp-troubleshooting.store.unavailable");

export class SharedStoreUnavailableError extends Error {
  readonly code = "temporarily_unavailable";
  readonly [brand] = true;

  constructor(message: string) {
    super(message);
    this.name = "SharedStoreUnavailableError";
  }

  /** Redis did not answer: down, unreachable, or too slow. */
  static unreachable(address: string, detail: string): SharedStoreUnavailableError {
    return new SharedStoreUnavailableError(
      `Shared state is unavailable: Redis at ${address} is unreachable (${detail}). Try again shortly; operators: check that Redis is running and that REDIS_URL points at it.`,
    );
  }
}

export function isSharedStoreUnavailable(error: unknown): error is SharedStoreUnavailableError {
  return error instanceof Error && brand in error && error[brand] === true;
}

/** The JSON answer for a request that needs the store while it is down. */
export function storeUnavailableResponse(error: SharedStoreUnavailableError): Response {
  return Response.json({ error: error.code, message: error.message }, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } });
}
