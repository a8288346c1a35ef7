// Client authentication at the token and device endpoints (RFC 6749 §2.3):
// - client_secret_basic: `Authorization: Basic base64(urlencode(id) ":" urlencode(secret))`.
// - client_secret_post: client_id + client_secret in the form body.
// - none: public clients send only client_id.
// Every 401 invalid_client carries `WWW-Authenticate: Basic` (RFC 9110 §15.5.2 wants a challenge
// on every 401; RFC 6749 §5.2 names the scheme the client used, and Basic is the only scheme a
// body-authenticating client can switch to), with error and error_description as node-oidc-provider
// writes them (which itself adds the challenge only when an Authorization header was sent).
// Using Basic and a body secret together is invalid_request (one method per request).
// Secrets are compared in constant time.
import { challengeHeader, mockIdpRealm } from "./challenge";
import { fail, ok, oauthError, type OAuthError, type Result } from "./errors";
import { param } from "./http";
import { constantTimeEqual } from "./pkce";
import { findClient, type MockClient, type MockRegistry } from "./registry";

export type AuthenticatedClient = { client: MockClient; method: "client_secret_basic" | "client_secret_post" | "none" };

function invalidClient(description: string): OAuthError {
  const challenge = challengeHeader("Basic", { realm: mockIdpRealm, charset: "UTF-8", error: "invalid_client", error_description: description });
  return oauthError("invalid_client", description, { headers: challenge });
}

/** Decodes one half of the Basic credentials, which RFC 6749 §2.3.1 form-urlencodes. */
function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

export function parseBasicCredentials(header: string): { clientId: string; secret: string } | null {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
  if (!match?.[1]) return null;
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(match[1]), (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  const clientId = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  if (clientId === null || secret === null || clientId === "") return null;
  return { clientId, secret };
}

export function authenticateClient(request: Request, params: URLSearchParams, registry: MockRegistry): Result<AuthenticatedClient> {
  const authorization = request.headers.get("authorization");
  const bodyClientId = param(params, "client_id");
  const bodySecret = param(params, "client_secret");

  if (authorization !== null) {
    if (!/^basic /i.test(authorization.trim())) {
      return fail(invalidClient("unsupported Authorization scheme; use Basic or send client_id/client_secret in the body"));
    }
    if (bodySecret !== undefined) {
      return fail(oauthError("invalid_request", "client authenticated with both client_secret_basic and client_secret_post; use exactly one method"));
    }
    const credentials = parseBasicCredentials(authorization);
    if (credentials === null) return fail(invalidClient("malformed Basic credentials: expected base64(client_id:client_secret)"));
    if (bodyClientId !== undefined && bodyClientId !== credentials.clientId) {
      return fail(oauthError("invalid_request", "client_id in the body differs from the one in the Authorization header"));
    }
    const client = findClient(registry, credentials.clientId);
    if (client === undefined) return fail(invalidClient("unknown client"));
    if (client.client_secret === undefined) return fail(invalidClient("this is a public client; it must not send a client secret"));
    if (!constantTimeEqual(credentials.secret, client.client_secret)) return fail(invalidClient("client authentication failed"));
    return ok({ client, method: "client_secret_basic" });
  }

  if (bodyClientId === undefined) return fail(invalidClient("client authentication required: send client_id (and client_secret for a confidential client)"));
  const client = findClient(registry, bodyClientId);
  if (client === undefined) return fail(invalidClient("unknown client"));
  if (bodySecret !== undefined) {
    if (client.client_secret === undefined) return fail(invalidClient("this is a public client; it must not send a client secret"));
    if (!constantTimeEqual(bodySecret, client.client_secret)) return fail(invalidClient("client authentication failed"));
    return ok({ client, method: "client_secret_post" });
  }
  if (client.type === "confidential") return fail(invalidClient("client authentication required: this confidential client must send its client_secret"));
  return ok({ client, method: "none" });
}
