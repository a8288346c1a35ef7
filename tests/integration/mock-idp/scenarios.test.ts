// Each fault scenario is its own issuer and breaks exactly one thing, which real RP libraries notice.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as client from "openid-client";
import { mockIdpScenarios } from "@/lib/mock-idp/scenarios";
import { signIn, startMockIdp, type MockIdpServer } from "./harness";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;
const scenarioIssuer = (name: string) => `${server.issuer}/scenarios/${name}`;

beforeAll(async () => {
  server = await startMockIdp({ config: { slowDiscoveryMs: 1500 } });
});
afterAll(() => server.close());

async function discover(issuer: string, options: client.DiscoveryRequestOptions = {}) {
  return client.discovery(new URL(issuer), "logi_demo_web", "demo-web-secret", undefined, {
    execute: [client.allowInsecureRequests, client.enableNonRepudiationChecks],
    ...options,
  });
}

async function getDocument(issuer: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`);
  expect(response.status).toBe(200);
  return response.json();
}

/** Runs the code flow against a configuration and returns the token call's promise. */
async function codeFlow(config: client.Configuration) {
  const verifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: "http://localhost:3000/auth/callback",
    scope: "openid",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  const callback = await signIn(server, url);
  return client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, idTokenExpected: true });
}

async function jwks(issuer: string): Promise<{ status: number; body: { keys?: Array<Record<string, unknown>> } }> {
  const response = await fetch(`${issuer}/.well-known/jwks.json`);
  return { status: response.status, body: await response.json() };
}

describe("the scenario list", () => {
  it("lists every scenario with its issuer and catalogue entry", async () => {
    const response = await fetch(`${server.issuer}/scenarios`);
    expect(response.status).toBe(200);
    const { scenarios } = await response.json();
    expect(scenarios.map((scenario: { name: string }) => scenario.name)).toEqual(mockIdpScenarios.map((scenario) => scenario.name));
    expect(scenarios).toContainEqual({ name: "rotated-key", entry: "jwks-key-rotation", description: expect.any(String), issuer: scenarioIssuer("rotated-key"), tokenHeader: { alg: "RS256", kid: "demo-rs256-2025b", typ: "JWT" } });
    for (const scenario of scenarios) {
      const keys = Object.keys(scenario).sort();
      // rotated-key also announces the header of the id_tokens it signs.
      expect(keys).toEqual(scenario.name === "rotated-key" ? ["description", "entry", "issuer", "name", "tokenHeader"] : ["description", "entry", "issuer", "name"]);
    }
  });

  it("an unknown scenario is 404", async () => {
    const response = await fetch(`${scenarioIssuer("no-such-thing")}/.well-known/openid-configuration`);
    expect(response.status).toBe(404);
  });
});

describe("the healthy issuer", () => {
  it("publishes at least two public keys, RS256 and ES256, without private members", async () => {
    const { status, body } = await jwks(server.issuer);
    expect(status).toBe(200);
    const keys = body.keys ?? [];
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys.map((key) => key.alg))).toEqual(new Set(["RS256", "ES256"]));
    for (const key of keys) for (const member of ["d", "p", "q", "dp", "dq", "qi"]) expect(key).not.toHaveProperty(member);
  });

  it("runs the code flow with signature checks", async () => {
    await expect(codeFlow(await discover(server.issuer))).resolves.toMatchObject({ token_type: "bearer" });
  });
});

describe("issuer scenarios", () => {
  it("wrong-issuer: discovery names another issuer, so openid-client refuses it", async () => {
    expect((await getDocument(scenarioIssuer("wrong-issuer"))).issuer).toBe(server.issuer);
    await expect(discover(scenarioIssuer("wrong-issuer"))).rejects.toThrow(/issuer/i);
  });

  it("trailing-slash-issuer: refused without the slash, accepted with it", async () => {
    expect((await getDocument(scenarioIssuer("trailing-slash-issuer"))).issuer).toBe(`${scenarioIssuer("trailing-slash-issuer")}/`);
    await expect(discover(scenarioIssuer("trailing-slash-issuer"))).rejects.toThrow(/issuer/i);
    const config = await discover(`${scenarioIssuer("trailing-slash-issuer")}/`);
    await expect(codeFlow(config)).resolves.toMatchObject({ token_type: "bearer" });
  });

  it("http-endpoints: endpoints use the other scheme than the issuer", async () => {
    const document = await getDocument(scenarioIssuer("http-endpoints"));
    expect(document.issuer).toMatch(/^http:\/\//);
    for (const key of ["authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri"]) expect(document[key]).toMatch(/^https:\/\//);
  });

  it("slow-discovery: stalls before answering, so a short RP timeout fails", async () => {
    await expect(discover(scenarioIssuer("slow-discovery"), { timeout: 0.5 })).rejects.toThrow();
    const started = Date.now();
    await getDocument(scenarioIssuer("slow-discovery"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });
});

describe("key scenarios", () => {
  it("missing-jwks-uri: discovery lacks jwks_uri and id_token checks cannot run", async () => {
    expect(await getDocument(scenarioIssuer("missing-jwks-uri"))).not.toHaveProperty("jwks_uri");
    await expect(codeFlow(await discover(scenarioIssuer("missing-jwks-uri")))).rejects.toThrow(/jwks_uri/);
  });

  it("jwks-unavailable: the JWKS answers 503", async () => {
    const { status, body } = await jwks(scenarioIssuer("jwks-unavailable"));
    expect(status).toBe(503);
    expect(body).toMatchObject({ error: "temporarily_unavailable" });
    await expect(codeFlow(await discover(scenarioIssuer("jwks-unavailable")))).rejects.toThrow();
  });

  it("rotated-key: id_tokens carry a kid the JWKS does not list", async () => {
    const { body } = await jwks(scenarioIssuer("rotated-key"));
    const kids = (body.keys ?? []).map((key) => key.kid);
    expect(kids).not.toContain("demo-rs256-2025b");
    await expect(codeFlow(await discover(scenarioIssuer("rotated-key")))).rejects.toThrow(/key/i);
  });

  it("duplicate-kid: two different keys share one kid", async () => {
    const { body } = await jwks(scenarioIssuer("duplicate-kid"));
    const rsa = (body.keys ?? []).filter((key) => key.kid === "demo-rs256-2025a");
    expect(rsa).toHaveLength(2);
    expect(rsa[0]?.n).not.toBe(rsa[1]?.n);
    await expect(codeFlow(await discover(scenarioIssuer("duplicate-kid")))).rejects.toThrow(/multiple/i);
  });

  it("private-key-in-jwks: the JWKS leaks private members", async () => {
    const { body } = await jwks(scenarioIssuer("private-key-in-jwks"));
    expect((body.keys ?? []).some((key) => typeof key.d === "string")).toBe(true);
  });
});
