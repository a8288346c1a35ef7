// The UserInfo endpoint (OpenID Connect Core §5.3, RFC 6750): a Bearer access token from this
// issuer, carrying the openid scope. Rules, in order (RFC 6750 §2, §3.1):
// - the token comes in `Authorization: Bearer <b64token>` or a form body's `access_token`, by
//   exactly one of them: both is 400 invalid_request, so is a token in the URI query (not
//   supported here: it leaks into logs), a malformed Bearer header or a form body that cannot
//   be read (413 when too large);
// - no token at all is 401 with a bare `Bearer realm` challenge, no error code;
// - a token that does not open, expired, from another issuer or of a revoked grant is 401
//   invalid_token; one without openid is 403 insufficient_scope with `scope="openid"`.
// Every error names its code in WWW-Authenticate (except the bare 401), as node-oidc-provider does.
import { challengeHeader, mockIdpRealm } from "./challenge";
import type { IssuerContext, MockIdpDeps } from "./context";
import { oauthError, toErrorResponse } from "./errors";
import { noStoreJson, readFormBody } from "./http";
import { unseal } from "./sealed";
import { splitScope } from "./scopes";
import { accessTokenSchema, isGrantRevoked } from "./tokens";
import { findDemoUserBySub } from "./users";

function bearerError(error: string, description: string, options: { status?: number; scope?: string } = {}): Response {
  const headers = challengeHeader("Bearer", { realm: mockIdpRealm, error, error_description: description, scope: options.scope });
  return toErrorResponse(oauthError(error, description, { status: options.status, headers }));
}

function invalidToken(description: string): Response {
  return bearerError("invalid_token", description);
}

type BearerToken = { ok: true; token: string } | { ok: false; response: Response };

const bearerHeader = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

function isFormPost(request: Request): boolean {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  return request.method === "POST" && type === "application/x-www-form-urlencoded";
}

async function readBearer(request: Request): Promise<BearerToken> {
  const header = request.headers.get("authorization");
  let fromHeader: string | undefined;
  if (header !== null) {
    if (!/^Bearer(\s|$)/i.test(header.trim())) return { ok: false, response: bearerError("invalid_request", "unsupported Authorization scheme; send Authorization: Bearer <access_token>") };
    fromHeader = bearerHeader.exec(header.trim())?.[1];
    if (fromHeader === undefined) return { ok: false, response: bearerError("invalid_request", "malformed Authorization header; expected Bearer <access_token>") };
  }
  if (new URL(request.url).searchParams.has("access_token")) {
    return { ok: false, response: bearerError("invalid_request", "access tokens are not accepted in the URI query; send Authorization: Bearer <access_token>") };
  }
  let fromBody: string | undefined;
  if (isFormPost(request)) {
    const form = await readFormBody(request);
    if (!form.ok) return { ok: false, response: bearerError("invalid_request", form.error.description, { status: form.error.status }) };
    fromBody = form.value.get("access_token") || undefined;
  }
  if (fromHeader !== undefined && fromBody !== undefined) {
    return { ok: false, response: bearerError("invalid_request", "the access token was sent both in the Authorization header and in the body; use exactly one method") };
  }
  const token = fromHeader ?? fromBody;
  if (token !== undefined) return { ok: true, token };
  // RFC 6750 §3.1: a request without any authentication information gets no error code.
  return { ok: false, response: toErrorResponse(oauthError("invalid_token", "missing Bearer access token", { headers: challengeHeader("Bearer", { realm: mockIdpRealm }) })) };
}

export async function handleUserinfo(request: Request, context: IssuerContext, deps: MockIdpDeps): Promise<Response> {
  const bearer = await readBearer(request);
  if (!bearer.ok) return bearer.response;
  const token = bearer.token;
  const opened = await unseal(deps.keys.tokenKey, "access_token", token, accessTokenSchema, { now: deps.now() });
  if (!opened.ok) return invalidToken(opened.reason === "expired" ? "access token expired" : "access token is invalid");
  const claims = opened.claims;
  if (claims.base !== context.base) return invalidToken("access token was issued by another issuer");
  if (await isGrantRevoked(claims.grant, deps)) return invalidToken("access token was revoked: a code or refresh token of its grant was reused");
  const scopes = splitScope(claims.scope);
  if (!scopes.includes("openid")) {
    return bearerError("insufficient_scope", "the access token lacks the openid scope", { scope: "openid" });
  }

  const user = findDemoUserBySub(claims.sub);
  const body: Record<string, unknown> = { sub: claims.sub };
  if (scopes.includes("profile") || scopes.includes("profile:basic")) {
    body.name = user?.name;
    body.preferred_username = user?.preferredUsername;
    body.is_anonymous = claims.anonymous;
  }
  if (scopes.includes("email") && user?.email && !claims.anonymous) {
    body.email = user.email;
    body.email_verified = true;
  }
  return noStoreJson(body);
}
