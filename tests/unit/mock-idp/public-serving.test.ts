// The demo token secret is public: the mock IdP answers on loopback origins only, unless
// MOCK_IDP_SECRET replaces it.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadDemoKeys } from "@/lib/mock-idp/keys.server";
import { checkPublicServing, isLoopbackOrigin } from "@/lib/mock-idp/public-serving";
import { handleMockIdpRequest } from "@/lib/mock-idp/router";
import { testDeps } from "./deps";

vi.mock("server-only", () => ({}));

const expectedMessage = (origin: string) =>
  `The mock IdP is not served on ${origin} without MOCK_IDP_SECRET: its demo secret is public. Set MOCK_IDP_SECRET (32+ random bytes) or switch the mock IdP off with MOCK_IDP_ENABLED=0.`;

describe("isLoopbackOrigin", () => {
  it.each(["http://localhost:3000", "http://LOCALHOST", "http://127.0.0.1:3100", "http://127.8.9.10", "http://[::1]:3000", "http://[::ffff:127.0.0.1]"])("%s is loopback", (origin) => {
    expect(isLoopbackOrigin(origin)).toBe(true);
  });

  it.each(["https://kb.example.com", "http://10.0.0.5:3000", "http://192.168.1.2", "http://[2001:db8::1]", "http://localhost.evil.example", "http://127.0.0.1.nip.io", "http://0.0.0.0:3000", "not a url"])(
    "%s is not",
    (origin) => {
      expect(isLoopbackOrigin(origin)).toBe(false);
    },
  );
});

describe("checkPublicServing", () => {
  it("lets the demo secret serve loopback origins, and any origin once MOCK_IDP_SECRET is set", () => {
    expect(checkPublicServing("http://127.0.0.1:3100", { demoSecret: true })).toBeNull();
    expect(checkPublicServing("https://kb.example.com", { demoSecret: false })).toBeNull();
  });

  it("refuses a public origin with the demo secret: 503 temporarily_unavailable naming the origin and both ways out", () => {
    expect(checkPublicServing("https://kb.example.com", { demoSecret: true })).toEqual({
      error: "temporarily_unavailable",
      description: expectedMessage("https://kb.example.com"),
      status: 503,
      headers: undefined,
      extra: { message: expectedMessage("https://kb.example.com") },
    });
  });
});

describe("the router on a public origin", () => {
  const loggedKey = Symbol.for("oidc-rp-troubleshooting.mock-idp.refusal-logged");
  beforeEach(() => {
    Reflect.deleteProperty(globalThis, loggedKey);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answers 503 JSON on every endpoint with the demo secret, and logs it once", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const deps = await testDeps();
    const discovery = await handleMockIdpRequest(new Request("https://kb.example.com/mock-idp/.well-known/openid-configuration"), deps);
    expect(discovery.status).toBe(503);
    expect(discovery.headers.get("content-type")).toMatch(/^application\/json/);
    expect(discovery.headers.get("access-control-allow-origin")).toBe("*");
    expect(await discovery.json()).toEqual({ error: "temporarily_unavailable", error_description: expectedMessage("https://kb.example.com"), message: expectedMessage("https://kb.example.com") });
    const token = await handleMockIdpRequest(new Request("https://kb.example.com/mock-idp/oauth/token", { method: "POST", body: "grant_type=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), deps);
    expect(token.status).toBe(503);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toContain("MOCK_IDP_SECRET");
  });

  it("judges the origin the issuer would name, so a public Host header is refused too", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const deps = await testDeps();
    const response = await handleMockIdpRequest(new Request("http://localhost:3000/mock-idp/.well-known/openid-configuration", { headers: { host: "kb.example.com" } }), deps);
    expect(response.status).toBe(503);
    const pinned = await testDeps({ publicOrigin: "https://kb.example.com" });
    expect((await handleMockIdpRequest(new Request("http://127.0.0.1:3100/mock-idp/.well-known/openid-configuration"), pinned)).status).toBe(503);
  });

  it("serves a public origin once MOCK_IDP_SECRET replaces the demo secret", async () => {
    const deps = { ...(await testDeps()), keys: await loadDemoKeys("x".repeat(43)) };
    const response = await handleMockIdpRequest(new Request("https://kb.example.com/mock-idp/.well-known/openid-configuration"), deps);
    expect(response.status).toBe(200);
    expect((await response.json()).issuer).toBe("https://kb.example.com/mock-idp");
  });

  it("serves loopback origins with the demo secret", async () => {
    const deps = await testDeps();
    for (const origin of ["http://127.0.0.1:3100", "http://localhost:3000", "http://[::1]:3000"]) {
      const response = await handleMockIdpRequest(new Request(`${origin}/mock-idp/.well-known/openid-configuration`), deps);
      expect(response.status).toBe(200);
    }
  });
});
