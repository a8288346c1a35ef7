// The UserInfo endpoint (OpenID Connect Core §5.3, RFC 6750): a Bearer access token from this
// issuer, carrying the openid scope. 401 answers name the problem in WWW-Authenticate; a token
// without openid is 403 insufficient_scope.
import type { IssuerContext, MockIdpDeps } from "./context";
import { oauthError, toErrorResponse } from "./errors";
import { noStoreJson, readFormBody } from "./http";
import { unseal } from "./sealed";
import { splitScope } from "./scopes";
import { accessTokenSchema, isGrantRevoked } from "./tokens";
import { findDemoUserBySub } from "./users";

function challenge(error: string, description: string, extra = ""): Record<string, string> {
  return { "WWW-Authenticate": `Bearer realm="mock-idp", error="${error}", error_description="${description}"${extra}` };
}

function invalidToken(description: string): Response {
  return toErrorResponse(oauthError("invalid_token", description, { headers: challenge("invalid_token", description) }));
}

async function readBearer(request: Request): Promise<string | undefined | null> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header.trim());
    return match?.[1] ?? null;
  }
  if (request.method === "POST" && (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    const form = await readFormBody(request);
    if (!form.ok) return null;
    return form.value.get("access_token") ?? undefined;
  }
  return undefined;
}

export async function handleUserinfo(request: Request, context: IssuerContext, deps: MockIdpDeps): Promise<Response> {
  const token = await readBearer(request);
  if (token === undefined) return invalidToken("missing Bearer access token");
  if (token === null) return invalidToken("malformed Authorization header; expected Bearer <access_token>");
  const opened = await unseal(deps.keys.tokenKey, "access_token", token, accessTokenSchema, { now: deps.now() });
  if (!opened.ok) return invalidToken(opened.reason === "expired" ? "access token expired" : "access token is invalid");
  const claims = opened.claims;
  if (claims.base !== context.base) return invalidToken("access token was issued by another issuer");
  if (isGrantRevoked(claims.grant, deps)) return invalidToken("access token was revoked: a code or refresh token of its grant was reused");
  const scopes = splitScope(claims.scope);
  if (!scopes.includes("openid")) {
    return toErrorResponse(
      oauthError("insufficient_scope", "the access token lacks the openid scope", { headers: challenge("insufficient_scope", "the access token lacks the openid scope", ', scope="openid"') }),
    );
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
