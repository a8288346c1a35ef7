// The mock IdP's per-route rate limit: each caller's own budget for the route first, then the
// route's ceiling for all callers together. Counted by the state's rate-limit store (in memory,
// or in Redis with REDIS_URL so every instance spends one budget).
import type { RateLimit, RateLimitDecision, RateLimitStore } from "@/lib/store/rate-limit";

/**
 * How many callers' worth of requests a route takes in one window, all callers together. Callers
 * are told apart by the address the trusted proxy hop reports (lib/net/client-address.ts); many
 * real addresses behind a proxy are still bounded by this ceiling.
 */
export const routeCeilingFactor = 20;

export async function checkRouteRateLimit(store: RateLimitStore, routeName: string, caller: string, limit: RateLimit): Promise<RateLimitDecision> {
  const own = await store.hit("mock-idp", `${routeName}:${caller}`, limit);
  if (!own.ok) return own;
  return store.hit("mock-idp-route", routeName, { max: limit.max * routeCeilingFactor, windowSeconds: limit.windowSeconds });
}
