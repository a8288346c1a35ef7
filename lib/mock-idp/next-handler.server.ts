// The glue every Next route handler under app/mock-idp uses.
import "server-only";
import type { MockIdpDeps } from "./context";
import { getMockIdpDeps, isMockIdpEnabled } from "./default.server";
import { oauthError, toErrorResponse } from "./errors";
import { handleMockIdpRequest } from "./router";
import { documentStyleHash } from "./html";
import { applySecurityHeaders, buildDocumentCsp, shouldSendHsts } from "@/lib/http/security-headers";
import { isSharedStoreUnavailable } from "@/lib/store/unavailable";

/**
 * Every answer carries the security headers here: these handlers run without proxy.ts (they read
 * bodies), and the CSP is the strict one for hand-written documents (no script, one hashed style).
 */
export async function serveMockIdp(request: Request): Promise<Response> {
  const response = await answer(request);
  const copy = new Response(response.body, response);
  const hsts = shouldSendHsts({ siteUrl: process.env.SITE_URL, requestProtocol: new URL(request.url).protocol });
  applySecurityHeaders(copy.headers, { csp: buildDocumentCsp({ styleHashes: [documentStyleHash] }), hsts });
  return copy;
}

async function answer(request: Request): Promise<Response> {
  // Checked before loading keys or the registry, so a switched-off deployment needs neither.
  if (!isMockIdpEnabled()) return toErrorResponse(oauthError("not_found", "the mock IdP is switched off on this deployment (MOCK_IDP_ENABLED=0)"));
  let deps: MockIdpDeps;
  try {
    deps = await getMockIdpDeps();
  } catch (error) {
    // An operator problem (bad env variable, broken clients.json): say what, not a bare 500.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[mock-idp] ${message}`);
    // A malformed REDIS_URL: the shared state cannot be reached, which is a 503, not a 500.
    if (isSharedStoreUnavailable(error)) return toErrorResponse(oauthError("temporarily_unavailable", message, { extra: { message } }));
    return toErrorResponse(oauthError("server_error", `the mock IdP is misconfigured: ${message}`));
  }
  return handleMockIdpRequest(request, deps);
}
