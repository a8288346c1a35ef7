// Which HTTP methods each kind of URL takes, decided from the path alone, before routing. Pages and
// prerendered files take GET and HEAD (there are no server actions, so a page never takes POST);
// route handlers that take a body are listed here with their methods. Without this, Next.js
// answers an unknown method such as TRACE with a 500 and serves a prerendered page to PUT.
import { isMockIdpPage, isMockIdpPath } from "./path-encoding";

export type MethodPolicy = {
  /** The methods the URL takes, for the `Allow` header. OPTIONS is always allowed. */
  allow: readonly string[];
  /** Methods passed on to the route handler even though `allow` does not list them: it answers them itself (a 405 with its own message). */
  delegate?: readonly string[];
  /** true: the route handler answers OPTIONS itself (CORS preflight, Next's automatic Allow). */
  routeAnswersOptions: boolean;
};

export type MethodVerdict =
  | { kind: "pass" }
  | { kind: "options"; allow: string }
  | { kind: "not_allowed"; allow: string };

const readOnly: MethodPolicy = { allow: ["GET", "HEAD"], routeAnswersOptions: false };

const diagnosticsWithGet = new Set(["discovery", "error-lookup", "jwks", "provider-precedence"]);

export function methodPolicy(pathname: string): MethodPolicy {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  if (path === "/api/search") return { allow: ["GET", "HEAD", "POST"], routeAnswersOptions: true };
  const diagnostic = /^\/api\/diagnostics\/([^/]+)$/.exec(path)?.[1];
  if (diagnostic === "redirect-uri") return { allow: ["POST"], routeAnswersOptions: true };
  if (diagnostic !== undefined && diagnosticsWithGet.has(diagnostic)) return { allow: ["GET", "HEAD", "POST"], routeAnswersOptions: true };
  // Stateless MCP: the handler explains why GET (an event stream) and DELETE (a session) are refused.
  if (path === "/mcp") return { allow: ["POST"], delegate: ["GET", "HEAD", "DELETE"], routeAnswersOptions: true };
  if (isMockIdpPath(path) && !isMockIdpPage(path)) {
    // The IdP's own router knows each endpoint's methods and answers 405 with the exact Allow.
    // The bare issuer URL runs behind proxy.ts, which answers its OPTIONS (it is not a CORS endpoint).
    if (path === "/mock-idp") return readOnly;
    if (path === "/mock-idp/.well-known/openid-configuration") return { allow: ["GET", "HEAD"], routeAnswersOptions: true };
    return { allow: ["GET", "HEAD", "POST"], routeAnswersOptions: true };
  }
  return readOnly;
}

function allowHeader(policy: MethodPolicy): string {
  return [...policy.allow, "OPTIONS"].join(", ");
}

export function checkMethod(method: string, pathname: string): MethodVerdict {
  const policy = methodPolicy(pathname);
  if (method === "OPTIONS") return policy.routeAnswersOptions ? { kind: "pass" } : { kind: "options", allow: allowHeader(policy) };
  if (policy.allow.includes(method) || policy.delegate?.includes(method)) return { kind: "pass" };
  return { kind: "not_allowed", allow: allowHeader(policy) };
}
