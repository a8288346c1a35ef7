// The answers given before routing: a path that cannot be decoded (400) and a method the URL does
// not take (405), as JSON `{ error, message }` where the caller expects JSON and as a short page
// otherwise. User input is escaped and shortened. Browser-safe: Web Response only.
import { expectsJson } from "./path-encoding";
import { buildDocumentCsp } from "./security-headers";

export type Refusal = { status: 400 | 405; error: string; message: string; headers?: Record<string, string> };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** At most 200 characters of user input, for messages. */
export function quoteInput(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

export function badPathEncoding(segment: string): Refusal {
  return {
    status: 400,
    error: "invalid_path",
    message: `The address contains "${quoteInput(segment)}", which is not valid percent-encoding: a % must be followed by two hex digits, and the decoded bytes must be UTF-8.`,
  };
}

export function methodNotAllowed(method: string, allow: string): Refusal {
  return {
    status: 405,
    error: "method_not_allowed",
    message: `${quoteInput(method)} is not supported here; this address takes ${allow}.`,
    headers: { Allow: allow },
  };
}

const titles = { 400: "400 Bad request", 405: "405 Method not allowed" } as const;

/** Status, headers and body of a refusal, for writers that are not a Web Response (the Node guard). */
export function toRefusalParts(refusal: Refusal, pathname: string): { status: number; headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { ...refusal.headers, "Cache-Control": "no-store" };
  if (expectsJson(pathname)) {
    return { status: refusal.status, headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify({ error: refusal.error, message: refusal.message }) };
  }
  const title = titles[refusal.status];
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><h1>${title}</h1><p>${escapeHtml(refusal.message)}</p><p><a href="/">Go to the home page</a> or <a href="/troubleshooting">search the catalogue</a>.</p></body></html>`;
  return { status: refusal.status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": buildDocumentCsp() }, body: html };
}

export function toRefusalResponse(refusal: Refusal, pathname: string): Response {
  const parts = toRefusalParts(refusal, pathname);
  return new Response(parts.body, { status: parts.status, headers: parts.headers });
}
