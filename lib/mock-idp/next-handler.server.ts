// The glue every Next route handler under app/mock-idp uses.
import "server-only";
import { getMockIdpDeps, isMockIdpEnabled } from "./default.server";
import { oauthError, toErrorResponse } from "./errors";
import { handleMockIdpRequest } from "./router";

export async function serveMockIdp(request: Request): Promise<Response> {
  // Checked before loading keys or the registry, so a switched-off deployment needs neither.
  if (!isMockIdpEnabled()) return toErrorResponse(oauthError("not_found", "the mock IdP is switched off on this deployment (MOCK_IDP_ENABLED=0)"));
  return handleMockIdpRequest(request, await getMockIdpDeps());
}
