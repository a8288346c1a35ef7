// Which origin the issuer is built from. By default the scheme of the request URL and the Host
// header the client used (Next.js rewrites request.url's host to the server's own hostname, so
// the URL alone would name "localhost" to a client that called 127.0.0.1). Trusting Host is
// safe here: a forged value only changes the forger's own, uncached response. Forwarded
// headers are honoured only when the operator says a trusted proxy sets them
// (MOCK_IDP_TRUST_PROXY=1), and a pinned MOCK_IDP_PUBLIC_ORIGIN beats both.
import type { MockIdpConfig } from "./config";

const hostPattern = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function resolveOrigin(request: Request, config: Pick<MockIdpConfig, "publicOrigin" | "trustProxyHeaders">): string {
  if (config.publicOrigin) return config.publicOrigin;
  const url = new URL(request.url);
  if (config.trustProxyHeaders) {
    const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
    if (host && hostPattern.test(host)) {
      const scheme = proto === "http" || proto === "https" ? proto : url.protocol.slice(0, -1);
      return `${scheme}://${host}`;
    }
  }
  const host = request.headers.get("host")?.trim();
  if (host && hostPattern.test(host)) return `${url.protocol}//${host}`;
  return url.origin;
}

/** The key the rate limiter counts a caller under. Best effort: X-Forwarded-For can be forged. */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded && forwarded.length <= 64 ? forwarded : request.headers.get("x-real-ip")?.slice(0, 64) ?? "unknown";
}
