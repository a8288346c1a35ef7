// The discovery document (OpenID Connect Discovery 1.0 / RFC 8414) for the mock and each
// scenario, plus the JWKS endpoint. `issuer` is exactly the URL the document is served under,
// except where a scenario deliberately breaks that.
import type { IssuerContext, MockIdpDeps } from "./context";
import { noStoreJson } from "./http";
import { mockIdpEndpoints } from "./paths";
import { advertisedEndpointBase, buildJwks } from "./scenario-behaviour";
import { supportedScopes } from "./scopes";
import { oauthError, toErrorResponse } from "./errors";

export function buildDiscoveryDocument(context: IssuerContext): Record<string, unknown> {
  const endpoints = mockIdpEndpoints(advertisedEndpointBase(context));
  const document: Record<string, unknown> = {
    issuer: context.issuer,
    authorization_endpoint: endpoints.authorization,
    token_endpoint: endpoints.token,
    userinfo_endpoint: endpoints.userinfo,
    jwks_uri: endpoints.jwks,
    device_authorization_endpoint: endpoints.deviceAuthorization,
    embed_endpoint: endpoints.embed,
    scopes_supported: [...supportedScopes],
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256", "ES256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
    code_challenge_methods_supported: ["S256"],
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "azp", "name", "preferred_username", "email", "email_verified", "is_anonymous"],
    authorization_response_iss_parameter_supported: true,
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    claims_parameter_supported: false,
  };
  if (context.scenario === "missing-jwks-uri") delete document.jwks_uri;
  return document;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export async function handleDiscovery(request: Request, context: IssuerContext, deps: MockIdpDeps): Promise<Response> {
  if (context.scenario === "slow-discovery") await sleep(deps.config.slowDiscoveryMs, request.signal);
  return noStoreJson(buildDiscoveryDocument(context));
}

export function handleJwks(_request: Request, context: IssuerContext, deps: MockIdpDeps): Response {
  if (context.scenario === "jwks-unavailable") {
    return toErrorResponse(oauthError("temporarily_unavailable", "the JWKS is unavailable (jwks-unavailable scenario)", { headers: { "Retry-After": "30" } }));
  }
  return new Response(JSON.stringify(buildJwks(deps.keys.signing, context.scenario)), {
    headers: { "Content-Type": "application/jwk-set+json", "Cache-Control": "public, max-age=300" },
  });
}
