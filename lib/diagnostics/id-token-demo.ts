// "Get a token" for the id_token inspector: a real sign-in to the bundled mock IdP (or one of
// its fault scenarios) as the public client logi_demo_inspector, whose redirect_uri is the
// inspector page itself on this site's origin. Steps, in order:
//   1. buildDemoSignIn: random state and nonce, a PKCE S256 pair, and the authorize URL
//   2. the browser goes there, signs in, and comes back to /tools/id-token?code&state&iss
//   3. parseDemoCallback: an error, or a code whose state is the one sent
//   4. redeemDemoCode: the code exchange at the same issuer's token endpoint (same origin)
// Browser-safe (WebCrypto only). The caller keeps state, nonce and verifier for the round trip,
// in memory or sessionStorage, and drops them after; nothing here stores anything.
import { base64url } from "jose";
import { mockIdpEndpoints, mockIdpIssuer, mockIdpScenarioIssuer } from "@/lib/mock-idp/paths";
import type { MockIdpScenarioName } from "@/lib/mock-idp/scenarios";
import { toolUrl } from "@/lib/urls";
import type { DiagnosticError } from "./input";

/** The demo client registered in content/mock-idp/clients.json with the redirect_uri `/tools/id-token`. */
export const demoInspectorClientId = "logi_demo_inspector";

export type DemoSignIn = {
  authorizeUrl: string;
  /** The issuer the sign-in runs against: the scenario's URL, which is what an RP would configure. */
  issuer: string;
  tokenEndpoint: string;
  redirectUri: string;
  clientId: string;
  state: string;
  nonce: string;
  /** The PKCE code_verifier; only its S256 challenge is in the URL. */
  verifier: string;
};

function randomPart(bytes: number): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function s256(verifier: string): Promise<string> {
  return base64url.encode(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
}

/** The inspector page on `origin`: the redirect_uri the registered path `/tools/id-token` resolves to. */
export function demoRedirectUri(origin: string): string {
  return `${origin}${toolUrl("id-token")}`;
}

export async function buildDemoSignIn(origin: string, scenario: MockIdpScenarioName | null): Promise<DemoSignIn> {
  const issuer = scenario === null ? mockIdpIssuer(origin) : mockIdpScenarioIssuer(origin, scenario);
  // The scenario's own endpoints, not discovery's: http-endpoints advertises a scheme that is not served.
  const endpoints = mockIdpEndpoints(issuer);
  const redirectUri = demoRedirectUri(origin);
  const state = randomPart(16);
  const nonce = randomPart(16);
  const verifier = randomPart(32);
  const url = new URL(endpoints.authorization);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", demoInspectorClientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("scope", "openid");
  url.searchParams.set("state", state);
  url.searchParams.set("nonce", nonce);
  url.searchParams.set("code_challenge", await s256(verifier));
  url.searchParams.set("code_challenge_method", "S256");
  return { authorizeUrl: url.href, issuer, tokenEndpoint: endpoints.token, redirectUri, clientId: demoInspectorClientId, state, nonce, verifier };
}

export type DemoCallback = { ok: true; code: string; iss: string | null } | { ok: false; error: DiagnosticError };

/** Reads the redirect back to the inspector page; the state must be the one this sign-in sent. */
export function parseDemoCallback(callback: string | URL, expectedState: string): DemoCallback {
  const params = new URL(callback).searchParams;
  const error = params.get("error");
  if (error !== null) {
    const description = params.get("error_description");
    return { ok: false, error: { error: error.slice(0, 64), message: `The sign-in came back with ${error.slice(0, 64)}${description ? `: ${description.slice(0, 300)}` : ""}.` } };
  }
  if (params.get("state") !== expectedState) {
    return { ok: false, error: { error: "state_mismatch", message: "The callback's state is not the one this sign-in sent (another tab, or an old link); start again." } };
  }
  const code = params.get("code");
  if (code === null || code === "") return { ok: false, error: { error: "invalid_callback", message: "The callback has no code; start again." } };
  return { ok: true, code, iss: params.get("iss") };
}

export type DemoFetch = (url: string, init: RequestInit) => Promise<Response>;

export type DemoRedeem = { ok: true; idToken: string } | { ok: false; error: DiagnosticError };

function readString(body: unknown, name: string): string | undefined {
  if (typeof body !== "object" || body === null || !(name in body)) return undefined;
  const value: unknown = Object.getOwnPropertyDescriptor(body, name)?.value;
  return typeof value === "string" ? value : undefined;
}

/** The code exchange (public client: client_id and the PKCE verifier, no secret); answers the id_token. */
export async function redeemDemoCode(tokenEndpoint: string, code: string, verifier: string, redirectUri: string, fetch: DemoFetch): Promise<DemoRedeem> {
  const body = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier, client_id: demoInspectorClientId });
  let response: Response;
  try {
    response = await fetch(tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: body.toString(),
      // The mock's session cookie plays no part in the exchange, and the answer must not be cached.
      credentials: "omit",
      cache: "no-store",
    });
  } catch (error) {
    return { ok: false, error: { error: "network", message: `The token endpoint ${tokenEndpoint} could not be reached (${error instanceof Error ? error.message : String(error)}).` } };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { ok: false, error: { error: "invalid_response", message: `The token endpoint answered HTTP ${response.status} without JSON.` } };
  }
  if (!response.ok) {
    const error = readString(json, "error") ?? "token_error";
    const description = readString(json, "error_description");
    return { ok: false, error: { error, message: `The token endpoint answered HTTP ${response.status} ${error}${description ? `: ${description}` : ""}.` } };
  }
  const idToken = readString(json, "id_token");
  if (idToken === undefined) return { ok: false, error: { error: "no_id_token", message: "The token endpoint answered without an id_token (was the openid scope granted?)." } };
  return { ok: true, idToken };
}
