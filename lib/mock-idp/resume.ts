// Anonymous accounts and JIT promotion. A client registered with allow_anonymous_grants=false
// answers an anonymous logi account with 403 anonymous_not_allowed, carrying a `promotion`
// object whose resume_token (5 minutes, single use) lets the same flow continue once the
// account is promoted. The resume endpoint (POST <issuer>/api/v1/oauth/authorize/resume)
// checks, in order: token readable → not expired (422 resume_token_expired) → not used
// (422 resume_token_already_used) → caller signed in → same account (403 resume_user_mismatch)
// → account promoted (422 promotion_incomplete) → redirect back to the RP with a code.
import { z } from "zod";
import { pendingRequestContext, pendingRequestSchema, type PendingRequest } from "./authorize";
import { buildCodeRedirect } from "./code";
import type { IssuerContext, MockIdpDeps } from "./context";
import { oauthError, toErrorResponse, type OAuthError } from "./errors";
import { escapeHtml, htmlDocument } from "./html";
import { noStoreJson, param, readCookie, readJsonOrFormBody, redirect } from "./http";
import { mockIdpEndpoints, promotePageUrl } from "./paths";
import type { MockClient } from "./registry";
import { seal, unseal } from "./sealed";
import { openSession, sessionCookieName } from "./session";
import { grantSubjectSchema, type GrantSubject } from "./tokens";

export const resumeTokenTtlSeconds = 300;

const resumeClaimsSchema = z.object({ request: pendingRequestSchema, subject: grantSubjectSchema });

export async function buildAnonymousNotAllowed(pending: PendingRequest, client: MockClient, subject: GrantSubject, deps: MockIdpDeps): Promise<OAuthError> {
  const resumeToken = await seal(deps.keys.tokenKey, "resume_token", { request: pending, subject }, { now: deps.now(), ttlSeconds: resumeTokenTtlSeconds });
  const context = pendingRequestContext(pending);
  return oauthError("anonymous_not_allowed", `${client.client_name} accepts only identified accounts; this logi account is anonymous.`, {
    extra: {
      application_name: client.client_name,
      remediation: "This app requires an identified account. Link Apple or Google, or register an email, in your logi account settings, then try again.",
      promotion: {
        resume_token: resumeToken,
        expires_in: resumeTokenTtlSeconds,
        methods: ["apple", "google", "email"],
        resume_endpoint: mockIdpEndpoints(context.base).resume,
        promotion_url: promotePageUrl(context.origin, resumeToken),
      },
    },
  });
}

/** Browsers get a readable page (still 403) with the exact JSON body and a way to continue. */
export function anonymousNotAllowedPage(error: OAuthError, headers: HeadersInit): Response {
  const promotion = error.extra?.promotion;
  const promotionUrl = typeof promotion === "object" && promotion !== null && "promotion_url" in promotion && typeof promotion.promotion_url === "string" ? promotion.promotion_url : null;
  const body = JSON.stringify({ error: error.error, error_description: error.description, ...error.extra }, null, 2);
  return htmlDocument(
    "403 anonymous_not_allowed",
    `<h1>403 anonymous_not_allowed</h1><p>${escapeHtml(error.description)} An RP receives this JSON body:</p><pre>${escapeHtml(body)}</pre>` +
      (promotionUrl ? `<p><a class="button" href="${escapeHtml(promotionUrl)}">Open the promotion sheet</a></p>` : ""),
    403,
    headers,
  );
}

type ResumeClaims = z.infer<typeof resumeClaimsSchema> & { jti: string; exp: number };

export type ResumeTokenStatus =
  | { status: "valid"; claims: ResumeClaims }
  | { status: "expired" | "used" | "malformed" };

export async function readResumeToken(token: string, deps: MockIdpDeps): Promise<ResumeTokenStatus> {
  const opened = await unseal(deps.keys.tokenKey, "resume_token", token, resumeClaimsSchema, { now: deps.now() });
  if (!opened.ok) return { status: opened.reason === "expired" ? "expired" : "malformed" };
  if (await deps.state.replayGuard.isUsed(opened.claims.jti, deps.now())) return { status: "used" };
  return { status: "valid", claims: opened.claims };
}

function resumeTokenError(status: "expired" | "used" | "malformed"): OAuthError {
  switch (status) {
    case "expired":
      return oauthError("resume_token_expired", `the resume_token is older than ${resumeTokenTtlSeconds / 60} minutes; start again at the authorization endpoint`);
    case "used":
      return oauthError("resume_token_already_used", "this resume_token was already redeemed; start again to get a new one");
    case "malformed":
      return oauthError("invalid_request", "resume_token is malformed or was not issued by this IdP");
  }
}

function bearerOrCookie(request: Request): string | undefined {
  const authorization = request.headers.get("authorization");
  const match = authorization ? /^Bearer +(\S+)$/i.exec(authorization.trim()) : null;
  return match?.[1] ?? readCookie(request, sessionCookieName);
}

async function resume(request: Request, context: IssuerContext, deps: MockIdpDeps): Promise<{ ok: true; redirectTo: string } | { ok: false; error: OAuthError }> {
  const body = await readJsonOrFormBody(request);
  if (!body.ok) return body;
  const token = param(body.value, "resume_token");
  if (token === undefined) return { ok: false, error: oauthError("invalid_request", "resume_token is required") };

  const read = await readResumeToken(token, deps);
  if (read.status !== "valid") return { ok: false, error: resumeTokenError(read.status) };
  const { claims } = read;
  if (pendingRequestContext(claims.request).base !== context.base) {
    return { ok: false, error: oauthError("invalid_request", "this resume_token belongs to a different issuer") };
  }

  const session = await openSession(bearerOrCookie(request), deps);
  if (session === null) {
    return { ok: false, error: oauthError("invalid_token", "sign in first: send the account's session as a Bearer token or cookie", { headers: { "WWW-Authenticate": 'Bearer realm="mock-idp", error="invalid_token"' } }) };
  }
  if (session.sub !== claims.subject.sub) {
    return { ok: false, error: oauthError("resume_user_mismatch", "the signed-in account is not the one the resume_token was issued to; start again") };
  }
  if (session.anonymous) {
    return { ok: false, error: oauthError("promotion_incomplete", "the account is still anonymous: link Apple or Google, or register an email, then resume") };
  }
  if (!(await deps.state.replayGuard.consume(claims.jti, claims.exp * 1000, deps.now()))) {
    return { ok: false, error: resumeTokenError("used") };
  }
  const subject: GrantSubject = { ...claims.subject, anonymous: false };
  return { ok: true, redirectTo: await buildCodeRedirect(claims.request, subject, deps) };
}

/** API callers (JSON) get `{ redirect_to }`; a browser form post is sent straight on to the RP. */
export async function handleResume(request: Request, context: IssuerContext, deps: MockIdpDeps): Promise<Response> {
  const isForm = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
  const result = await resume(request, context, deps);
  if (!result.ok) return toErrorResponse(result.error);
  return isForm ? redirect(result.redirectTo, 303) : noStoreJson({ redirect_to: result.redirectTo });
}
