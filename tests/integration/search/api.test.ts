// The route handlers over the real catalogue: contract shape, 400s, the static index.
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { GET, POST } = await import("@/app/api/search/route");
const indexRoute = await import("@/app/search-index.json/route");
const { isSearchIndex } = await import("@/lib/search/index");

function get(query: string): Promise<Response> {
  return GET(new Request(`http://localhost/api/search${query}`));
}

describe("GET /api/search", () => {
  it("answers the contract shape, best first", async () => {
    const response = await get(`?q=${encodeURIComponent('{"error":"invalid_client"}')}&limit=3`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body: { query: string; results: Array<{ slug: string; url: string; score: number }> } = await response.json();
    expect(body.query).toBe('{"error":"invalid_client"}');
    expect(body.results.length).toBeLessThanOrEqual(3);
    expect(body.results[0]).toMatchObject({ slug: "invalid-client", url: "/troubleshooting/invalid-client" });
    const scores = body.results.map((result) => result.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  }, 120_000);

  it("answers 400 with a JSON error for a missing q, an oversized q and a bad limit", async () => {
    for (const query of ["", "?q=", `?q=${"a".repeat(10_001)}`, "?q=x&limit=0", "?q=x&limit=abc"]) {
      const response = await get(query);
      expect(response.status).toBe(400);
      const body: { error: string; message: string } = await response.json();
      expect(body.error).toBe("invalid_request");
      expect(body.message.length).toBeGreaterThan(5);
    }
  }, 120_000);

  it("returns an XSS-shaped query as data", async () => {
    const query = "<img src=x onerror=alert(1)>";
    const response = await get(`?q=${encodeURIComponent(query)}`);
    expect(response.status).toBe(200);
    const body: { query: string } = await response.json();
    expect(body.query).toBe(query);
  }, 120_000);
});

describe("GET /api/search?library=", () => {
  it("keeps entries quoting that library's messages and echoes the library", async () => {
    const response = await get(`?q=${encodeURIComponent("unexpected iss value")}&library=openid-client&limit=5`);
    expect(response.status).toBe(200);
    const body: { query: string; library?: string; results: Array<{ slug: string; url: string }> } = await response.json();
    expect(body.library).toBe("openid-client");
    expect(body.results[0]?.slug).toBe("iss-mismatch");
    expect(body.results.every((result) => result.url.startsWith("/troubleshooting/"))).toBe(true);
    const plain: { library?: string } = await (await get("?q=invalid_client")).json();
    expect(plain).not.toHaveProperty("library");
  }, 120_000);

  it("answers 400 naming the accepted ids for an unknown library, on GET and POST", async () => {
    const response = await get("?q=invalid_client&library=no-such-lib");
    expect(response.status).toBe(400);
    const body: { error: string; message: string } = await response.json();
    expect(body.error).toBe("invalid_request");
    expect(body.message).toMatch(/^Unknown library "no-such-lib": use one of .*openid-client/);
    const posted = await POST(new Request("http://localhost/api/search", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ q: "invalid_client", library: "no-such-lib" }) }));
    expect(posted.status).toBe(400);
    const ok = await POST(new Request("http://localhost/api/search", { method: "POST", body: new URLSearchParams({ q: "unexpected iss value", library: "openid-client" }) }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { library?: string }).library).toBe("openid-client");
  }, 120_000);
});

describe("POST /api/search", () => {
  it("takes JSON and form bodies for pastes too long for a URL", async () => {
    const paste = `${"2024-05-01 INFO request ok\n".repeat(200)}RPError: unexpected iss value, expected https://a.example, got: https://a.example/`;
    const json = await POST(new Request("http://localhost/api/search", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ q: paste, limit: 2 }) }));
    expect(json.status).toBe(200);
    const form = await POST(new Request("http://localhost/api/search", { method: "POST", body: new URLSearchParams({ q: "invalid_client" }) }));
    expect(form.status).toBe(200);
    const bad = await POST(new Request("http://localhost/api/search", { method: "POST", headers: { "content-type": "application/json" }, body: "{" }));
    expect(bad.status).toBe(400);
  }, 120_000);
});

describe("GET /search-index.json", () => {
  it("serves an index the browser can read", async () => {
    const response = await indexRoute.GET();
    const json: unknown = await response.json();
    expect(isSearchIndex(json)).toBe(true);
    expect(indexRoute.dynamic).toBe("force-static");
  }, 120_000);
});
