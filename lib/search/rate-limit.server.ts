// `/api/search`'s budget: SEARCH_RATE_LIMIT requests per client per minute (default 300, far
// above what typing in the search box sends), counted in Redis when REDIS_URL is set so every
// instance spends one budget. Over budget: 429 JSON with Retry-After.
import { clientAddress, parseProxyTrust } from "@/lib/net/client-address";
import { parseCount } from "@/lib/net/diagnostics-limits.server";
import { getSharedRateLimits } from "@/lib/store/rate-limit.server";
import { isSharedStoreUnavailable, storeUnavailableResponse } from "@/lib/store/unavailable";

export const defaultSearchRequestsPerMinute = 300;

function misconfigured(message: string): Response {
  console.error(`[search] ${message}`);
  return Response.json({ error: "misconfigured", message: `Search is switched off until the server's configuration is fixed: ${message}` }, { status: 503, headers: { "Cache-Control": "no-store" } });
}

/** The refusal to send instead of searching, or null when the request is within budget. */
export async function limitSearchRequest(request: Request): Promise<Response | null> {
  const max = parseCount(process.env.SEARCH_RATE_LIMIT, defaultSearchRequestsPerMinute, 100_000);
  if (max === null) return misconfigured(`SEARCH_RATE_LIMIT must be a whole number of requests per minute from 1 to 100000 (got "${process.env.SEARCH_RATE_LIMIT?.slice(0, 40)}")`);
  const trust = parseProxyTrust(process.env);
  if (!trust.ok) return misconfigured(trust.message);
  try {
    const decision = await getSharedRateLimits().hit("search", clientAddress(request.headers, trust.trust), { max, windowSeconds: 60 });
    if (decision.ok) return null;
    return Response.json(
      { error: "rate_limited", message: `Too many searches from this client: at most ${max} a minute. Try again in ${decision.retryAfterSeconds} s.` },
      { status: 429, headers: { "Cache-Control": "no-store", "Retry-After": String(decision.retryAfterSeconds) } },
    );
  } catch (error) {
    if (!isSharedStoreUnavailable(error)) throw error;
    return storeUnavailableResponse(error);
  }
}
