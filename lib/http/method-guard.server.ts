// Next.js routes seven methods (GET, HEAD, OPTIONS, POST, PUT, DELETE, PATCH). Anything else fails
// before our code runs: TRACE and TRACK cannot become a Fetch Request (`new Request()` throws, so
// building the request for proxy.ts ends in a 500), and a route handler answers other methods
// (PROPFIND, PURGE, …) with a bare 400 without the security headers. This guard answers them all at
// the Node server instead: a 405 with the path's `Allow` and the security headers, as the proxy
// answers a known method a URL does not take. Installed once, at server start (instrumentation.ts).
import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { methodPolicy } from "./method-policy";
import { methodNotAllowed, toRefusalParts } from "./refusals";
import { applySecurityHeaders, buildDocumentCsp, shouldSendHsts } from "./security-headers";

export const routableMethods: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"]);

const installed = Symbol.for("oidc-rp-troubleshooting.method-guard");

/** Writes the 405 for a method Next.js cannot route. */
export function answerUnroutableMethod(request: Pick<IncomingMessage, "method" | "url">, response: ServerResponse): void {
  const method = request.method ?? "";
  const pathname = (request.url ?? "/").split("?")[0] ?? "/";
  const allow = [...methodPolicy(pathname).allow, "OPTIONS"].join(", ");
  const parts = toRefusalParts(methodNotAllowed(method, allow), pathname);
  const headers = applySecurityHeaders(new Headers(parts.headers), { csp: buildDocumentCsp(), hsts: shouldSendHsts({ siteUrl: process.env.SITE_URL, requestProtocol: "http:" }) });
  response.writeHead(parts.status, Object.fromEntries(headers));
  response.end(parts.body);
}

/** Wraps every HTTP server's request event, so methods Next.js cannot route never reach it. */
export function installMethodGuard(): void {
  const prototype: Server & { [installed]?: boolean } = Server.prototype;
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit;
  prototype.emit = function guardedEmit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    const [request, response] = args;
    if (event === "request" && isIncoming(request) && !routableMethods.has(request.method ?? "") && isServerResponse(response)) {
      answerUnroutableMethod(request, response);
      return true;
    }
    return emit.call(this, event, ...args);
  };
}

function isIncoming(value: unknown): value is IncomingMessage {
  return typeof value === "object" && value !== null && "method" in value && "url" in value;
}

function isServerResponse(value: unknown): value is ServerResponse {
  return typeof value === "object" && value !== null && "writeHead" in value && "end" in value;
}
