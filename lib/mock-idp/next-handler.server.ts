// The glue every Next route handler under app/mock-idp uses.
import "server-only";
import type { MockIdpDeps } from "./context";
import { getMockIdpDeps, isMockIdpEnabled } from "./default.server";
import { oauthError, toErrorResponse } from "./errors";
import { handleMockIdpRequest } from "./router";

export async function serveMockIdp(request: Request): Promise<Response> {
  // Checked before loading keys or the registry, so a switched-off deployment needs neither.
  if (!isMockIdpEnabled()) return toErrorResponse(oauthError("not_found", "the mock IdP is switched off on this deployment (MOCK_IDP_ENABLED=0)"));
  let deps: MockIdpDeps;
  try {
    deps = await getMockIdpDeps();
  } catch (error) {
    // An operator problem (bad env variable, broken clients.json): say what, not a bare 500.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[mock-idp] ${message}`);
    return toErrorResponse(oauthError("server_error", `the mock IdP is misconfigured: ${message}`));
  }
  return handleMockIdpRequest(request, deps);
}
