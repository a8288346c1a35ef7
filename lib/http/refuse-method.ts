// The answer of a route handler to a method it does not take (PUT, DELETE, PATCH): 405 with the
// path's `Allow` (lib/http/method-policy.ts), where Next.js alone would answer a bare 405. Route
// handlers that read a body run without proxy.ts, so they refuse methods themselves.
import { methodPolicy } from "./method-policy";
import { methodNotAllowed, toRefusalResponse } from "./refusals";
import { applySecurityHeaders, buildDocumentCsp } from "./security-headers";

export function refuseMethod(request: Request): Response {
  const { pathname } = new URL(request.url);
  const allow = [...methodPolicy(pathname).allow, "OPTIONS"].join(", ");
  const response = toRefusalResponse(methodNotAllowed(request.method, allow), pathname);
  applySecurityHeaders(response.headers, { csp: buildDocumentCsp(), hsts: false });
  return response;
}
