// Runs before routing on pages and prerendered files (see the matcher). It refuses what the router cannot
// handle: a path that does not decode (400) and a method the URL does not take (405, with
// `Allow`), both as JSON for APIs and as a short page otherwise (lib/http/request-gate.ts). It
// sets HSTS when the site is served over https, and gives the mock IdP's screens (rendered per
// request) a nonce-based CSP. On entry and code URLs, a wrongly cased link goes to its canonical
// URL with a permanent redirect (308), so links pasted into tickets keep working, and an entry URL
// asked for with `Accept: text/markdown` answers the entry's Markdown (lib/accept.ts decides).
// The device page's user-code lookups are rate limited here, so that page can answer 429.
import { NextResponse, type NextRequest } from "next/server";
import { prefersMarkdown } from "@/lib/accept";
import { canonicalRedirect } from "@/lib/canonical-path";
import { getCodeReference } from "@/lib/codes/reference";
import { gateRequest, toGateResponse } from "@/lib/http/request-gate";
import { isMockIdpPage } from "@/lib/http/path-encoding";
import { applySecurityHeaders, buildDocumentCsp, buildNoncePageCsp, hstsValue, shouldSendHsts } from "@/lib/http/security-headers";
import { isUserCodeLookup, limitUserCodeLookup } from "@/lib/mock-idp/device-lookup.server";
import { themeScriptHash } from "@/lib/theme-script";
import { entryMarkdownUrl, parseEntryLink } from "@/lib/urls";

const dev = process.env.NODE_ENV === "development";

function withHsts<T extends Response>(response: T, hsts: boolean): T {
  if (hsts) response.headers.set("Strict-Transport-Security", hstsValue);
  return response;
}

/** A per-response nonce in the request's CSP makes Next put it on its own inline scripts. */
function withNonceCsp(request: NextRequest): NextResponse {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = buildNoncePageCsp({ nonce, scriptHashes: [themeScriptHash], dev });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  const hsts = shouldSendHsts({ siteUrl: process.env.SITE_URL, requestProtocol: request.nextUrl.protocol });
  const gate = gateRequest(request.method, pathname);
  if (gate.kind !== "pass") {
    const response = toGateResponse(gate, pathname, request.method);
    applySecurityHeaders(response.headers, { csp: buildDocumentCsp(), hsts });
    return response;
  }
  if (isUserCodeLookup(request.nextUrl)) {
    const limited = await limitUserCodeLookup(request);
    if (limited !== null) {
      applySecurityHeaders(limited.headers, { csp: buildDocumentCsp(), hsts });
      return limited;
    }
  }
  if (isMockIdpPage(pathname)) return withHsts(withNonceCsp(request), hsts);

  const target = canonicalRedirect(pathname, getCodeReference());
  if (target !== undefined) {
    const url = request.nextUrl.clone();
    url.pathname = target;
    return withHsts(NextResponse.redirect(url, 308), hsts);
  }
  const entry = parseEntryLink(pathname);
  // The Markdown answer says `Vary: Accept` (its route sets it). The HTML one cannot: Next 16 sets
  // an App Router page's Vary itself, replacing any value from here or next.config.mjs. A shared
  // cache therefore never hands Markdown to a browser, but may hand a stored page to an agent.
  if (!entry || !prefersMarkdown(request.headers.get("accept"))) return withHsts(NextResponse.next(), hsts);
  const url = request.nextUrl.clone();
  url.pathname = entryMarkdownUrl(entry.slug);
  return withHsts(NextResponse.rewrite(url), hsts);
}

export const config = {
  matcher: [
    // Everything but the build's hashed assets and the route handlers that read a body: when the
    // proxy runs, Next.js buffers the whole request body (up to 10 MB) before the handler starts,
    // so a body held open would hang there and the handlers' own size caps would come too late.
    // Those handlers refuse methods themselves (lib/http/refuse-method.ts) and set their headers.
    "/((?!_next/static/|_next/image|api/search$|api/diagnostics/|mcp$|mock-idp/(?!(?:login|device|error|promote)$)).*)",
    // Any path with a percent sign, so one that does not decode is refused before routing.
    "/(.*%.*)",
  ],
};
