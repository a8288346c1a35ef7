// Hostile input against the production server (`next start`): malformed percent-encodings, wrong
// and unknown methods, wrong content types, bad and deeply nested JSON, bodies over the caps (with
// Content-Length, chunked, and held open), odd headers, and markup in paths, queries and form
// fields. Every answer must come within a few seconds, be below 500 (4xx for the bad input), carry
// the security headers, and never echo the markup unescaped in HTML. Runs are fixed by a seed:
// FUZZ_SEED=<n> replays one, and a failure prints the seed and the shrunk request.
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { sendRaw, type RawRequest, type RawResponse } from "./support/raw-http";

const seed = Number(process.env.FUZZ_SEED ?? 20261202);
const answerWithinMs = 8_000;

const markers = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>"];
const malformed = ["%", "%ff", "%zz", "%c3%28", "%e2%82", "%%", "%0", "%fe%ff", "%ed%a0%80"];
const scenarios = ["wrong-issuer", "trailing-slash-issuer", "missing-jwks-uri", "rotated-key", "duplicate-kid", "private-key-in-jwks", "http-endpoints", "no-such-scenario"];

const pages = ["/", "/troubleshooting", "/troubleshooting/invalid-client", "/troubleshooting/invalid-client.md", "/troubleshooting/Invalid-Client", "/codes", "/codes/invalid_client", "/codes/INVALID_CLIENT", "/tools", "/tools/discovery", "/tools/id-token", "/libraries", "/libraries/openid-client", "/llms.txt", "/llms-full.txt", "/sitemap.xml", "/robots.txt", "/search-index.json", "/no/such/page"];
const apis = ["/api/entries", "/api/search", "/api/diagnostics/discovery", "/api/diagnostics/jwks", "/api/diagnostics/error-lookup", "/api/diagnostics/provider-precedence", "/api/diagnostics/redirect-uri", "/mcp", "/.well-known/mcp", "/.well-known/mcp.json", "/.well-known/mcp/server-card.json"];
const idpEndpoints = ["", "/.well-known/openid-configuration", "/.well-known/jwks.json", "/oauth/authorize", "/oauth/token", "/oauth/userinfo", "/oauth/device/code", "/oauth/device/poll", "/api/v1/oauth/authorize/resume", "/embed"];
const idpOnly = ["/scenarios", "/login", "/login/submit", "/device", "/device/submit", "/promote", "/promote/submit", "/error"];
const idpPaths = [...idpEndpoints.map((path) => `/mock-idp${path}`), ...idpOnly.map((path) => `/mock-idp${path}`)];
const routes = [...pages, ...apis, ...idpPaths];
const postRoutes = ["/api/search", "/api/diagnostics/error-lookup", "/api/diagnostics/redirect-uri", "/api/diagnostics/discovery", "/mcp", ...["/oauth/token", "/oauth/userinfo", "/oauth/device/code", "/oauth/device/poll", "/api/v1/oauth/authorize/resume", "/oauth/authorize"].map((path) => `/mock-idp${path}`), "/mock-idp/login/submit", "/mock-idp/device/submit", "/mock-idp/promote/submit"];
/** Query parameters the routes read; a marker or a bad encoding goes into each. */
const queryNames = ["q", "limit", "issuer", "jwks_uri", "token", "input", "base", "provider", "available", "error", "error_description", "client_id", "redirect_uri", "registered", "difference", "request", "user_code", "status", "message", "resume_token", "response_type", "scope", "state", "code_challenge", "nonce"];

const route = fc.constantFrom(...routes);
const scenarioRoute = fc.tuple(fc.constantFrom(...scenarios), fc.constantFrom(...idpEndpoints)).map(([name, path]) => `/mock-idp/scenarios/${name}${path}`);
const anyRoute = fc.oneof({ weight: 4, arbitrary: route }, { weight: 1, arbitrary: scenarioRoute });
const clientAddress = fc.tuple(fc.integer({ min: 1, max: 254 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map(([a, b, c]) => `198.${a}.${b}.${c}`);
const marker = fc.constantFrom(...markers);
const enc = (value: string) => encodeURIComponent(value);

type Case = RawRequest & { expect: "4xx" | "below-500"; label: string };

/** A malformed percent-encoding spliced into the path (into a segment, after it, or as one). */
const badPath = fc.tuple(anyRoute, fc.constantFrom(...malformed), fc.constantFrom("append", "segment", "replace"), fc.constantFrom("GET", "HEAD", "POST")).map(([path, bad, where, method]): Case => {
  const segments = path.split("/");
  const base = path === "/" ? "" : path;
  const spliced = where === "append" ? `${base}${bad}` : where === "segment" ? `${base}/${bad}` : [...segments.slice(0, -1), `${segments.at(-1) ?? ""}${bad}x`].join("/");
  return { method, path: spliced.startsWith("/") ? spliced : `/${spliced}`, expect: "4xx", label: "malformed path" };
});

/** A malformed encoding or markup in a query value (a query is decoded leniently, so only "below 500"). */
const badQuery = fc.tuple(anyRoute, fc.constantFrom(...queryNames), fc.oneof(fc.constantFrom(...malformed), marker.map(enc), marker.map((value) => value.replace(/ /g, "%20")))).map(([path, name, value]): Case => ({ method: "GET", path: `${path}?${name}=${value}&${name}=${value}`, expect: "below-500", label: "query" }));

/** Methods the routes do not take (PROPFIND and PURGE stand for made-up ones Node still parses). */
const wrongMethod = fc.tuple(anyRoute, fc.constantFrom("TRACE", "PUT", "DELETE", "PATCH", "PROPFIND", "PURGE", "MKCOL", "OPTIONS")).map(([path, method]): Case => ({
  method,
  path,
  expect: method === "OPTIONS" || (path === "/mcp" && method === "DELETE") ? "below-500" : "4xx",
  label: "method",
}));

const deepJson = fc.integer({ min: 1_000, max: 20_000 }).map((depth) => `${'{"q":'.repeat(depth)}1${"}".repeat(depth)}`);
const contentType = fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", "application/xml", "application/json; charset=latin1", "");
const badBodyText = fc.oneof(
  deepJson,
  fc.integer({ min: 1_000, max: 20_000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.constantFrom('{"q":', "{]", "null", "[]", '"x"', '{"q":{"$gt":""}}', '{"__proto__":{"polluted":1}}', "q=%zz&limit=%ff", "a=1&a=2", "\u0000\u0001", '{"input":1e999}', '{"registered":"x","redirect_uri":[1]}'),
  fc.tuple(fc.constantFrom(...queryNames), marker).map(([name, value]) => `${name}=${enc(value)}&request=${enc(value)}&method=email&email=${enc(value)}`),
  fc.tuple(fc.constantFrom(...queryNames), marker).map(([name, value]) => JSON.stringify({ [name]: value, q: value, input: value, issuer: value, redirect_uri: value, registered: [value] })),
);

/** Wrong content types, bad or deeply nested JSON, marker-laden forms. */
const badBody = fc.tuple(fc.constantFrom(...postRoutes), contentType, badBodyText).map(([path, type, body]): Case => ({
  method: "POST",
  path,
  headers: type ? [["Content-Type", type], ["Accept", "application/json, text/event-stream"]] : [],
  body,
  expect: "below-500",
  label: "body",
}));

/** Bodies over every cap (64 KiB for the site, 16 KiB for the mock IdP): declared, chunked, or chunked and never finished. */
const hugeBody = fc.tuple(fc.constantFrom(...postRoutes), fc.constantFrom("application/json", "application/x-www-form-urlencoded"), fc.integer({ min: 70, max: 400 }), fc.constantFrom("declared", "chunked", "held-open")).map(([path, type, kib, how]): Case => {
  const headers: Array<[string, string]> = [["Content-Type", type], ["Accept", "application/json, text/event-stream"]];
  const payload = Buffer.alloc(kib * 1024, type === "application/json" ? " " : "a");
  if (how === "declared") return { method: "POST", path, headers, body: payload, expect: "4xx", label: "huge declared body" };
  const chunks = Array.from({ length: Math.ceil(kib / 16) }, (_, index) => payload.subarray(index * 16 * 1024, (index + 1) * 16 * 1024));
  return { method: "POST", path, headers, chunks, holdOpen: how === "held-open", expect: "4xx", label: `huge ${how} body` };
});

/** Header oddities: huge values, repeated headers, odd Accept, garbage credentials and cookies. */
const oddHeaders = fc.tuple(anyRoute, fc.constantFrom<Array<[string, string]>>(
  [["X-Padding", "a".repeat(12_000)]],
  [["Accept", "text/markdown"], ["Accept", "text/html"]],
  [["Accept", "text/markdown;q=abc, */*;q=-1"]],
  [["Accept", ",".repeat(4000)]],
  [["Content-Type", "application/json"], ["Content-Type", "text/plain"]],
  [["Authorization", "Basic %%%not-base64%%%"]],
  [["Authorization", `Bearer ${"x".repeat(8_000)}`]],
  [["Authorization", "Basic " + Buffer.from("logi_demo_web:demo-web-secret:extra").toString("base64")], ["Authorization", "Bearer abc"]],
  [["Cookie", `mock_idp_session=${"%ff".repeat(500)}; mock_idp_session=x`]],
  [["Origin", "null"]],
  [["X-Forwarded-Host", "<script>alert(1)</script>"], ["X-Forwarded-Proto", "javascript"]],
  [["Range", "bytes=999999999-"]],
  [["If-None-Match", '"' + "x".repeat(5_000) + '"']],
), fc.constantFrom("GET", "POST")).map(([path, headers, method]): Case => ({ method, path, headers, body: method === "POST" ? "" : undefined, expect: "below-500", label: "headers" }));

function header(response: RawResponse, name: string): string {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(", ") : value ?? "";
}

async function check(baseURL: string, spec: Case, address: string): Promise<void> {
  const request: RawRequest = { ...spec, headers: [...(spec.headers ?? []), ["X-Forwarded-For", address]] };
  const response = await sendRaw(baseURL, request, answerWithinMs);
  const where = `${spec.label}: ${spec.method} ${spec.path.slice(0, 160)} → ${response.status}`;
  expect(response.status, where).toBeLessThan(500);
  if (spec.expect === "4xx") expect(response.status, where).toBeGreaterThanOrEqual(400);
  if (response.status === 405) expect(header(response, "allow"), `${where}: a 405 names the methods it takes`).not.toBe("");
  expect(header(response, "x-content-type-options"), where).toBe("nosniff");
  expect(header(response, "referrer-policy"), where).not.toBe("");
  expect(header(response, "permissions-policy"), where).not.toBe("");
  const csp = header(response, "content-security-policy");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).not.toContain("unsafe-eval");
  if (header(response, "content-type").includes("text/html")) {
    for (const raw of markers) expect(response.body.includes(raw), `${where}: the marker ${raw} is echoed unescaped`).toBe(false);
  }
}

function fuzz(name: string, arbitrary: fc.Arbitrary<Case>, numRuns: number) {
  test(name, async ({ baseURL }) => {
    test.setTimeout(120_000);
    if (!baseURL) throw new Error("baseURL is not set");
    try {
      await fc.assert(fc.asyncProperty(arbitrary, clientAddress, (spec, address) => check(baseURL, spec, address)), { seed, numRuns, endOnFailure: true });
    } catch (error) {
      console.error(`fuzz "${name}" failed with seed ${seed} (replay: FUZZ_SEED=${seed})`);
      throw error;
    }
  });
}

fuzz("malformed percent-encodings in paths answer 400 with the security headers", badPath, 500);
fuzz("malformed encodings and markup in query values never answer 5xx or echo markup", badQuery, 500);
fuzz("methods a URL does not take answer 405 (OPTIONS answers), never 5xx", wrongMethod, 500);
fuzz("wrong content types, bad and deeply nested JSON and marker forms answer below 500", badBody, 400);
fuzz("bodies over the caps answer 4xx at once, with or without Content-Length and when held open", hugeBody, 120);
fuzz("odd headers answer below 500", oddHeaders, 300);

test("every route answers a plain GET below 500 with the security headers", async ({ baseURL }) => {
  if (!baseURL) throw new Error("baseURL is not set");
  for (const path of [...routes, ...scenarios.map((name) => `/mock-idp/scenarios/${name}/.well-known/openid-configuration`)]) {
    await check(baseURL, { method: "GET", path, expect: "below-500", label: "GET" }, "198.51.100.7");
  }
});

test("the refusals say what was wrong: 400 JSON on an API, an escaped page elsewhere, 405 with Allow", async ({ baseURL }) => {
  if (!baseURL) throw new Error("baseURL is not set");
  const api = await sendRaw(baseURL, { method: "GET", path: "/api/search/%ff" }, answerWithinMs);
  expect(api.status).toBe(400);
  expect(JSON.parse(api.body)).toMatchObject({ error: "invalid_path", message: expect.stringContaining("%ff") });

  // The markup as sent, unencoded: the page names the bad segment, never the markup as markup.
  const page = await sendRaw(baseURL, { method: "GET", path: '/troubleshooting/"><script>alert(1)</script>%zz' }, answerWithinMs);
  expect(page.status).toBe(400);
  expect(header(page, "content-type")).toContain("text/html");
  expect(page.body).toContain("%zz");
  expect(page.body).not.toContain("<script>alert");

  const trace = await sendRaw(baseURL, { method: "TRACE", path: "/api/search" }, answerWithinMs);
  expect(trace.status).toBe(405);
  expect(header(trace, "allow")).toBe("GET, HEAD, POST, OPTIONS");
  const put = await sendRaw(baseURL, { method: "PUT", path: "/troubleshooting/invalid-client", body: "x" }, answerWithinMs);
  expect(put.status).toBe(405);
  expect(header(put, "allow")).toBe("GET, HEAD, OPTIONS");

  // A method Node's own parser does not know is refused by Node itself (400), before any of our code.
  const madeUp = await sendRaw(baseURL, { method: "FROBNICATE", path: "/" }, answerWithinMs);
  expect(madeUp.status).toBe(400);

  const big = await sendRaw(baseURL, { method: "POST", path: "/api/search", headers: [["Content-Type", "application/json"]], chunks: Array.from({ length: 10 }, () => Buffer.alloc(16 * 1024, " ")), holdOpen: true }, answerWithinMs);
  expect(big.status).toBe(413);
  expect(JSON.parse(big.body)).toMatchObject({ error: "body_too_large", message: expect.stringContaining("64 KiB") });
  expect(big.elapsedMs).toBeLessThan(answerWithinMs);
});
