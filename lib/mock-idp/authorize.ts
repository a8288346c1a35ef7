// The authorization endpoint. Rules, in the order they apply:
// 1. Parameters appear at most once; client_id and redirect_uri are required.
// 2. Unknown client, or a redirect_uri that is not an exact match: never redirect to it.
//    (A registered path, the mock-only extension in registry.ts, is first resolved against
//    this request's origin; the match is exact after that.)
//    A near miss is redirect_uri_mismatch (302 to the IdP's own error page naming the
//    difference); no candidate at all is 400 {"error":"invalid_request","error_description":"redirect_uri not registered"}.
//    Which is which is decided in lib/diagnostics/redirect-uri-match.ts, shared with the checker.
// 3. Once the redirect_uri is trusted, other errors go back to it with state and iss (RFC 9207):
//    response_type=code only, known scopes, PKCE S256 with a well-formed challenge, prompt=none
//    is login_required (the mock keeps no sessions).
// 4. Success: the pending request is sealed into a parameter and the browser goes to the login screen.
import { z } from "zod";
import { matchRedirectUri, toRedirectUriAnswer } from "@/lib/diagnostics/redirect-uri-match";
import type { IssuerContext, MockIdpDeps } from "./context";
import { oauthError, toErrorResponse, type Result } from "./errors";
import { checkParameters, param, readFormBody, redirect } from "./http";
import { errorPageUrl, loginPageUrl } from "./paths";
import { isValidCodeChallenge } from "./pkce";
import { allowsGrant, findClient, resolveRedirectUris } from "./registry";
import { buildIssuerContext } from "./scenario-behaviour";
import { findMockIdpScenario } from "./scenarios";
import { seal, unseal } from "./sealed";
import { splitScope, unsupportedScopes } from "./scopes";

export const authorizationRequestTtlSeconds = 600;

/** The validated authorization request, as carried (sealed) through the login screen. */
export const pendingRequestSchema = z.object({
  client_id: z.string(),
  redirect_uri: z.string(),
  scope: z.string(),
  state: z.string().optional(),
  nonce: z.string().optional(),
  code_challenge: z.string(),
  provider: z.string().optional(),
  origin: z.string(),
  scenario: z.string().nullable(),
});

export type PendingRequest = z.infer<typeof pendingRequestSchema>;

export function pendingRequestContext(pending: PendingRequest): IssuerContext {
  const scenario = pending.scenario === null ? null : findMockIdpScenario(pending.scenario)?.name ?? null;
  return buildIssuerContext(pending.origin, scenario);
}

/** Builds the redirect back to the RP: `code`/`error`, then `state` and `iss` (RFC 9207). */
export function buildRpRedirect(pending: Pick<PendingRequest, "redirect_uri" | "state">, issuer: string, values: Record<string, string>): string {
  const url = new URL(pending.redirect_uri);
  for (const [key, value] of Object.entries(values)) url.searchParams.set(key, value);
  if (pending.state !== undefined) url.searchParams.set("state", pending.state);
  url.searchParams.set("iss", issuer);
  return url.href;
}

async function readAuthorizationParameters(request: Request): Promise<Result<URLSearchParams>> {
  if (request.method === "POST") return readFormBody(request);
  const query = new URL(request.url).searchParams;
  return checkParameters(query);
}

export async function handleAuthorize(request: Request, context: IssuerContext, deps: MockIdpDeps): Promise<Response> {
  const read = await readAuthorizationParameters(request);
  if (!read.ok) return toErrorResponse(read.error);
  const params = read.value;

  const clientId = param(params, "client_id");
  if (clientId === undefined) return toErrorResponse(oauthError("invalid_request", "client_id is required"));
  const client = findClient(deps.registry, clientId);
  if (client === undefined) return toErrorResponse(oauthError("invalid_request", `unknown client_id "${clientId.slice(0, 64)}"`));
  if (!allowsGrant(client, "authorization_code")) {
    return toErrorResponse(oauthError("unauthorized_client", `client ${client.client_id} may not use the authorization code flow`));
  }

  const redirectUri = param(params, "redirect_uri");
  if (redirectUri === undefined) return toErrorResponse(oauthError("invalid_request", "redirect_uri is required"));
  const match = matchRedirectUri(redirectUri, resolveRedirectUris(client, context.origin));
  const answer = toRedirectUriAnswer(redirectUri, match);
  if (match.kind === "not-registered") return toErrorResponse(oauthError("invalid_request", answer.description ?? ""));
  if (match.kind === "near-miss") {
    return redirect(
      errorPageUrl(context.origin, {
        error: answer.error ?? "redirect_uri_mismatch",
        error_description: answer.description ?? undefined,
        client_id: client.client_id,
        redirect_uri: redirectUri,
        registered: match.registered,
        difference: match.differences.map((difference) => difference.code).join(","),
      }),
    );
  }

  const state = param(params, "state");
  const fromHere = { redirect_uri: redirectUri, state };
  const back = (error: string, description: string) =>
    redirect(buildRpRedirect(fromHere, context.issuer, { error, error_description: description }));

  const responseType = param(params, "response_type");
  if (responseType === undefined) return back("invalid_request", "response_type is required");
  if (responseType !== "code") return back("unsupported_response_type", "only response_type=code is supported");
  if (params.has("request") || params.has("request_uri")) return back("request_not_supported", "request objects are not supported");

  const scopes = splitScope(param(params, "scope"));
  const unknown = unsupportedScopes(scopes);
  if (unknown.length > 0) return back("invalid_scope", `unsupported scope: ${unknown.join(" ").slice(0, 200)}`);

  const challenge = param(params, "code_challenge");
  const method = param(params, "code_challenge_method");
  if (challenge === undefined) return back("invalid_request", "code_challenge is required (PKCE with S256)");
  if (method !== "S256") return back("invalid_request", "code_challenge_method must be S256 (plain is not supported)");
  if (!isValidCodeChallenge(challenge)) return back("invalid_request", "code_challenge must be 43 base64url characters (an S256 digest)");
  if (param(params, "prompt")?.split(" ").includes("none")) return back("login_required", "the mock IdP keeps no session; prompt=none cannot succeed");

  const pending: PendingRequest = {
    client_id: client.client_id,
    redirect_uri: redirectUri,
    scope: scopes.join(" "),
    state,
    nonce: param(params, "nonce"),
    code_challenge: challenge,
    provider: param(params, "provider"),
    origin: context.origin,
    scenario: context.scenario,
  };
  const token = await seal(deps.keys.tokenKey, "authorization_request", pending, { now: deps.now(), ttlSeconds: authorizationRequestTtlSeconds });
  return redirect(loginPageUrl(context.origin, token));
}

export type PendingRequestProblem = { reason: "missing" | "malformed" | "expired"; message: string };

/** Reads the sealed `request` parameter the login screen carries. */
export async function openPendingRequest(token: string | undefined, deps: MockIdpDeps): Promise<{ ok: true; pending: PendingRequest } | { ok: false; problem: PendingRequestProblem }> {
  if (token === undefined || token === "") return { ok: false, problem: { reason: "missing", message: "No authorization request. Start again from the application you are signing in to." } };
  const opened = await unseal(deps.keys.tokenKey, "authorization_request", token, pendingRequestSchema, { now: deps.now() });
  if (opened.ok) return { ok: true, pending: opened.claims };
  if (opened.reason === "expired") {
    return { ok: false, problem: { reason: "expired", message: `This sign-in request is older than ${authorizationRequestTtlSeconds / 60} minutes. Start again from the application.` } };
  }
  return { ok: false, problem: { reason: "malformed", message: "The sign-in request is damaged or was not issued by this mock IdP." } };
}

export function pendingRequestError(problem: PendingRequestProblem) {
  return oauthError("invalid_request", problem.message);
}
