// The mock IdP as one Web-standard handler: Request in, Response out. Next route handlers and
// the integration tests' node:http server both call `handleMockIdpRequest`. It owns the
// switch-off (404 everywhere), scenario prefixes, method checks, CORS, the per-route rate
// limit (429 + Retry-After), the refusal to serve a non-loopback origin with the public demo
// secret (503), 503 temporarily_unavailable while shared state (Redis) is down,
// and the last-resort 500.
import type { IssuerContext, MockIdpDeps } from "./context";
import { handleAuthorize } from "./authorize";
import { handleDeviceAuthorization, handleDeviceSubmit } from "./device";
import { oauthError, toErrorResponse } from "./errors";
import { escapeHtml, htmlDocument } from "./html";
import { corsPreflight, noStoreJson, withCors } from "./http";
import { handleLoginSubmit } from "./login";
import { handleDiscovery, handleJwks } from "./metadata";
import { clientAddress } from "@/lib/net/client-address";
import { resolveOrigin } from "./origin";
import { checkPublicServing } from "./public-serving";
import { isSharedStoreUnavailable } from "@/lib/store/unavailable";
import { checkRouteRateLimit } from "./rate-limit";
import { mockIdpBasePath, mockIdpEndpoints } from "./paths";
import { handlePromoteSubmit } from "./promote";
import { handleResume } from "./resume";
import { buildIssuerContext } from "./scenario-behaviour";
import { findMockIdpScenario, listMockIdpScenarios, type MockIdpScenarioName } from "./scenarios";
import { handleToken } from "./token";
import { handleUserinfo } from "./userinfo";
import { deviceCodeGrantType } from "./registry";

type Handler = (request: Request, context: IssuerContext, deps: MockIdpDeps) => Promise<Response> | Response;

type Route = {
  /** Path under the issuer base, e.g. /oauth/token. */
  path: string;
  methods: readonly string[];
  /** Rate-limit bucket name. */
  name: string;
  cors: boolean;
  /** false: served only under /mock-idp itself (browser forms), not under scenario issuers. */
  scenarios: boolean;
  handle: Handler;
};

function embedPage(_request: Request, context: IssuerContext): Response {
  return htmlDocument(
    "logi widget embed (mock)",
    `<h1>logi widget embed (mock)</h1><p>Stand-in for the IdP's widget embed endpoint of <code>${escapeHtml(context.issuer)}</code>. The mock does not render the QR widget.</p>`,
    200,
  );
}

function issuerIndex(_request: Request, context: IssuerContext): Response {
  return noStoreJson({ issuer: context.issuer, discovery: `${context.base}/.well-known/openid-configuration`, endpoints: mockIdpEndpoints(context.base) });
}

const routes: readonly Route[] = [
  { path: "/", methods: ["GET"], name: "index", cors: true, scenarios: true, handle: issuerIndex },
  { path: "/.well-known/openid-configuration", methods: ["GET"], name: "discovery", cors: true, scenarios: true, handle: handleDiscovery },
  { path: "/.well-known/jwks.json", methods: ["GET"], name: "jwks", cors: true, scenarios: true, handle: handleJwks },
  { path: "/oauth/authorize", methods: ["GET", "POST"], name: "authorize", cors: false, scenarios: true, handle: handleAuthorize },
  { path: "/oauth/token", methods: ["POST"], name: "token", cors: true, scenarios: true, handle: handleToken },
  { path: "/oauth/userinfo", methods: ["GET", "POST"], name: "userinfo", cors: true, scenarios: true, handle: handleUserinfo },
  { path: "/oauth/device/code", methods: ["POST"], name: "device_authorization", cors: true, scenarios: true, handle: handleDeviceAuthorization },
  // The logi IdP's own polling path: the token endpoint with the device grant as default.
  { path: "/oauth/device/poll", methods: ["POST"], name: "token", cors: true, scenarios: true, handle: (request, context, deps) => handleToken(request, context, deps, { defaultGrantType: deviceCodeGrantType }) },
  { path: "/api/v1/oauth/authorize/resume", methods: ["POST"], name: "resume", cors: true, scenarios: true, handle: handleResume },
  { path: "/embed", methods: ["GET"], name: "embed", cors: false, scenarios: true, handle: embedPage },
  { path: "/scenarios", methods: ["GET"], name: "scenarios", cors: true, scenarios: false, handle: (_request, context) => noStoreJson({ scenarios: listMockIdpScenarios(context.origin) }) },
  { path: "/login/submit", methods: ["POST"], name: "login", cors: false, scenarios: false, handle: (request, context, deps) => handleLoginSubmit(request, context.origin, deps) },
  { path: "/device/submit", methods: ["POST"], name: "device_page", cors: false, scenarios: false, handle: (request, context, deps) => handleDeviceSubmit(request, context.origin, deps) },
  { path: "/promote/submit", methods: ["POST"], name: "promote", cors: false, scenarios: false, handle: (request, context, deps) => handlePromoteSubmit(request, context.origin, deps) },
];

function notFound(description = "no such mock IdP endpoint"): Response {
  return toErrorResponse(oauthError("not_found", description));
}

/** The store's own words (which Redis is unreachable), as an OAuth error with `message` too. */
function storeUnavailable(message: string): Response {
  return toErrorResponse(oauthError("temporarily_unavailable", message, { headers: { "Retry-After": "5" }, extra: { message } }));
}

const refusalLoggedKey = Symbol.for("oidc-rp-troubleshooting.mock-idp.refusal-logged");

/** The operator hears about a public-origin refusal once per process, not once per request. */
function logRefusalOnce(message: string): void {
  const holder: Record<symbol, boolean | undefined> = globalThis;
  if (holder[refusalLoggedKey]) return;
  holder[refusalLoggedKey] = true;
  console.error(`[mock-idp] ${message}`);
}

/** Splits /mock-idp[/scenarios/<name>]/<rest> into the scenario and the endpoint path. */
function locate(pathname: string): { scenario: string | null; path: string } | null {
  if (pathname !== mockIdpBasePath && !pathname.startsWith(`${mockIdpBasePath}/`)) return null;
  const rest = pathname.slice(mockIdpBasePath.length) || "/";
  const scenario = /^\/scenarios\/([^/]+)(\/.*)?$/.exec(rest);
  if (scenario?.[1]) return { scenario: scenario[1], path: scenario[2] ?? "/" };
  return { scenario: null, path: rest };
}

export async function handleMockIdpRequest(request: Request, deps: MockIdpDeps): Promise<Response> {
  if (!deps.config.enabled) return notFound("the mock IdP is switched off on this deployment (MOCK_IDP_ENABLED=0)");

  const located = locate(new URL(request.url).pathname);
  if (located === null) return notFound();
  let scenarioName: MockIdpScenarioName | null = null;
  if (located.scenario !== null) {
    const scenario = findMockIdpScenario(located.scenario);
    if (scenario === undefined) return notFound(`unknown scenario "${located.scenario.slice(0, 64)}"; see ${mockIdpBasePath}/scenarios`);
    scenarioName = scenario.name;
  }
  const route = routes.find((candidate) => candidate.path === located.path.replace(/(.)\/$/, "$1") && (candidate.scenarios || scenarioName === null));
  if (route === undefined) return notFound();
  if (request.method === "OPTIONS" && route.cors) return corsPreflight();
  if (!route.methods.includes(request.method) && !(request.method === "HEAD" && route.methods.includes("GET"))) {
    return toErrorResponse(oauthError("invalid_request", `${request.method} is not allowed here`, { status: 405, headers: { Allow: route.methods.join(", ") } }));
  }

  const refusal = checkPublicServing(resolveOrigin(request, deps.config), deps.keys);
  if (refusal !== null) {
    logRefusalOnce(refusal.description);
    return route.cors ? withCors(toErrorResponse(refusal)) : toErrorResponse(refusal);
  }

  let response: Response;
  try {
    response = await limitAndHandle(request, route, scenarioName, deps);
  } catch (error) {
    if (isSharedStoreUnavailable(error)) {
      response = storeUnavailable(error.message);
    } else {
      console.error("[mock-idp] unexpected error", error);
      response = toErrorResponse(oauthError("server_error", "unexpected error in the mock IdP"));
    }
  }
  return route.cors ? withCors(response) : response;
}

/** The route's rate limit, then the route itself. */
async function limitAndHandle(request: Request, route: Route, scenarioName: MockIdpScenarioName | null, deps: MockIdpDeps): Promise<Response> {
  const decision = await checkRouteRateLimit(deps.state.rateLimits, route.name, clientAddress(request.headers, { hops: deps.config.trustProxyHops }), deps.config.rateLimit);
  if (!decision.ok) {
    return toErrorResponse(
      oauthError("rate_limited", `too many requests to ${route.name}; retry after ${decision.retryAfterSeconds} s`, { headers: { "Retry-After": String(decision.retryAfterSeconds) } }),
    );
  }
  return route.handle(request, buildIssuerContext(resolveOrigin(request, deps.config), scenarioName), deps);
}
