// /api/search's budget: SEARCH_RATE_LIMIT requests per client per minute, GET and POST together.
import { afterEach, describe, expect, it } from "vitest";

process.env.SEARCH_RATE_LIMIT = "3";
const { GET, POST } = await import("@/app/api/search/route");

afterEach(() => {
  process.env.SEARCH_RATE_LIMIT = "3";
});

describe("/api/search rate limit", () => {
  it("answers 429 JSON with Retry-After once the budget is spent, for GET and POST alike", async () => {
    expect((await GET(new Request("http://localhost/api/search?q=invalid_client"))).status).toBe(200);
    expect((await POST(new Request("http://localhost/api/search", { method: "POST", headers: { "content-type": "application/json" }, body: '{"q":"invalid_grant"}' }))).status).toBe(200);
    expect((await GET(new Request("http://localhost/api/search?q=nonce"))).status).toBe(200);
    for (const limited of [
      await GET(new Request("http://localhost/api/search?q=state")),
      await POST(new Request("http://localhost/api/search", { method: "POST", headers: { "content-type": "application/json" }, body: '{"q":"pkce"}' })),
    ]) {
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await limited.json()).toMatchObject({ error: "rate_limited", message: expect.stringContaining("at most 3 a minute") });
    }
  }, 120_000);

  it("a malformed SEARCH_RATE_LIMIT answers 503 naming the variable, not 500", async () => {
    process.env.SEARCH_RATE_LIMIT = "lots";
    const response = await GET(new Request("http://localhost/api/search?q=x"));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: "misconfigured", message: expect.stringContaining("SEARCH_RATE_LIMIT") });
  });
});
