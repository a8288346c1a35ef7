// Which origin the issuer is built from. Rules, in order:
// 1. A pinned MOCK_IDP_PUBLIC_ORIGIN wins.
// 2. With MOCK_IDP_TRUST_PROXY=1 (the operator's proxy sets them): X-Forwarded-Host and
//    X-Forwarded-Proto, each when well formed.
// 3. Otherwise no X-Forwarded-* header counts, not even through request.url: `next start`
//    builds request.url's scheme from X-Forwarded-Proto (https when any value contains
//    "https"; its own socket is plain http) and its host from the hostname it listens on. So
//    a request carrying X-Forwarded-Proto is taken as http, the only scheme `next start`
//    serves; the host is the Host header the client used (the URL would say "localhost" to a
//    client that called 127.0.0.1). Trusting Host is safe here: a forged value only changes
//    the forger's own, uncached response.
import type { MockIdpConfig } from "./config";

const hostPattern = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

function firstValue(request: Request, name: string): string | undefined {
  return request.headers.get(name)?.split(",")[0]?.trim();
}

function validHost(value: string | undefined | null): string | undefined {
  const host = value?.trim();
  return host && hostPattern.test(host) ? host : undefined;
}

export function resolveOrigin(request: Request, config: Pick<MockIdpConfig, "publicOrigin" | "trustProxyHeaders">): string {
  if (config.publicOrigin) return config.publicOrigin;
  const url = new URL(request.url);
  if (config.trustProxyHeaders) {
    const proto = firstValue(request, "x-forwarded-proto")?.toLowerCase();
    const scheme = proto === "http" || proto === "https" ? proto : url.protocol.slice(0, -1);
    return `${scheme}://${validHost(firstValue(request, "x-forwarded-host")) ?? validHost(request.headers.get("host")) ?? url.host}`;
  }
  const scheme = request.headers.has("x-forwarded-proto") ? "http" : url.protocol.slice(0, -1);
  return `${scheme}://${validHost(request.headers.get("host")) ?? url.host}`;
}
