// The token endpoint (RFC 6749 §3.2, §4.1.3, §6; RFC 8628 §3.4). Form bodies only,
// client authentication first, then per grant:
// - authorization_code: code readable, not expired (10 min), issued to this client and issuer,
//   same redirect_uri (the absolute one authorize accepted, so a registered path was already
//   resolved there), PKCE verifier well formed (43–128 chars) and matching the S256 challenge
//   (judged after the code, so a dummy code reads invalid_grant),
//   then redeemed exactly once (the replay guard decides races: exactly one caller wins).
// - refresh_token: readable, this client, scope may only narrow; rotated (old one single-use).
// - device_code: see device.ts.
// Every answer carries Cache-Control: no-store.
import { authenticateClient } from "./client-auth";
import { codeClaimsSchema } from "./code";
import type { IssuerContext, MockIdpDeps } from "./context";
import { handleDeviceCodeGrant } from "./device";
import { oauthError, toErrorResponse, type OAuthError } from "./errors";
import { noStoreJson, param, readFormBody } from "./http";
import { isValidCodeVerifier, verifyPkce } from "./pkce";
import { allowsGrant, deviceCodeGrantType, type MockClient } from "./registry";
import { unseal } from "./sealed";
import { splitScope } from "./scopes";
import { isGrantRevoked, issueTokens, refreshTokenSchema, revokeGrant, type TokenResponse } from "./tokens";

type GrantResult = { ok: true; tokens: TokenResponse } | { ok: false; error: OAuthError };

function invalidGrant(description: string): GrantResult {
  return { ok: false, error: oauthError("invalid_grant", description) };
}

async function redeemAuthorizationCode(params: URLSearchParams, client: MockClient, context: IssuerContext, deps: MockIdpDeps): Promise<GrantResult> {
  const code = param(params, "code");
  if (code === undefined) return { ok: false, error: oauthError("invalid_request", "code is required") };
  const redirectUri = param(params, "redirect_uri");
  if (redirectUri === undefined) return { ok: false, error: oauthError("invalid_request", "redirect_uri is required") };

  const opened = await unseal(deps.keys.tokenKey, "code", code, codeClaimsSchema, { now: deps.now() });
  if (!opened.ok) return invalidGrant(opened.reason === "expired" ? "authorization code expired (codes live 10 minutes)" : "authorization code is invalid");
  const claims = opened.claims;
  if (claims.client_id !== client.client_id) return invalidGrant("authorization code was issued to another client");
  if (claims.base !== context.base) return invalidGrant("authorization code was issued by another issuer");
  if (claims.redirect_uri !== redirectUri) return invalidGrant("redirect_uri differs from the one in the authorization request");
  // The code is judged before the verifier, so a dummy code reads invalid_grant whatever the verifier.
  const verifier = param(params, "code_verifier");
  if (verifier === undefined) return { ok: false, error: oauthError("invalid_request", "code_verifier is required (PKCE)") };
  // A malformed verifier can never match the challenge: RFC 7636 §4.6 makes that invalid_grant.
  if (!isValidCodeVerifier(verifier)) return invalidGrant("PKCE verification failed: code_verifier must be 43–128 characters from A-Z a-z 0-9 - . _ ~");
  if (!(await verifyPkce(verifier, claims.code_challenge))) return invalidGrant("PKCE verification failed: code_verifier does not match code_challenge");
  // The replay guard's check-and-mark is atomic (in memory, or SET NX in Redis across instances):
  // of concurrent redemptions exactly one wins.
  const grant = `code:${claims.jti}`;
  if (!(await deps.state.replayGuard.consume(grant, claims.exp * 1000, deps.now()))) {
    // A second use may be an attacker's: the tokens the first use got are revoked too.
    await revokeGrant(grant, deps);
    return invalidGrant("authorization code was already used");
  }
  const { sub, anonymous, amr, auth_time } = claims;
  return { ok: true, tokens: await issueTokens({ grant, subject: { sub, anonymous, amr, auth_time }, client, scope: claims.scope, nonce: claims.nonce, context, deps }) };
}

async function redeemRefreshToken(params: URLSearchParams, client: MockClient, context: IssuerContext, deps: MockIdpDeps): Promise<GrantResult> {
  const token = param(params, "refresh_token");
  if (token === undefined) return { ok: false, error: oauthError("invalid_request", "refresh_token is required") };
  const opened = await unseal(deps.keys.tokenKey, "refresh_token", token, refreshTokenSchema, { now: deps.now() });
  if (!opened.ok) return invalidGrant(opened.reason === "expired" ? "refresh token expired" : "refresh token is invalid");
  const claims = opened.claims;
  if (claims.client_id !== client.client_id) return invalidGrant("refresh token was issued to another client");
  if (claims.base !== context.base) return invalidGrant("refresh token was issued by another issuer");
  if (await isGrantRevoked(claims.grant, deps)) return invalidGrant("refresh token was revoked: a token of its grant was reused, so the whole grant was revoked; sign in again");

  const granted = splitScope(claims.scope);
  const requested = param(params, "scope") === undefined ? granted : splitScope(param(params, "scope"));
  const extra = requested.filter((scope) => !granted.includes(scope));
  if (extra.length > 0) return { ok: false, error: oauthError("invalid_scope", `scope may only narrow on refresh; not granted: ${extra.join(" ")}`) };

  if (!(await deps.state.replayGuard.consume(`refresh:${claims.jti}`, claims.exp * 1000, deps.now()))) {
    // A replayed rotated-away token means two holders: revoke the grant, so neither keeps access.
    await revokeGrant(claims.grant, deps);
    return invalidGrant("refresh token was already used (refresh tokens rotate on every use)");
  }
  const { sub, anonymous, amr, auth_time } = claims;
  return { ok: true, tokens: await issueTokens({ grant: claims.grant, subject: { sub, anonymous, amr, auth_time }, client, scope: requested.join(" "), context, deps }) };
}

export async function handleToken(request: Request, context: IssuerContext, deps: MockIdpDeps, options: { defaultGrantType?: string } = {}): Promise<Response> {
  const form = await readFormBody(request);
  if (!form.ok) return toErrorResponse(form.error);
  const params = form.value;

  const authenticated = authenticateClient(request, params, deps.registry);
  if (!authenticated.ok) return toErrorResponse(authenticated.error);
  const { client } = authenticated.value;

  const grantType = param(params, "grant_type") ?? options.defaultGrantType;
  if (grantType === undefined) return toErrorResponse(oauthError("invalid_request", "grant_type is required"));

  let result: GrantResult;
  if (grantType === "authorization_code" || grantType === "refresh_token" || grantType === deviceCodeGrantType) {
    if (!allowsGrant(client, grantType)) {
      return toErrorResponse(oauthError("unauthorized_client", `client ${client.client_id} may not use the ${grantType} grant`));
    }
    if (grantType === "authorization_code") result = await redeemAuthorizationCode(params, client, context, deps);
    else if (grantType === "refresh_token") result = await redeemRefreshToken(params, client, context, deps);
    else result = await handleDeviceCodeGrant(params, client, context, deps);
  } else {
    return toErrorResponse(oauthError("unsupported_grant_type", `grant_type ${grantType.slice(0, 80)} is not supported`));
  }
  if (!result.ok) return toErrorResponse(result.error);
  return noStoreJson(result.tokens);
}
