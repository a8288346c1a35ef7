// A per-client, per-minute request budget read from one environment variable (SEARCH_RATE_LIMIT,
// MCP_RATE_LIMIT, …): the caller is keyed by the trusted proxy hop (TRUST_PROXY_HOPS), the count
// lives in the shared rate-limit store (Redis with REDIS_URL). Callers turn the outcome into
// their own answer (JSON, JSON-RPC).
import { clientAddress, parseProxyTrust } from "@/lib/net/client-address";
import { parseCount } from "@/lib/net/diagnostics-limits.server";
import { getSharedRateLimits } from "@/lib/store/rate-limit.server";
import { isSharedStoreUnavailable, type SharedStoreUnavailableError } from "@/lib/store/unavailable";

export type ClientBudget = {
  /** The store's bucket name, e.g. "search". */
  name: string;
  /** The variable that sets requests per client per minute. */
  variable: string;
  fallback: number;
  max: number;
};

export type ClientBudgetOutcome =
  | { kind: "within" }
  | { kind: "over"; perMinute: number; retryAfterSeconds: number }
  | { kind: "misconfigured"; message: string }
  | { kind: "unavailable"; error: SharedStoreUnavailableError };

export async function spendClientBudget(request: Request, budget: ClientBudget): Promise<ClientBudgetOutcome> {
  const raw = process.env[budget.variable];
  const perMinute = parseCount(raw, budget.fallback, budget.max);
  if (perMinute === null) {
    return { kind: "misconfigured", message: `${budget.variable} must be a whole number of requests per minute from 1 to ${budget.max} (got "${raw?.slice(0, 40)}")` };
  }
  const trust = parseProxyTrust(process.env);
  if (!trust.ok) return { kind: "misconfigured", message: trust.message };
  let store;
  try {
    store = getSharedRateLimits();
  } catch (error) {
    // A store that cannot be set up (a bad REDIS_URL) is a configuration problem too.
    return { kind: "misconfigured", message: error instanceof Error ? error.message : String(error) };
  }
  try {
    const decision = await store.hit(budget.name, clientAddress(request.headers, trust.trust), { max: perMinute, windowSeconds: 60 });
    return decision.ok ? { kind: "within" } : { kind: "over", perMinute, retryAfterSeconds: decision.retryAfterSeconds };
  } catch (error) {
    if (!isSharedStoreUnavailable(error)) throw error;
    return { kind: "unavailable", error };
  }
}
