// `doctor id-token -` as a user runs it (the package bin, a child process) on tokens from the
// mock IdP on loopback: the token comes only from stdin, an argument is refused without being
// echoed, and the exit code is 0 / 1 / 2 like every other tool.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { doctor, closedPort } from "./doctor-harness";
import { buildDemoSignIn, parseDemoCallback, redeemDemoCode } from "@/lib/diagnostics/id-token-demo";
import type { MockIdpScenarioName } from "@/lib/mock-idp/scenarios";
import { signIn, startMockIdp, type MockIdpServer } from "../mock-idp/harness";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;
let healthy: string;
let rotated: string;

async function getToken(scenario: MockIdpScenarioName | null): Promise<string> {
  const demo = await buildDemoSignIn(server.origin, scenario);
  const parsed = parseDemoCallback(await signIn(server, demo.authorizeUrl), demo.state);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const redeemed = await redeemDemoCode(demo.tokenEndpoint, parsed.code, demo.verifier, demo.redirectUri, fetch);
  if (!redeemed.ok) throw new Error(redeemed.error.message);
  return redeemed.idToken;
}

beforeAll(async () => {
  server = await startMockIdp();
  healthy = await getToken(null);
  rotated = await getToken("rotated-key");
});
afterAll(() => server.close());

function expectNoToken(text: string, token: string): void {
  for (const part of token.split(".")) expect(text).not.toContain(part);
}

describe("doctor id-token", () => {
  it("exits 0 for a healthy token read from stdin; --json prints the result without the token", async () => {
    const { code, stdout, stderr } = await doctor(["id-token", "-", "--issuer", server.issuer, "--client-id", "logi_demo_inspector", "--json"], `${healthy}\n`);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({ tool: "id-token", ok: true, issuer: server.issuer, reachable: true, claims: { aud: "logi_demo_inspector" }, key: { kty: expect.any(String) } });
    expect(body.checks.find((check: { id: string }) => check.id === "token.signature").status).toBe("pass");
    expectNoToken(stdout + stderr, healthy);
  });

  it("without --issuer, fetches discovery and keys for the token's own iss", async () => {
    const { code, stdout } = await doctor(["id-token", "-"], healthy);
    expect(code).toBe(0);
    expect(stdout).toMatch(/id-token: \d+ pass · 0 warn · 0 fail · \d+ skip → OK/);
  });

  it("exits 1 for a failing finding, and the table links its entry", async () => {
    const { code, stdout } = await doctor(["id-token", "-", "--issuer", `${server.issuer}/scenarios/rotated-key`], rotated);
    expect(code).toBe(1);
    expect(stdout).toContain("https://fixbook.example/troubleshooting/jwks-key-rotation#jwks-key-rotation--no-refetch-on-unknown-kid");
    expectNoToken(stdout, rotated);
  });

  it("exits 1 when the audience or nonce is not the expected one", async () => {
    const { code, stdout } = await doctor(["id-token", "-", "--client-id", "logi_demo_web", "--nonce", "not-this-one", "--json"], healthy);
    expect(code).toBe(1);
    const checks: Array<{ id: string; status: string }> = JSON.parse(stdout).checks;
    expect(checks.filter((check) => check.status === "fail").map((check) => check.id)).toEqual(["claims.aud", "claims.azp", "claims.nonce"]);
  });

  it("refuses a token in argv, says why, and does not echo it", async () => {
    for (const args of [["id-token", healthy], ["id-token", "-", "--token", healthy], ["id-token", `--token=${healthy}`]]) {
      const { code, stdout, stderr } = await doctor(args);
      expect(code).toBe(2);
      expect(stderr).toContain("shell history");
      expectNoToken(stdout + stderr, healthy);
    }
  });

  it("exits 2 without -, for an empty or malformed stdin, and for an unreachable issuer", async () => {
    expect((await doctor(["id-token"], healthy)).code).toBe(2);
    expect((await doctor(["id-token", "-"], "")).code).toBe(2);
    const jwe = await doctor(["id-token", "-"], "a.b.c.d.e");
    expect(jwe.code).toBe(2);
    expect(jwe.stderr).toContain("encrypted token (JWE");
    const unreachable = await doctor(["id-token", "-", "--issuer", `http://127.0.0.1:${await closedPort()}/mock-idp`, "--json"], healthy);
    expect(unreachable.code).toBe(2);
    expect(JSON.parse(unreachable.stdout).reachable).toBe(false);
  });

  it("is listed in --help", async () => {
    const { code, stdout } = await doctor(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("id-token - [--issuer <url>]");
  });
});
