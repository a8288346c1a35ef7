// Request reading and response writing shared by every endpoint: size and content-type
// limits, the "no parameter twice" rule, no-store and CORS headers.
import { readCappedText } from "@/lib/http/read-capped";
import { fail, ok, oauthError, type Result } from "./errors";

export const maxBodyBytes = 16 * 1024;
export const maxParameterLength = 4096;

export function noStoreJson(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Cache-Control", "no-store");
  headers.set("Pragma", "no-cache");
  return Response.json(body, { status: init.status ?? 200, headers });
}

export function redirect(location: string, status: 302 | 303 = 302, headers?: HeadersInit): Response {
  const all = new Headers(headers);
  all.set("Location", location);
  all.set("Cache-Control", "no-store");
  return new Response(null, { status, headers: all });
}

/** Reads the body as text without ever holding more than `limit` bytes (lib/http/read-capped.ts). */
async function readCappedBody(request: Request, limit: number): Promise<Result<string>> {
  const read = await readCappedText(request, limit);
  if (read.ok) return ok(read.text);
  if (read.reason === "too_large") return fail(oauthError("invalid_request", `request body is larger than ${limit} bytes`, { status: 413 }));
  return fail(oauthError("invalid_request", read.reason === "not_utf8" ? "request body is not valid UTF-8" : "request body could not be read completely"));
}

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** RFC 6749 §3.2: token-style endpoints take `application/x-www-form-urlencoded` bodies only. */
export async function readFormBody(request: Request): Promise<Result<URLSearchParams>> {
  if (mediaType(request) !== "application/x-www-form-urlencoded") {
    return fail(oauthError("invalid_request", "the request body must be application/x-www-form-urlencoded"));
  }
  const text = await readCappedBody(request, maxBodyBytes);
  if (!text.ok) return text;
  return checkParameters(new URLSearchParams(text.value));
}

/** Accepts a JSON object of strings or a form body (the resume endpoint is called both ways). */
export async function readJsonOrFormBody(request: Request): Promise<Result<URLSearchParams>> {
  if (mediaType(request) !== "application/json") return readFormBody(request);
  const text = await readCappedBody(request, maxBodyBytes);
  if (!text.ok) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.value);
  } catch {
    return fail(oauthError("invalid_request", "the request body is not valid JSON"));
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return fail(oauthError("invalid_request", "the request body must be a JSON object"));
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== "string") return fail(oauthError("invalid_request", `${key} must be a string`));
    params.set(key, value);
  }
  return checkParameters(params);
}

/** RFC 6749 §3.1/§3.2: request parameters must not be included more than once; also caps their length. */
export function checkParameters(params: URLSearchParams): Result<URLSearchParams> {
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (seen.has(key)) return fail(oauthError("invalid_request", `parameter ${key.slice(0, 64)} is included more than once`));
    seen.add(key);
    if (value.length > maxParameterLength) {
      return fail(oauthError("invalid_request", `parameter ${key.slice(0, 64)} is longer than ${maxParameterLength} characters`));
    }
  }
  return ok(params);
}

/** A parameter's value, treating an empty value as absent (RFC 6749 §3.1). */
export function param(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === "" ? undefined : value;
}

export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/** Browsers navigating (form posts, link clicks) get HTML; API clients get JSON. */
export function prefersHtml(request: Request): boolean {
  const accept = request.headers.get("accept") ?? "";
  return accept.includes("text/html");
}

const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, DPoP",
  "Access-Control-Expose-Headers": "WWW-Authenticate, Retry-After",
  "Access-Control-Max-Age": "600",
};

/** Browser-based RPs (the public SPA client) call discovery, JWKS, token and userinfo cross-origin. */
export function withCors(response: Response): Response {
  const copy = new Response(response.body, response);
  for (const [key, value] of Object.entries(corsHeaders)) copy.headers.set(key, value);
  return copy;
}

export function corsPreflight(): Response {
  return new Response(null, { status: 204, headers: corsHeaders });
}
