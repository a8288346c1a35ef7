// The device page's user-code lookups, limited before the page renders (proxy.ts calls this:
// a page cannot answer 429 itself). The page and its form share one budget per client and a
// ceiling for all clients (device.ts, RFC 8628 §5.1).
import { clientAddress } from "@/lib/net/client-address";
import { isSharedStoreUnavailable } from "@/lib/store/unavailable";
import { defaultMockIdpConfig, parseMockIdpConfig } from "./config";
import { checkUserCodeLookup, userCodeLookupLimitedPage } from "./device";
import { htmlDocument, escapeHtml } from "./html";
import { devicePagePath } from "./paths";
import { getSharedMockIdpState } from "./shared-state.server";

/** True for the device page asked to look a code up (the bare page, to type one in, is free). */
export function isUserCodeLookup(url: URL): boolean {
  return url.pathname.replace(/\/$/, "") === devicePagePath && (url.searchParams.get("user_code") ?? "").trim() !== "";
}

/** A 429 (or 503) page when this lookup is over budget, else null and the page renders. */
export async function limitUserCodeLookup(request: Request): Promise<Response | null> {
  try {
    // A broken configuration is reported by the page itself (its deps fail to load); limit with the defaults meanwhile.
    const parsed = parseMockIdpConfig(process.env);
    const config = parsed.ok ? parsed.config : defaultMockIdpConfig;
    const caller = clientAddress(request.headers, { hops: config.trustProxyHops });
    const decision = await checkUserCodeLookup(getSharedMockIdpState().rateLimits, caller, config.userCodeRateLimit);
    return decision.ok ? null : userCodeLookupLimitedPage(decision.retryAfterSeconds);
  } catch (error) {
    if (!isSharedStoreUnavailable(error)) throw error;
    // Not logged here: the Redis client logs each outage once.
    return htmlDocument("503 Temporarily unavailable", `<h1>Temporarily unavailable</h1><p>${escapeHtml(error.message)}</p>`, 503, { "Retry-After": "5" });
  }
}
