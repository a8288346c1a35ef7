// GET|POST /api/diagnostics/error-lookup, called as Next calls it, over the real catalogue: the
// contract shape, both ways of sending a paste, and 4xx JSON for input it refuses.
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { GET, POST } = await import("@/app/api/diagnostics/error-lookup/route");

const site = "http://127.0.0.1:3999";

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return { host: "127.0.0.1:3999", "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200)}`, ...extra };
}

function get(params: Record<string, string>): Promise<Response> {
  const url = new URL("/api/diagnostics/error-lookup", site);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return GET(new Request(url, { headers: headers() }));
}

function post(body: string, type = "application/json"): Promise<Response> {
  return POST(new Request(`${site}/api/diagnostics/error-lookup`, { method: "POST", headers: headers({ "content-type": type }), body }));
}

describe("GET /api/diagnostics/error-lookup", () => {
  it("answers the contract shape for a pasted error body", async () => {
    const response = await get({ input: '{"error":"invalid_client","error_description":"Client authentication failed"}', limit: "3" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      tool: "error-lookup",
      ok: true,
      parsed: { codes: ["invalid_client"], status: null, description: "Client authentication failed", vendor: null },
      codes: [{ code: "invalid_client", known: true, url: "/codes/invalid_client", definitions: expect.arrayContaining([expect.objectContaining({ meaning: expect.any(String), returned_at: "token-endpoint", http: 401 })]) }],
    });
    expect(body.entries.length).toBeGreaterThan(0);
    expect(body.entries.length).toBeLessThanOrEqual(3);
    expect(body.entries[0]).toMatchObject({ slug: "invalid-client", title: expect.any(String), area: expect.any(String), codes: expect.arrayContaining(["invalid_client"]), url: "/troubleshooting/invalid-client", score: expect.any(Number), match: "exact" });
    for (const check of body.checks) {
      expect(["pass", "warn", "fail", "skip"]).toContain(check.status);
      if (check.entry !== undefined) expect(check.entry).toMatch(/^\/troubleshooting\//);
    }
  }, 120_000);

  it("nothing matched: 200 with ok false and a failing lookup.entries", async () => {
    const response = await get({ input: "flux capacitor overheated zzqx qwerty" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ tool: "error-lookup", ok: false, codes: [], entries: [] });
    expect(body.checks.find((check: { id: string }) => check.id === "lookup.entries")).toMatchObject({ status: "fail" });
  }, 120_000);

  it("answers 400 JSON for missing, empty, oversized input, a bad limit and unknown fields", async () => {
    const cases: Array<Record<string, string>> = [{}, { input: "" }, { input: "  " }, { input: "x".repeat(16_385) }, { input: "x", limit: "0" }, { input: "x", limit: "99" }, { input: "x", q: "y" }];
    for (const params of cases) {
      const response = await get(params);
      expect(response.status, JSON.stringify(params).slice(0, 60)).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid_request", message: expect.stringContaining("error-lookup:") });
    }
  }, 120_000);
});

describe("POST /api/diagnostics/error-lookup", () => {
  it("takes a multi-line paste as JSON", async () => {
    const input = "2026-01-12T10:00:00Z ERROR token exchange failed\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"The access token expired\"";
    const response = await post(JSON.stringify({ input, limit: 2 }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.parsed).toMatchObject({ codes: ["invalid_token"], status: 401, www_authenticate: { scheme: "Bearer", params: { error: "invalid_token" } } });
    expect(body.codes[0].definitions[0]).toMatchObject({ returned_at: "resource" });
    expect(body.entries.length).toBeLessThanOrEqual(2);
  }, 120_000);

  it("refuses bad bodies: 400 JSON, 415 form, 413 oversized, 400 oversized input", async () => {
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ input: 42 }))).status).toBe(400);
    expect((await post(JSON.stringify({ input: "x".repeat(16_385) }))).status).toBe(400);
    expect((await post("input=invalid_client", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await post(JSON.stringify({ input: "x".repeat(70_000) }))).status).toBe(413);
  }, 120_000);
});
