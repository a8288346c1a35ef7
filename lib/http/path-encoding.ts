// Whether a request path can be decoded at all. A segment such as `%ff` (not UTF-8) or `%zz` (not
// a percent-encoding) cannot be turned into a route parameter, so the request is answered 400 here
// instead of failing inside the router. Browser-safe and pure.

export type PathEncodingVerdict = { ok: true } | { ok: false; segment: string };

/** The first path segment that `decodeURIComponent` refuses, if any. */
export function checkPathEncoding(pathname: string): PathEncodingVerdict {
  if (!pathname.includes("%")) return { ok: true };
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return { ok: false, segment };
    }
  }
  return { ok: true };
}

/** Whether a request to this path expects JSON back (APIs, MCP, the mock IdP's endpoints) rather than a page. */
export function expectsJson(pathname: string): boolean {
  if (/^\/(api|mcp|\.well-known)(\/|$)/.test(pathname)) return true;
  if (pathname.endsWith(".json")) return true;
  return isMockIdpPath(pathname) && !isMockIdpPage(pathname);
}

export function isMockIdpPath(pathname: string): boolean {
  return pathname === "/mock-idp" || pathname.startsWith("/mock-idp/");
}

/** The mock IdP's browser screens, rendered as pages (everything else under /mock-idp is a route handler). */
export function isMockIdpPage(pathname: string): boolean {
  return /^\/mock-idp\/(login|device|error|promote)\/?$/.test(pathname);
}
