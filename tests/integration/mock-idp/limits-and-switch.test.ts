// Rate limiting, the off switch, CORS and malformed input at the HTTP level.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { routeCeilingFactor } from "@/lib/mock-idp/rate-limit";
import { startMockIdp, type MockIdpServer } from "./harness";
import { postForm } from "./helpers";

vi.mock("server-only", () => ({}));

describe("rate limit", () => {
  let server: MockIdpServer;
  beforeAll(async () => {
    server = await startMockIdp({ config: { rateLimit: { max: 3, windowSeconds: 60 } } });
  });
  afterAll(() => server.close());

  it("answers 429 with Retry-After once a route's budget is spent, per route", async () => {
    const discovery = `${server.issuer}/.well-known/openid-configuration`;
    for (let index = 0; index < 3; index++) expect((await fetch(discovery)).status).toBe(200);
    const limited = await fetch(discovery);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(await limited.json()).toEqual({ error: "rate_limited", error_description: "too many requests to discovery; retry after 60 s" });
    // Other routes have their own budget.
    expect((await fetch(`${server.issuer}/.well-known/jwks.json`)).status).toBe(200);
    // The window's reset is the rate-limit store's (real-clock) business: tests/unit/store/rate-limit.test.ts.
  });
});

describe("rate limit with forged caller addresses, no trusted proxy (the default)", () => {
  let server: MockIdpServer;
  beforeAll(async () => {
    server = await startMockIdp({ config: { rateLimit: { max: 2, windowSeconds: 60 } } });
  });
  afterAll(() => server.close());

  // Regression: the first X-Forwarded-For value used to be the key, so a new one per request reset the budget.
  it("a new X-Forwarded-For per request buys no fresh budget", async () => {
    const jwks = `${server.issuer}/.well-known/jwks.json`;
    const statuses: number[] = [];
    for (let index = 0; index < 4; index++) {
      statuses.push((await fetch(jwks, { headers: { "x-forwarded-for": `198.51.100.${index}` } })).status);
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
  });
});

describe("rate limit behind one trusted proxy (TRUST_PROXY_HOPS=1)", () => {
  let server: MockIdpServer;
  beforeAll(async () => {
    server = await startMockIdp({ config: { rateLimit: { max: 2, windowSeconds: 60 }, trustProxyHops: 1 } });
  });
  afterAll(() => server.close());

  it("keys the caller by the address the proxy appended, whatever the client put before it", async () => {
    const discovery = `${server.issuer}/.well-known/openid-configuration`;
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) {
      statuses.push((await fetch(discovery, { headers: { "x-forwarded-for": `10.9.9.${index}, 203.0.113.9` } })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect((await fetch(discovery, { headers: { "x-forwarded-for": "203.0.113.10" } })).status).toBe(200);
  });

  it("still caps the route for all callers together", async () => {
    const jwks = `${server.issuer}/.well-known/jwks.json`;
    const ceiling = 2 * routeCeilingFactor;
    const statuses: number[] = [];
    for (let index = 0; index <= ceiling; index++) {
      statuses.push((await fetch(jwks, { headers: { "x-forwarded-for": `198.51.100.${index % 250}, 10.0.${Math.floor(index / 250)}.${index % 250}` } })).status);
    }
    expect(statuses.slice(0, ceiling).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("switched off", () => {
  let server: MockIdpServer;
  beforeAll(async () => {
    server = await startMockIdp({ config: { enabled: false } });
  });
  afterAll(() => server.close());

  it.each(["/.well-known/openid-configuration", "/.well-known/jwks.json", "/oauth/authorize?client_id=logi_demo_web", "/scenarios", "/scenarios/wrong-issuer/.well-known/openid-configuration"])(
    "GET %s → 404",
    async (path) => {
      const response = await fetch(`${server.issuer}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: "not_found" });
    },
  );

  it("POST /oauth/token → 404", async () => {
    expect((await postForm(`${server.issuer}/oauth/token`, { grant_type: "authorization_code" })).status).toBe(404);
  });
});

describe("HTTP hygiene", () => {
  let server: MockIdpServer;
  beforeAll(async () => {
    server = await startMockIdp();
  });
  afterAll(() => server.close());

  it("answers CORS preflights for browser RPs on the token endpoint", async () => {
    const response = await fetch(`${server.issuer}/oauth/token`, { method: "OPTIONS", headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" } });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const discovery = await fetch(`${server.issuer}/.well-known/openid-configuration`);
    expect(discovery.headers.get("access-control-allow-origin")).toBe("*");
  });

  it.each([
    ["unknown path", "GET", "/nope", 404],
    ["wrong method on discovery", "POST", "/.well-known/openid-configuration", 405],
    ["login submit via GET", "GET", "/login/submit", 405],
    ["login submit under a scenario", "POST", "/scenarios/rotated-key/login/submit", 404],
  ])("%s → %i", async (_name, method, path, status) => {
    const response = await fetch(`${server.issuer}${path}`, { method });
    expect(response.status).toBe(status);
  });

  it.each([
    ["/oauth/token", "text/plain", "grant_type=authorization_code"],
    ["/oauth/device/code", "application/json", "{}"],
    ["/login/submit", "multipart/form-data; boundary=x", "--x--"],
    ["/device/submit", "application/x-www-form-urlencoded", "%ZZ=%"],
    ["/promote/submit", "application/x-www-form-urlencoded", "action=nope"],
    ["/api/v1/oauth/authorize/resume", "application/json", "[1,2]"],
  ])("malformed POST to %s (%s) → 4xx JSON, never 5xx", async (path, contentType, body) => {
    const response = await fetch(`${server.issuer}${path}`, { method: "POST", headers: { "content-type": contentType }, body });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.json()).toMatchObject({ error: expect.any(String), error_description: expect.any(String) });
  });

  it("invalid UTF-8 in a form body → 400", async () => {
    const response = await fetch(`${server.issuer}/oauth/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new Uint8Array([0x67, 0x3d, 0xff, 0xfe]) });
    expect(response.status).toBe(400);
  });
});
