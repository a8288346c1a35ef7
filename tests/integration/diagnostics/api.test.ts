// The diagnostics API route handlers, called as Next calls them: the bundled mock IdP is reached
// in process (no loopback connection, so it works with the SSRF guard on), other loopback
// targets are refused with a 4xx that names the rule, and bad input answers 4xx JSON.
import { describe, expect, it, vi } from "vitest";
import { GET as discoveryGet, POST as discoveryPost } from "@/app/api/diagnostics/discovery/route";
import { GET as jwksGet } from "@/app/api/diagnostics/jwks/route";

vi.mock("server-only", () => ({}));

const site = "http://127.0.0.1:3999";

function get(path: string, params: Record<string, string>, headers: Record<string, string> = {}): Request {
  const url = new URL(path, site);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return new Request(url, { headers: { host: "127.0.0.1:3999", "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200)}`, ...headers } });
}

describe("GET /api/diagnostics/discovery", () => {
  it("checks the site's own mock IdP in process", async () => {
    const response = await discoveryGet(get("/api/diagnostics/discovery", { issuer: `${site}/mock-idp` }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = await response.json();
    expect(body).toMatchObject({ tool: "discovery", ok: true, issuer: `${site}/mock-idp`, discovery_url: `${site}/mock-idp/.well-known/openid-configuration` });
    expect(body.checks.filter((check: { status: string }) => check.status === "fail")).toEqual([]);
  });

  it("reports a scenario's failure with its entry", async () => {
    const body = await (await discoveryGet(get("/api/diagnostics/discovery", { issuer: `${site}/mock-idp/scenarios/wrong-issuer` }))).json();
    expect(body.ok).toBe(false);
    expect(body.checks.find((check: { id: string }) => check.id === "discovery.issuer")).toMatchObject({ status: "fail", entry: expect.stringMatching(/^\/troubleshooting\/iss-mismatch#/) });
  });

  it("refuses loopback targets that are not the bundled IdP, naming the opt-in", async () => {
    const response = await discoveryGet(get("/api/diagnostics/discovery", { issuer: "http://127.0.0.1:9/x" }));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const body = await response.json();
    expect(body.message).toContain("DIAGNOSTICS_ALLOW_PRIVATE_NETWORK");
  });

  it("answers 400 JSON for missing, malformed and unknown input", async () => {
    const cases: Array<Record<string, string>> = [{}, { issuer: "not a url" }, { issuer: `${site}/mock-idp`, other: "1" }];
    for (const params of cases) {
      const response = await discoveryGet(get("/api/diagnostics/discovery", params));
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body).toMatchObject({ error: "invalid_request", message: expect.stringContaining("discovery:") });
    }
  });

  it("takes a JSON body by POST and refuses other bodies", async () => {
    const post = (body: string, type = "application/json") => discoveryPost(new Request(`${site}/api/diagnostics/discovery`, { method: "POST", headers: { host: "127.0.0.1:3999", "content-type": type, "x-forwarded-for": "198.51.100.7" }, body }));
    expect((await post(JSON.stringify({ issuer: `${site}/mock-idp/scenarios/missing-jwks-uri` }))).status).toBe(200);
    expect((await post("{not json")).status).toBe(400);
    expect((await post("issuer=x", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await post(JSON.stringify({ issuer: "x".repeat(70_000) }))).status).toBe(413);
  });
});

describe("GET /api/diagnostics/jwks", () => {
  it("lists the mock's keys and resolves a token header", async () => {
    const body = await (await jwksGet(get("/api/diagnostics/jwks", { issuer: `${site}/mock-idp`, token: '{"alg":"ES256","kid":"demo-es256-2025a"}' }))).json();
    expect(body.ok).toBe(true);
    expect(body.jwks_uri).toBe(`${site}/mock-idp/.well-known/jwks.json`);
    expect(body.keys.length).toBeGreaterThanOrEqual(2);
    expect(body.token).toEqual({ alg: "ES256", kid: "demo-es256-2025a" });
  });

  it("rotated-key: the scenario's token kid is not published", async () => {
    const body = await (await jwksGet(get("/api/diagnostics/jwks", { issuer: `${site}/mock-idp/scenarios/rotated-key`, token: '{"alg":"RS256","kid":"demo-rs256-2025b"}' }))).json();
    expect(body.checks.find((check: { id: string }) => check.id === "token.kid")).toMatchObject({ status: "fail", entry: expect.stringMatching(/^\/troubleshooting\/jwks-key-rotation#/) });
  });

  it("refuses file: and other schemes by name", async () => {
    for (const jwks_uri of ["file:///etc/passwd", "gopher://127.0.0.1/", "ftp://example.com/"]) {
      const response = await jwksGet(get("/api/diagnostics/jwks", { jwks_uri }));
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.message).toContain(new URL(jwks_uri).protocol);
    }
  });
});

describe("every fault scenario through the API", () => {
  // The finding each scenario must produce, and in which tool; each links the scenario's entry.
  const expected: Array<[scenario: string, tool: "discovery" | "jwks", id: string, status: "fail" | "warn", token?: string]> = [
    ["wrong-issuer", "discovery", "discovery.issuer", "fail"],
    ["trailing-slash-issuer", "discovery", "discovery.issuer", "warn"],
    ["missing-jwks-uri", "discovery", "discovery.required.jwks_uri", "fail"],
    ["http-endpoints", "discovery", "discovery.endpoints-https", "fail"],
    ["slow-discovery", "discovery", "discovery.response-time", "warn"],
    ["jwks-unavailable", "jwks", "jwks.status", "fail"],
    ["rotated-key", "jwks", "token.kid", "fail", '{"alg":"RS256","kid":"demo-rs256-2025b"}'],
    ["duplicate-kid", "jwks", "jwks.duplicate-kid", "fail"],
    ["private-key-in-jwks", "jwks", "jwks.private-members", "fail"],
  ];

  it("covers every scenario the mock IdP lists", async () => {
    const { mockIdpScenarios } = await import("@/lib/mock-idp/scenarios");
    expect(expected.map(([scenario]) => scenario).sort()).toEqual(mockIdpScenarios.map((scenario) => scenario.name).sort());
  });

  it.each(expected)("%s → %s finding %s is %s, linked to its entry", async (scenario, tool, id, status, token) => {
    const { findMockIdpScenario } = await import("@/lib/mock-idp/scenarios");
    const issuer = `${site}/mock-idp/scenarios/${scenario}`;
    const handler = tool === "discovery" ? discoveryGet : jwksGet;
    const response = await handler(get(`/api/diagnostics/${tool}`, { issuer, ...(token ? { token } : {}) }));
    expect(response.status).toBe(200);
    const body = await response.json();
    const entry = findMockIdpScenario(scenario)?.entry;
    expect(body.checks.find((check: { id: string }) => check.id === id)).toMatchObject({ status, entry: expect.stringMatching(new RegExp(`^/troubleshooting/${entry}#${entry}--`)) });
  }, 20_000);
});
