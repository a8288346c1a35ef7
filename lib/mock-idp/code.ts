// Authorization codes: sealed, 10-minute tokens carrying everything the token endpoint must
// check (client, redirect_uri, PKCE challenge, nonce, who signed in). Single use is enforced
// by the replay guard when the code is redeemed.
import { z } from "zod";
import { buildRpRedirect, pendingRequestContext, type PendingRequest } from "./authorize";
import type { MockIdpDeps } from "./context";
import { seal } from "./sealed";
import { grantSubjectSchema, type GrantSubject } from "./tokens";

export const codeTtlSeconds = 600;

export const codeClaimsSchema = grantSubjectSchema.extend({
  client_id: z.string(),
  redirect_uri: z.string(),
  scope: z.string(),
  nonce: z.string().optional(),
  code_challenge: z.string(),
  base: z.string(),
});

export async function issueAuthorizationCode(pending: PendingRequest, subject: GrantSubject, deps: MockIdpDeps): Promise<string> {
  const context = pendingRequestContext(pending);
  return seal(
    deps.keys.tokenKey,
    "code",
    {
      ...subject,
      client_id: pending.client_id,
      redirect_uri: pending.redirect_uri,
      scope: pending.scope,
      nonce: pending.nonce,
      code_challenge: pending.code_challenge,
      base: context.base,
    },
    { now: deps.now(), ttlSeconds: codeTtlSeconds },
  );
}

/** Issues a code and builds the RP redirect carrying code, state and iss. */
export async function buildCodeRedirect(pending: PendingRequest, subject: GrantSubject, deps: MockIdpDeps): Promise<string> {
  const code = await issueAuthorizationCode(pending, subject, deps);
  return buildRpRedirect(pending, pendingRequestContext(pending).issuer, { code });
}
