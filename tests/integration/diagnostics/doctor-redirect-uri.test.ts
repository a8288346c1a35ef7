// `doctor redirect-uri` as a CI job runs it (the package bin, a child process): offline against
// --registered values, and live against the mock IdP on loopback (the CLI may reach loopback by
// default). Exit 0 registered, 1 a near miss or not registered, 2 bad usage or unreachable.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { doctor, closedPort } from "./doctor-harness";
import { startMockIdp, type MockIdpServer } from "../mock-idp/harness";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;

beforeAll(async () => {
  server = await startMockIdp();
});
afterAll(() => server.close());

const callback = "http://localhost:3000/auth/callback";

describe("doctor redirect-uri offline", () => {
  it("exits 0 for an exact match among several --registered", async () => {
    const { code, stdout } = await doctor(["redirect-uri", "--registered", "https://app.example.com/cb", "--registered", callback, "--redirect-uri", callback]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/redirect-uri: \d+ pass · 0 warn · 0 fail/);
  });

  it("exits 1 for a near miss and links the cause in the table", async () => {
    const { code, stdout } = await doctor(["redirect-uri", "--registered", callback, "--redirect-uri", `${callback}/`]);
    expect(code).toBe(1);
    expect(stdout).toContain("https://fixbook.example/troubleshooting/redirect-uri-mismatch#redirect-uri-mismatch--trailing-slash");
  });

  it("exits 1 for a URI that is not registered; --json prints the API body", async () => {
    const { code, stdout } = await doctor(["redirect-uri", "--registered", "https://app.example.com/auth/callback", "--redirect-uri", "https://pr-7.app.example.com/auth/callback", "--json"]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ tool: "redirect-uri", mode: "offline", verdict: "not_registered", closest: "https://app.example.com/auth/callback", differences: [{ kind: "host" }], answer: { status: 400 } });
  });
});

describe("doctor redirect-uri live (the CI preflight)", () => {
  it("exits 0 when the IdP accepts the redirect_uri", async () => {
    const { code, stdout } = await doctor(["redirect-uri", "--issuer", server.issuer, "--client-id", "logi_demo_web", "--redirect-uri", callback, "--json"]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({ mode: "live", verdict: "registered", observed: { status: 302 } });
    // The first hop was answered, not followed to the login page.
    expect(body.observed.location).toMatch(new RegExp(`^${server.origin}/mock-idp/login\\?request=`));
  });

  it("exits 1 for a near miss and for an unregistered URI", async () => {
    const nearMiss = await doctor(["redirect-uri", "--issuer", server.issuer, "--client-id", "logi_demo_web", "--redirect-uri", `${callback}/`, "--json"]);
    expect(nearMiss.code).toBe(1);
    expect(JSON.parse(nearMiss.stdout)).toMatchObject({ verdict: "redirect_uri_mismatch", closest: callback, differences: [{ kind: "trailing_slash" }] });
    const missing = await doctor(["redirect-uri", "--issuer", server.issuer, "--client-id", "logi_demo_web", "--redirect-uri", "https://unrelated.example.net/cb"]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("redirect_uri not registered");
  });

  it("exits 2 for bad usage and for an issuer that cannot be reached", async () => {
    expect((await doctor(["redirect-uri"])).code).toBe(2);
    expect((await doctor(["redirect-uri", "--redirect-uri", callback])).code).toBe(2);
    expect((await doctor(["redirect-uri", "--issuer", server.issuer, "--redirect-uri", callback])).code).toBe(2);
    expect((await doctor(["redirect-uri", "--issuer", server.issuer, "--client-id", "x", "--registered", callback, "--redirect-uri", callback])).code).toBe(2);
    const unreachable = await doctor(["redirect-uri", "--issuer", `http://127.0.0.1:${await closedPort()}/mock-idp`, "--client-id", "x", "--redirect-uri", callback, "--json"]);
    expect(unreachable.code).toBe(2);
    expect(JSON.parse(unreachable.stdout)).toMatchObject({ reachable: false });
  });
});
