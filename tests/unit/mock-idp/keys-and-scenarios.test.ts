import { describe, expect, it, vi } from "vitest";
import { buildDiscoveryDocument } from "@/lib/mock-idp/metadata";
import { loadDemoKeys } from "@/lib/mock-idp/keys.server";
import { resolveOrigin } from "@/lib/mock-idp/origin";
import { advertisedEndpointBase, buildIssuerContext, buildJwks, selectSigningKey } from "@/lib/mock-idp/scenario-behaviour";
import { listMockIdpScenarios, mockIdpScenarios } from "@/lib/mock-idp/scenarios";
import demoKeyFile from "@/content/mock-idp/demo-keys.json";

vi.mock("server-only", () => ({}));

describe("demo keys", () => {
  it("are labelled demo-only and load RS256 + ES256 signers plus a next key", async () => {
    expect(demoKeyFile.warning).toMatch(/^DEMO ONLY — never use in production/);
    const keys = await loadDemoKeys(undefined);
    expect(keys.signing.map((key) => [key.kid, key.alg, key.status])).toEqual([
      ["demo-rs256-2025a", "RS256", "active"],
      ["demo-es256-2025a", "ES256", "active"],
      ["demo-rs256-2025b", "RS256", "next"],
    ]);
    expect(keys.tokenKey).toHaveLength(32);
  });

  it("derive another token key from MOCK_IDP_SECRET", async () => {
    const demo = await loadDemoKeys(undefined);
    const custom = await loadDemoKeys("operator-chosen-secret");
    expect(Buffer.from(custom.tokenKey).equals(Buffer.from(demo.tokenKey))).toBe(false);
    expect(demo.demoSecret).toBe(true);
    expect(custom.demoSecret).toBe(false);
    expect((await loadDemoKeys("")).demoSecret).toBe(true);
  });

  it("publish public members only, except in private-key-in-jwks", async () => {
    const keys = await loadDemoKeys(undefined);
    for (const key of buildJwks(keys.signing, null).keys) expect(Object.keys(key).sort()).toEqual(key.kty === "RSA" ? ["alg", "e", "kid", "kty", "n", "use"] : ["alg", "crv", "kid", "kty", "use", "x", "y"]);
    expect(buildJwks(keys.signing, "private-key-in-jwks").keys.every((key) => typeof key.d === "string")).toBe(true);
    expect(selectSigningKey(keys.signing, "RS256", "rotated-key").kid).toBe("demo-rs256-2025b");
    expect(buildJwks(keys.signing, "rotated-key").keys.map((key) => key.kid)).not.toContain("demo-rs256-2025b");
  });
});

describe("scenarios", () => {
  it("cover the nine the design names, each with an entry slug", () => {
    expect(mockIdpScenarios.map((scenario) => [scenario.name, scenario.entry])).toEqual([
      ["wrong-issuer", "iss-mismatch"],
      ["trailing-slash-issuer", "iss-mismatch"],
      ["missing-jwks-uri", "discovery-document-invalid"],
      ["jwks-unavailable", "jwks-fetch-failed"],
      ["rotated-key", "jwks-key-rotation"],
      ["duplicate-kid", "jwks-duplicate-kid"],
      ["private-key-in-jwks", "jwks-private-key-exposed"],
      ["http-endpoints", "discovery-document-invalid"],
      ["slow-discovery", "discovery-timeout"],
    ]);
    expect(listMockIdpScenarios("https://kb.example")[0]?.issuer).toBe("https://kb.example/mock-idp/scenarios/wrong-issuer");
  });

  it("bend discovery as described", () => {
    const healthy = buildDiscoveryDocument(buildIssuerContext("https://kb.example", null));
    expect(healthy).toMatchObject({ issuer: "https://kb.example/mock-idp", jwks_uri: "https://kb.example/mock-idp/.well-known/jwks.json", embed_endpoint: "https://kb.example/mock-idp/embed" });
    expect(buildDiscoveryDocument(buildIssuerContext("https://kb.example", "missing-jwks-uri"))).not.toHaveProperty("jwks_uri");
    expect(advertisedEndpointBase(buildIssuerContext("https://kb.example", "http-endpoints"))).toBe("http://kb.example/mock-idp/scenarios/http-endpoints");
  });
});

describe("resolveOrigin", () => {
  const request = new Request("http://127.0.0.1:3100/mock-idp", { headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });

  it("uses the request URL unless told to trust a proxy", () => {
    expect(resolveOrigin(request, { publicOrigin: null, trustProxyHeaders: false })).toBe("http://127.0.0.1:3100");
    expect(resolveOrigin(request, { publicOrigin: null, trustProxyHeaders: true })).toBe("https://evil.example");
    expect(resolveOrigin(request, { publicOrigin: "https://kb.example", trustProxyHeaders: true })).toBe("https://kb.example");
  });

  it("prefers the Host header the client used over the URL's host (Next rewrites it to localhost)", () => {
    const rewritten = new Request("http://localhost:3100/mock-idp", { headers: { host: "127.0.0.1:3100" } });
    expect(resolveOrigin(rewritten, { publicOrigin: null, trustProxyHeaders: false })).toBe("http://127.0.0.1:3100");
    const bogus = new Request("http://localhost:3100/mock-idp", { headers: { host: "bad host/x" } });
    expect(resolveOrigin(bogus, { publicOrigin: null, trustProxyHeaders: false })).toBe("http://localhost:3100");
  });

  it("ignores forwarded hosts that are not host names", () => {
    const odd = new Request("http://127.0.0.1:3100/", { headers: { "x-forwarded-host": "a/b@c" } });
    expect(resolveOrigin(odd, { publicOrigin: null, trustProxyHeaders: true })).toBe("http://127.0.0.1:3100");
  });

  // Regression: `next start` turns X-Forwarded-Proto: https into an https request.url, and the
  // issuer followed it although no proxy was trusted.
  it("does not follow the https scheme Next derived from a forged X-Forwarded-Proto", () => {
    const asNextBuildsIt = new Request("https://127.0.0.1:3100/mock-idp", { headers: { host: "127.0.0.1:3100", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" } });
    expect(resolveOrigin(asNextBuildsIt, { publicOrigin: null, trustProxyHeaders: false })).toBe("http://127.0.0.1:3100");
    const listed = new Request("https://127.0.0.1:3100/mock-idp", { headers: { host: "127.0.0.1:3100", "x-forwarded-proto": "http, https" } });
    expect(resolveOrigin(listed, { publicOrigin: null, trustProxyHeaders: false })).toBe("http://127.0.0.1:3100");
  });

  it("keeps the scheme of a request that carries no forwarded header (a server of its own, the tests)", () => {
    expect(resolveOrigin(new Request("https://kb.example/mock-idp"), { publicOrigin: null, trustProxyHeaders: false })).toBe("https://kb.example");
  });

  it("behind a trusted proxy takes its scheme and host, each only when well formed", () => {
    const trusted = { publicOrigin: null, trustProxyHeaders: true };
    const proxied = (headers: Record<string, string>) => new Request("http://localhost:3000/mock-idp", { headers: { host: "10.0.0.5:3000", ...headers } });
    expect(resolveOrigin(proxied({ "x-forwarded-proto": "https", "x-forwarded-host": "kb.example.com" }), trusted)).toBe("https://kb.example.com");
    expect(resolveOrigin(proxied({ "x-forwarded-proto": "HTTPS, http", "x-forwarded-host": "kb.example.com, inner.local" }), trusted)).toBe("https://kb.example.com");
    expect(resolveOrigin(proxied({ "x-forwarded-proto": "https" }), trusted)).toBe("https://10.0.0.5:3000");
    expect(resolveOrigin(proxied({ "x-forwarded-proto": "gopher", "x-forwarded-host": "kb.example.com" }), trusted)).toBe("http://kb.example.com");
    expect(resolveOrigin(proxied({ "x-forwarded-host": "[2001:db8::1]:8443", "x-forwarded-proto": "https" }), trusted)).toBe("https://[2001:db8::1]:8443");
  });

  it("a pinned MOCK_IDP_PUBLIC_ORIGIN beats every header", () => {
    const forged = new Request("https://127.0.0.1:3100/mock-idp", { headers: { host: "evil.example", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" } });
    expect(resolveOrigin(forged, { publicOrigin: "http://127.0.0.1:3100", trustProxyHeaders: false })).toBe("http://127.0.0.1:3100");
  });
});
