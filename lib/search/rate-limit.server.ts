// `/api/search`'s budget: SEARCH_RATE_LIMIT requests per client per minute (default 300, far
// above what typing in the search box sends), counted in Redis when REDIS_URL is set so every
// instance spends one budget. Over budget: 429 JSON with Retry-After.
import { spendClientBudget } from "@/lib/store/client-budget.server";
import { storeUnavailableResponse } from "@/lib/store/unavailable";

export const defaultSearchRequestsPerMinute = 300;

function misconfigured(message: string): Response {
  console.error(`[search] ${message}`);
  return Response.json({ error: "misconfigured", message: `Search is switched off until the server's configuration is fixed: ${message}` }, { status: 503, headers: { "Cache-Control": "no-store" } });
}

/** The refusal to send instead of searching, or null when the request is within budget. */
export async function limitSearchRequest(request: Request): Promise<Response | null> {
  const outcome = await spendClientBudget(request, { name: "search", variable: "SEARCH_RATE_LIMIT", fallback: defaultSearchRequestsPerMinute, max: 100_000 });
  switch (outcome.kind) {
    case "within":
      return null;
    case "misconfigured":
      return misconfigured(outcome.message);
    case "unavailable":
      return storeUnavailableResponse(outcome.error);
    case "over":
      return Response.json(
        { error: "rate_limited", message: `Too many searches from this client: at most ${outcome.perMinute} a minute. Try again in ${outcome.retryAfterSeconds} s.` },
        { status: 429, headers: { "Cache-Control": "no-store", "Retry-After": String(outcome.retryAfterSeconds) } },
      );
  }
}
