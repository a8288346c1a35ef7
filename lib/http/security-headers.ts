// The security headers every response carries, and the Content Security Policies: the prerendered
// pages' (next.config.mjs sends the same list through headers(); a unit test keeps the two equal),
// a strict one for documents the server writes by hand, and a nonce-based one for pages rendered
// per request. Browser-safe and pure.

export const hstsValue = "max-age=63072000; includeSubDomains";

/** Headers that are the same on every response. */
export const baseSecurityHeaders: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

const formAction = "form-action 'self' http://localhost:* http://127.0.0.1:* https:";

/** The directives every page shares; only where scripts may come from differs. */
function pageCsp(scriptSrc: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    formAction,
    "object-src 'none'",
  ].join("; ");
}

/**
 * Prerendered pages: built once, so no per-response nonce is possible, and Next's inline bootstrap
 * and RSC payload scripts need 'unsafe-inline'. Never 'unsafe-eval' outside `next dev`.
 */
export function buildPageCsp(options: { dev: boolean }): string {
  return pageCsp(`'self' 'unsafe-inline'${options.dev ? " 'unsafe-eval'" : ""}`);
}

/**
 * Pages rendered per request (the mock IdP's screens): scripts only from this origin or carrying
 * this response's nonce (Next adds it to its own inline scripts when it finds it in the request's
 * CSP), plus listed hashes for inline scripts of our own (the theme script).
 */
export function buildNoncePageCsp(options: { nonce: string; scriptHashes: readonly string[]; dev: boolean }): string {
  const hashes = options.scriptHashes.map((hash) => ` '${hash}'`).join("");
  return pageCsp(`'self' 'nonce-${options.nonce}'${hashes}${options.dev ? " 'unsafe-eval'" : ""}`);
}

/** Documents written by hand (error answers, the mock IdP's small HTML pages): no script at all; inline styles only by hash. */
export function buildDocumentCsp(options: { styleHashes?: readonly string[] } = {}): string {
  const styles = (options.styleHashes ?? []).map((hash) => `'${hash}'`).join(" ");
  return [
    "default-src 'none'",
    "script-src 'none'",
    `style-src ${styles || "'none'"}`,
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    formAction,
  ].join("; ");
}

/**
 * HSTS only where the site is served over https: when SITE_URL (the public origin a deployment
 * declares) is https, or the request itself arrived over TLS. X-Forwarded-Proto is not consulted:
 * anyone can send it, and a deployment behind a TLS proxy sets SITE_URL anyway for its links.
 * Browsers ignore the header on plain http, so it is never sent there.
 */
export function shouldSendHsts(input: { siteUrl: string | undefined; requestProtocol: string }): boolean {
  if (input.requestProtocol === "https:") return true;
  const configured = input.siteUrl?.trim();
  if (!configured) return false;
  try {
    return new URL(configured).protocol === "https:";
  } catch {
    return false;
  }
}

/** Sets the security headers on `headers`; `csp` is left alone when the response already has one. */
export function applySecurityHeaders(headers: Headers, options: { csp: string; hsts: boolean }): Headers {
  for (const [key, value] of Object.entries(baseSecurityHeaders)) headers.set(key, value);
  if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", options.csp);
  if (options.hsts) headers.set("Strict-Transport-Security", hstsValue);
  return headers;
}
