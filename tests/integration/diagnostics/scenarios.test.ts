// The discovery and JWKS checks against the bundled mock IdP over real HTTP on loopback: the
// healthy issuer passes, and every fault scenario yields the finding its entry describes.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runDiscoveryCheck, type DiscoveryResult } from "@/lib/diagnostics/discovery";
import { runJwksCheck, type JwksResult } from "@/lib/diagnostics/jwks";
import type { Finding } from "@/lib/diagnostics/findings";
import { findMockIdpScenario } from "@/lib/mock-idp/scenarios";
import { createSafeFetch } from "@/lib/net/safe-fetch.server";
import { startMockIdp, type MockIdpServer } from "../mock-idp/harness";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;
const deps = { fetch: createSafeFetch({ allowPrivateNetwork: true }), allowPrivateNetwork: true };

beforeAll(async () => {
  server = await startMockIdp({ config: { slowDiscoveryMs: 3_500 } });
});
afterAll(() => server.close());

function scenarioIssuer(name: string): string {
  return `${server.issuer}/scenarios/${name}`;
}

async function discovery(issuer: string): Promise<DiscoveryResult> {
  const run = await runDiscoveryCheck({ issuer }, deps);
  if (!run.ok) throw new Error(run.error.message);
  return run.result;
}

async function jwks(input: { issuer?: string; jwks_uri?: string; token?: string }): Promise<JwksResult> {
  const run = await runJwksCheck(input, deps);
  if (!run.ok) throw new Error(run.error.message);
  return run.result;
}

function failing(checks: Finding[]): Finding[] {
  return checks.filter((check) => check.status === "fail");
}

/** The finding with this id, which must link the scenario's entry. */
function expectFinding(checks: Finding[], id: string, status: Finding["status"], scenario: string): Finding {
  const match = checks.find((check) => check.id === id);
  expect(match, `no finding ${id} in ${checks.map((check) => `${check.id}=${check.status}`).join(", ")}`).toBeDefined();
  expect(match?.status).toBe(status);
  const entry = findMockIdpScenario(scenario)?.entry;
  expect(match?.entry?.startsWith(`/troubleshooting/${entry}#${entry}--`)).toBe(true);
  return match ?? { id, status, message: "" };
}

describe("the healthy mock IdP", () => {
  it("passes the discovery check with no failing or warning finding", async () => {
    const result = await discovery(server.issuer);
    expect(failing(result.checks)).toEqual([]);
    expect(result.checks.filter((check) => check.status === "warn")).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.metadata?.issuer).toBe(server.issuer);
  });

  it("lists every published key with size and thumbprint, and passes the JWKS check", async () => {
    const result = await jwks({ issuer: server.issuer });
    expect(failing(result.checks)).toEqual([]);
    expect(result.keys.map((key) => key.kty).sort()).toEqual(["EC", "RSA", "RSA"]);
    for (const key of result.keys) expect(key.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.keys.find((key) => key.kty === "RSA")?.bits).toBe(2048);
    expect(result.keys.find((key) => key.kty === "EC")?.crv).toBe("P-256");
  });

  it("resolves the kid of a real id_token header", async () => {
    const result = await jwks({ jwks_uri: `${server.issuer}/.well-known/jwks.json`, token: '{"alg":"RS256","kid":"demo-rs256-2025a"}' });
    expect(result.checks.find((check) => check.id === "token.kid")?.status).toBe("pass");
  });
});

describe("fault scenarios, discovery check", () => {
  it("wrong-issuer: issuer does not match the URL", async () => {
    const result = await discovery(scenarioIssuer("wrong-issuer"));
    expectFinding(result.checks, "discovery.issuer", "fail", "wrong-issuer");
    expect(result.ok).toBe(false);
  });

  it("trailing-slash-issuer: a warning that names the libraries that reject it", async () => {
    const result = await discovery(scenarioIssuer("trailing-slash-issuer"));
    const found = expectFinding(result.checks, "discovery.issuer", "warn", "trailing-slash-issuer");
    expect(found.message).toMatch(/openid-client/);
  });

  it("missing-jwks-uri: jwks_uri is required", async () => {
    const result = await discovery(scenarioIssuer("missing-jwks-uri"));
    expectFinding(result.checks, "discovery.required.jwks_uri", "fail", "missing-jwks-uri");
  });

  it("http-endpoints: endpoints on another scheme than the issuer", async () => {
    const result = await discovery(scenarioIssuer("http-endpoints"));
    expectFinding(result.checks, "discovery.endpoints-https", "fail", "http-endpoints");
  });

  it("jwks-unavailable: the advertised jwks_uri answers 503", async () => {
    const result = await discovery(scenarioIssuer("jwks-unavailable"));
    expectFinding(result.checks, "discovery.reachable.jwks_uri", "fail", "jwks-unavailable");
  });

  it("slow-discovery: a warning about the response time", async () => {
    const result = await discovery(scenarioIssuer("slow-discovery"));
    expectFinding(result.checks, "discovery.response-time", "warn", "slow-discovery");
  });
});

describe("fault scenarios, JWKS check", () => {
  it("jwks-unavailable: 503", async () => {
    const result = await jwks({ issuer: scenarioIssuer("jwks-unavailable") });
    expectFinding(result.checks, "jwks.status", "fail", "jwks-unavailable");
  });

  it("duplicate-kid: two different keys under one kid", async () => {
    const result = await jwks({ issuer: scenarioIssuer("duplicate-kid") });
    expectFinding(result.checks, "jwks.duplicate-kid", "fail", "duplicate-kid");
  });

  it("private-key-in-jwks: private members published", async () => {
    const result = await jwks({ issuer: scenarioIssuer("private-key-in-jwks") });
    const found = expectFinding(result.checks, "jwks.private-members", "fail", "private-key-in-jwks");
    expect(found.message).toMatch(/\bd\b/);
    // What the API hands the browser for signature checks never carries the leaked members.
    expect(result.public_keys.length).toBeGreaterThan(0);
    for (const key of result.public_keys) for (const member of ["d", "p", "q", "dp", "dq", "qi"]) expect(key).not.toHaveProperty(member);
  });

  it("rotated-key: the token's kid is not published", async () => {
    const header = findMockIdpScenario("rotated-key");
    const tokenHeader = header && "tokenHeader" in header ? header.tokenHeader : null;
    const result = await jwks({ issuer: scenarioIssuer("rotated-key"), token: JSON.stringify(tokenHeader) });
    const found = expectFinding(result.checks, "token.kid", "fail", "rotated-key");
    expect(found.message).toMatch(/refetch/);
  });

  it("missing-jwks-uri: the key set cannot be found", async () => {
    const result = await jwks({ issuer: scenarioIssuer("missing-jwks-uri") });
    expectFinding(result.checks, "jwks.discovery", "fail", "missing-jwks-uri");
  });
});
