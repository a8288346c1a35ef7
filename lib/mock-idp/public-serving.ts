// Whether the mock IdP may answer on an origin. Its demo token secret is committed, so anyone
// can seal codes, request tokens and access tokens it would accept. That is fine on a loopback
// origin (only this machine reaches it) and nowhere else: on any other origin it answers 503
// until MOCK_IDP_SECRET replaces the demo secret, or the operator switches it off.
// "Loopback": the host is localhost, an address in 127.0.0.0/8 or ::1 (also IPv4-mapped).
import ipaddr from "ipaddr.js";
import { oauthError, type OAuthError } from "./errors";
import type { MockIdpKeys } from "./keys.server";

export function isLoopbackOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const host = new URL(origin).hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (host === "localhost") return true;
  if (!ipaddr.isValid(host) || (!ipaddr.IPv4.isValidFourPartDecimal(host) && !ipaddr.IPv6.isValid(host))) return false;
  return ipaddr.process(host).range() === "loopback";
}

/** The refusal for serving on `origin` with the public demo secret, or null when serving is fine. */
export function checkPublicServing(origin: string, keys: Pick<MockIdpKeys, "demoSecret">): OAuthError | null {
  if (!keys.demoSecret || isLoopbackOrigin(origin)) return null;
  const message =
    `The mock IdP is not served on ${origin} without MOCK_IDP_SECRET: its demo secret is public. ` +
    "Set MOCK_IDP_SECRET (32+ random bytes) or switch the mock IdP off with MOCK_IDP_ENABLED=0.";
  // `message` as the site's JSON errors carry it, `error_description` as OAuth clients read it.
  return oauthError("temporarily_unavailable", message, { status: 503, extra: { message } });
}
