// Issuing the token response: an id_token signed with jose (RS256 or ES256, as the client is
// registered), plus sealed access and refresh tokens. Also the claim schemas used to read
// those sealed tokens back.
import { SignJWT } from "jose";
import { z } from "zod";
import type { IssuerContext, MockIdpDeps } from "./context";
import type { MockClient } from "./registry";
import { selectSigningKey } from "./scenario-behaviour";
import { seal } from "./sealed";
import { splitScope } from "./scopes";

export const accessTokenTtlSeconds = 3600;
export const refreshTokenTtlSeconds = 30 * 24 * 3600;
export const idTokenTtlSeconds = 3600;

/** Who signed in, how and when: carried from the login (or device approval) to every token. */
export const grantSubjectSchema = z.object({
  sub: z.string(),
  anonymous: z.boolean(),
  amr: z.array(z.string()),
  auth_time: z.number(),
});

export type GrantSubject = z.infer<typeof grantSubjectSchema>;

export const accessTokenSchema = z.object({
  sub: z.string(),
  /** The grant (one code or device authorization) this token descends from; see `revokeGrant`. */
  grant: z.string(),
  client_id: z.string(),
  scope: z.string(),
  base: z.string(),
  anonymous: z.boolean(),
});

export const refreshTokenSchema = grantSubjectSchema.extend({
  grant: z.string(),
  client_id: z.string(),
  scope: z.string(),
  base: z.string(),
});

export type TokenResponse = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
  refresh_token?: string;
  id_token?: string;
};

export async function signIdToken(
  subject: GrantSubject,
  client: MockClient,
  context: IssuerContext,
  deps: MockIdpDeps,
  nonce: string | undefined,
): Promise<string> {
  const key = selectSigningKey(deps.keys.signing, client.id_token_signed_response_alg, context.scenario);
  const iat = Math.floor(deps.now() / 1000);
  const claims: Record<string, unknown> = { auth_time: subject.auth_time, amr: subject.amr, azp: client.client_id };
  if (nonce !== undefined) claims.nonce = nonce;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer(context.issuer)
    .setSubject(subject.sub)
    .setAudience(client.client_id)
    .setIssuedAt(iat)
    .setExpirationTime(iat + idTokenTtlSeconds)
    .sign(key.privateKey);
}

/**
 * Revokes every access and refresh token issued from one grant, as RFC 6749 §4.1.2 (a code used
 * twice) and OAuth 2.0 Security BCP §4.14 (a rotated refresh token replayed) recommend. Kept in
 * the replay guard for as long as any token of the grant can live.
 */
export async function revokeGrant(grant: string, deps: MockIdpDeps): Promise<void> {
  const now = deps.now();
  await deps.state.replayGuard.consume(`revoked-grant:${grant}`, now + refreshTokenTtlSeconds * 1000, now);
}

export function isGrantRevoked(grant: string, deps: MockIdpDeps): Promise<boolean> {
  return deps.state.replayGuard.isUsed(`revoked-grant:${grant}`, deps.now());
}

export async function issueTokens(input: {
  /** Stable across refreshes: `code:<jti>` or `device:<jti>` of the grant's first token. */
  grant: string;
  subject: GrantSubject;
  client: MockClient;
  scope: string;
  nonce?: string;
  context: IssuerContext;
  deps: MockIdpDeps;
}): Promise<TokenResponse> {
  const { grant, subject, client, scope, context, deps } = input;
  const now = deps.now();
  const response: TokenResponse = {
    access_token: await seal(
      deps.keys.tokenKey,
      "access_token",
      { sub: subject.sub, grant, client_id: client.client_id, scope, base: context.base, anonymous: subject.anonymous },
      { now, ttlSeconds: accessTokenTtlSeconds },
    ),
    token_type: "Bearer",
    expires_in: accessTokenTtlSeconds,
    scope,
  };
  if (client.grant_types.includes("refresh_token")) {
    response.refresh_token = await seal(
      deps.keys.tokenKey,
      "refresh_token",
      { ...subject, grant, client_id: client.client_id, scope, base: context.base },
      { now, ttlSeconds: refreshTokenTtlSeconds },
    );
  }
  if (splitScope(scope).includes("openid")) {
    response.id_token = await signIdToken(subject, client, context, deps, input.nonce);
  }
  return response;
}
