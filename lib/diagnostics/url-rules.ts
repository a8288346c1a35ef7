// URL rules the discovery and JWKS checks share: which URLs an RP may use for an IdP.

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname) || hostname.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export type UrlVerdict = { ok: true; note?: string } | { ok: false; problem: string };

/**
 * An IdP URL must be absolute https; plain http passes only for a loopback host, and only when
 * the caller may reach local IdPs (operator opt-in, the CLI, the bundled mock in process).
 */
export function checkIdpUrl(value: unknown, allowLoopbackHttp: boolean): UrlVerdict {
  if (typeof value !== "string" || !URL.canParse(value)) return { ok: false, problem: `${JSON.stringify(value)?.slice(0, 120)} is not an absolute URL` };
  const url = new URL(value);
  if (url.protocol === "https:") return { ok: true };
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) {
    return allowLoopbackHttp
      ? { ok: true, note: "plain http on loopback, accepted for a local IdP only" }
      : { ok: false, problem: `${value} uses plain http; http is acceptable only for a local IdP on loopback, which this server does not check (DIAGNOSTICS_ALLOW_PRIVATE_NETWORK is off)` };
  }
  return { ok: false, problem: `${value} uses ${url.protocol.slice(0, -1)}, not https` };
}

/** Both URLs' scheme, or null when one does not parse. */
export function sameScheme(a: string, b: string): boolean {
  return URL.canParse(a) && URL.canParse(b) && new URL(a).protocol === new URL(b).protocol;
}
