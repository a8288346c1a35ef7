// The doctor CLI as a user runs it (the package bin, a child process) against the mock IdP on
// loopback: exit codes 0 / 1 / 2, --json prints the API's body, the table names the entry.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { doctor, closedPort } from "./doctor-harness";
import { startMockIdp, type MockIdpServer } from "../mock-idp/harness";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;

beforeAll(async () => {
  server = await startMockIdp();
});
afterAll(() => server.close());

describe("doctor", () => {
  it("exits 0 for the healthy mock IdP and prints a table", async () => {
    const { code, stdout } = await doctor(["discovery", server.issuer]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^STATUS\s+FINDING/m);
    expect(stdout).toMatch(/discovery: \d+ pass · 0 warn · 0 fail/);
  });

  it("exits 1 for a failing scenario; --json prints the API body with the entry", async () => {
    const { code, stdout } = await doctor(["discovery", `${server.issuer}/scenarios/missing-jwks-uri`, "--json"]);
    expect(code).toBe(1);
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({ tool: "discovery", ok: false, issuer: `${server.issuer}/scenarios/missing-jwks-uri` });
    expect(body.checks.find((check: { id: string }) => check.id === "discovery.required.jwks_uri")).toMatchObject({ status: "fail", entry: "/troubleshooting/discovery-document-invalid#discovery-document-invalid--missing-jwks-uri" });
  });

  it("the table links findings on the site's public origin", async () => {
    const { code, stdout } = await doctor(["jwks", `${server.issuer}/scenarios/duplicate-kid`]);
    expect(code).toBe(1);
    expect(stdout).toContain("https://fixbook.example/troubleshooting/jwks-duplicate-kid#jwks-duplicate-kid--same-kid-two-keys");
  });

  it("reads a token header from stdin", async () => {
    const { code, stdout } = await doctor(["jwks", `${server.issuer}/scenarios/rotated-key`, "--token", "-", "--json"], '{"alg":"RS256","kid":"demo-rs256-2025b"}\n');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).checks.find((check: { id: string }) => check.id === "token.kid").status).toBe("fail");
  });

  it("exits 2 for bad usage, bad input and unreachable issuers", async () => {
    expect((await doctor([])).code).toBe(2);
    expect((await doctor(["nonsense"])).code).toBe(2);
    expect((await doctor(["discovery"])).code).toBe(2);
    expect((await doctor(["discovery", "not-a-url"])).code).toBe(2);
    expect((await doctor(["jwks", server.issuer, "--jwks-uri", `${server.issuer}/.well-known/jwks.json`])).code).toBe(2);
    const unreachable = await doctor(["discovery", `http://127.0.0.1:${await closedPort()}`, "--json"]);
    expect(unreachable.code).toBe(2);
    expect(JSON.parse(unreachable.stdout).reachable).toBe(false);
  });

  it("--public-only refuses loopback like the hosted site, exit 2 with the rule named", async () => {
    const { code, stderr } = await doctor(["discovery", server.issuer, "--public-only"]);
    expect(code).toBe(2);
    expect(stderr).toContain("DIAGNOSTICS_ALLOW_PRIVATE_NETWORK");
  });

  it("--help exits 0", async () => {
    const { code, stdout } = await doctor(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("exit codes");
  });
});

describe("doctor against every fault scenario", () => {
  // Scenario, command, the finding it must report, and the exit code that follows from it.
  const expected: Array<[scenario: string, tool: "discovery" | "jwks", id: string, status: "fail" | "warn", code: 0 | 1, token?: string]> = [
    ["wrong-issuer", "discovery", "discovery.issuer", "fail", 1],
    ["trailing-slash-issuer", "discovery", "discovery.issuer", "warn", 0],
    ["missing-jwks-uri", "discovery", "discovery.required.jwks_uri", "fail", 1],
    ["http-endpoints", "discovery", "discovery.endpoints-https", "fail", 1],
    ["slow-discovery", "discovery", "discovery.response-time", "warn", 0],
    ["jwks-unavailable", "jwks", "jwks.status", "fail", 1],
    ["rotated-key", "jwks", "token.kid", "fail", 1, '{"alg":"RS256","kid":"demo-rs256-2025b"}'],
    ["duplicate-kid", "jwks", "jwks.duplicate-kid", "fail", 1],
    ["private-key-in-jwks", "jwks", "jwks.private-members", "fail", 1],
  ];

  it.each(expected)("%s: doctor %s --json reports %s as %s and exits %i", async (scenario, tool, id, status, code, token) => {
    const { findMockIdpScenario } = await import("@/lib/mock-idp/scenarios");
    const run = await doctor([tool, `${server.issuer}/scenarios/${scenario}`, "--json", ...(token ? ["--token", token] : [])]);
    expect(run.code).toBe(code);
    const entry = findMockIdpScenario(scenario)?.entry;
    expect(JSON.parse(run.stdout).checks.find((check: { id: string }) => check.id === id)).toMatchObject({ status, entry: expect.stringMatching(new RegExp(`^/troubleshooting/${entry}#`)) });
  }, 30_000);
});
