import { describe, expect, it } from "vitest";
import { defaultMockIdpConfig, parseMockIdpConfig } from "@/lib/mock-idp/config";

describe("parseMockIdpConfig", () => {
  it("defaults to an enabled mock with generous limits", () => {
    expect(parseMockIdpConfig({})).toEqual({ ok: true, config: defaultMockIdpConfig });
  });

  it.each(["0", "false", "off", "no", "OFF"])("MOCK_IDP_ENABLED=%s switches it off", (value) => {
    expect(parseMockIdpConfig({ MOCK_IDP_ENABLED: value })).toMatchObject({ ok: true, config: { enabled: false } });
  });

  it("reads every variable", () => {
    const parsed = parseMockIdpConfig({
      MOCK_IDP_PUBLIC_ORIGIN: "https://kb.example.com",
      MOCK_IDP_TRUST_PROXY: "1",
      MOCK_IDP_AVAILABLE_METHODS: "apple, google,email,app",
      MOCK_IDP_RATE_LIMIT: "10",
      MOCK_IDP_RATE_LIMIT_WINDOW_SECONDS: "30",
      MOCK_IDP_SLOW_DISCOVERY_MS: "2000",
      MOCK_IDP_DEVICE_INTERVAL: "2",
      TRUST_PROXY_HOPS: "2",
    });
    expect(parsed).toEqual({
      ok: true,
      config: { enabled: true, publicOrigin: "https://kb.example.com", trustProxyHeaders: true, trustProxyHops: 2, availableMethods: ["apple", "google", "email", "app"], rateLimit: { max: 10, windowSeconds: 30 }, slowDiscoveryMs: 2000, deviceIntervalSeconds: 2, userCodeRateLimit: 10 },
    });
  });

  it.each([
    [{ MOCK_IDP_ENABLED: "maybe" }, "MOCK_IDP_ENABLED"],
    [{ MOCK_IDP_PUBLIC_ORIGIN: "https://kb.example.com/path" }, "MOCK_IDP_PUBLIC_ORIGIN"],
    [{ MOCK_IDP_AVAILABLE_METHODS: "google,line" }, "MOCK_IDP_AVAILABLE_METHODS"],
    [{ MOCK_IDP_RATE_LIMIT: "-1" }, "MOCK_IDP_RATE_LIMIT"],
    [{ MOCK_IDP_SLOW_DISCOVERY_MS: "60000" }, "MOCK_IDP_SLOW_DISCOVERY_MS"],
    [{ TRUST_PROXY_HOPS: "yes" }, "TRUST_PROXY_HOPS"],
  ])("reports a bad value naming the variable (%o)", (env, name) => {
    const parsed = parseMockIdpConfig(env);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(name);
  });
});
