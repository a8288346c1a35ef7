// The discovery checks on hand-built documents and responses (no network).
import { describe, expect, it } from "vitest";
import {
  authorizationServerMetadataUrls,
  checkAlgorithmsBacked,
  checkDocumentResponse,
  checkEndpointAnswer,
  checkEndpointUrls,
  checkIssuerInput,
  checkIssuerMatch,
  checkMetadataFields,
  checkResponseTime,
  checkWeakOptions,
  openIdConfigurationUrl,
  parseDiscoveryInput,
  runDiscoveryCheck,
} from "@/lib/diagnostics/discovery";
import type { DiagnosticFetch, FetchedResponse } from "@/lib/diagnostics/fetcher";

const issuer = "https://idp.example.com";

function response(body: unknown, init: { status?: number; type?: string; url?: string; elapsedMs?: number; headers?: Record<string, string> } = {}): FetchedResponse {
  return {
    url: init.url ?? openIdConfigurationUrl(issuer),
    status: init.status ?? 200,
    headers: new Headers({ "content-type": init.type ?? "application/json", ...init.headers }),
    body: typeof body === "string" ? body : JSON.stringify(body),
    redirects: [],
    elapsedMs: init.elapsedMs ?? 40,
  };
}

const goodMetadata = {
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  userinfo_endpoint: `${issuer}/userinfo`,
  jwks_uri: `${issuer}/jwks`,
  response_types_supported: ["code"],
  subject_types_supported: ["public"],
  id_token_signing_alg_values_supported: ["RS256"],
  scopes_supported: ["openid", "email"],
  claims_supported: ["sub", "email"],
  code_challenge_methods_supported: ["S256"],
};

const rsaKey = { kty: "RSA", kid: "k1", use: "sig", alg: "RS256", n: "A".repeat(342), e: "AQAB" };

/** A fake network: a map of URL → response; everything else is a connect failure. */
function fakeFetch(routes: Record<string, FetchedResponse>): DiagnosticFetch {
  return async (url) => {
    const found = routes[url];
    return found ? { ok: true, response: { ...found, url } } : { ok: false, error: { code: "connect", url, message: `connection to ${new URL(url).host} refused` } };
  };
}

describe("input", () => {
  it("accepts an absolute URL and refuses everything else with a message naming the field", () => {
    expect(parseDiscoveryInput(new URLSearchParams({ issuer })).ok).toBe(true);
    for (const bad of [new URLSearchParams(), new URLSearchParams({ issuer: "" }), new URLSearchParams({ issuer: "idp.example.com" }), new URLSearchParams({ issuer: `https://x/${"a".repeat(3000)}` }), new URLSearchParams({ issuer, extra: "1" })]) {
      const parsed = parseDiscoveryInput(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.message).toMatch(/^discovery: /);
    }
  });

  it("refuses an issuer given twice", () => {
    const parsed = parseDiscoveryInput(new URLSearchParams([["issuer", issuer], ["issuer", issuer]]));
    expect(parsed.ok).toBe(false);
  });
});

describe("URLs", () => {
  it("builds the OIDC and both RFC 8414 locations", () => {
    expect(openIdConfigurationUrl("https://idp.example.com/tenant/")).toBe("https://idp.example.com/tenant/.well-known/openid-configuration");
    expect(authorizationServerMetadataUrls("https://idp.example.com/tenant")).toEqual([
      "https://idp.example.com/.well-known/oauth-authorization-server/tenant",
      "https://idp.example.com/tenant/.well-known/oauth-authorization-server",
    ]);
    expect(authorizationServerMetadataUrls(issuer)).toEqual(["https://idp.example.com/.well-known/oauth-authorization-server"]);
  });
});

describe("checks", () => {
  it("issuer input: https passes; http, a query or a fragment fails; loopback http passes only with the opt-in", () => {
    expect(checkIssuerInput(issuer, false)[0]?.status).toBe("pass");
    expect(checkIssuerInput("http://idp.example.com", true)[0]?.status).toBe("fail");
    expect(checkIssuerInput("https://idp.example.com?tenant=1", false)[0]?.status).toBe("fail");
    expect(checkIssuerInput("https://idp.example.com#x", false)[0]?.status).toBe("fail");
    expect(checkIssuerInput("http://localhost:3000/mock-idp", false)[0]?.status).toBe("fail");
    expect(checkIssuerInput("http://localhost:3000/mock-idp", true)[0]?.status).toBe("pass");
  });

  it("status, content type and body shape", () => {
    expect(checkDocumentResponse(response(goodMetadata), "openid-configuration").document.ok).toBe(true);
    const notFound = checkDocumentResponse(response("nope", { status: 404 }), "openid-configuration");
    expect(notFound.checks[0]).toMatchObject({ id: "discovery.status", status: "fail" });
    const html = checkDocumentResponse(response("<html>login</html>", { type: "text/html" }), "openid-configuration");
    expect(html.checks.find((check) => check.id === "discovery.json")?.status).toBe("fail");
    const wrongType = checkDocumentResponse(response(goodMetadata, { type: "text/plain" }), "openid-configuration");
    expect(wrongType.checks.find((check) => check.id === "discovery.content-type")?.status).toBe("warn");
    expect(checkDocumentResponse(response("[1,2]"), "openid-configuration").document.ok).toBe(false);
    expect(checkDocumentResponse(response("{}", { type: "application/json; charset=utf-8" }), "openid-configuration").checks.find((check) => check.id === "discovery.content-type")?.status).toBe("pass");
  });

  it("issuer must match exactly; a trailing slash alone warns", () => {
    expect(checkIssuerMatch(issuer, goodMetadata, false)[0]?.status).toBe("pass");
    expect(checkIssuerMatch(issuer, { ...goodMetadata, issuer: `${issuer}/` }, false)[0]).toMatchObject({ status: "warn", entry: expect.stringContaining("#iss-mismatch--trailing-slash") });
    expect(checkIssuerMatch(issuer, { ...goodMetadata, issuer: "https://other.example.com" }, false)[0]?.status).toBe("fail");
    expect(checkIssuerMatch(issuer, { ...goodMetadata, issuer: 42 }, false)[0]?.status).toBe("fail");
    // Case matters: issuers are compared as strings.
    expect(checkIssuerMatch(issuer, { ...goodMetadata, issuer: "https://IDP.example.com" }, false)[0]?.status).toBe("fail");
  });

  it("required fields fail, recommended ones warn, and list values are checked", () => {
    const { jwks_uri: _jwks, scopes_supported: _scopes, ...rest } = goodMetadata;
    const checks = checkMetadataFields({ ...rest, response_types_supported: ["token"], id_token_signing_alg_values_supported: "RS256" }, "openid-configuration");
    const status = (id: string) => checks.find((check) => check.id === id)?.status;
    expect(status("discovery.required.jwks_uri")).toBe("fail");
    expect(status("discovery.required.response_types_supported")).toBe("fail");
    expect(status("discovery.required.id_token_signing_alg_values_supported")).toBe("fail");
    expect(status("discovery.recommended.scopes_supported")).toBe("warn");
    expect(status("discovery.required.token_endpoint")).toBe("pass");
    expect(checks.find((check) => check.id === "discovery.required.jwks_uri")?.entry).toContain("#discovery-document-invalid--missing-jwks-uri");
  });

  it("endpoint URLs must be https on the issuer's scheme", () => {
    expect(checkEndpointUrls(issuer, goodMetadata, false)[0]?.status).toBe("pass");
    const mixed = checkEndpointUrls(issuer, { ...goodMetadata, token_endpoint: "http://idp.example.com/token" }, true)[0];
    expect(mixed?.status).toBe("fail");
    expect(mixed?.message).toContain("token_endpoint");
    expect(checkEndpointUrls(issuer, { ...goodMetadata, jwks_uri: "/jwks" }, false)[0]?.status).toBe("fail");
    // The local case: an http loopback issuer whose endpoints claim https.
    const local = "http://localhost:3000/mock-idp";
    expect(checkEndpointUrls(local, { token_endpoint: "https://localhost:3000/mock-idp/token" }, true)[0]?.status).toBe("fail");
    expect(checkEndpointUrls(local, { token_endpoint: "http://localhost:3000/mock-idp/token" }, true)[0]?.status).toBe("pass");
  });

  it("weak options: none, missing or plain-only PKCE", () => {
    const status = (metadata: Record<string, unknown>, id: string) => checkWeakOptions(metadata).find((check) => check.id === id)?.status;
    expect(status(goodMetadata, "discovery.alg-none")).toBe("pass");
    expect(status({ ...goodMetadata, id_token_signing_alg_values_supported: ["RS256", "none"] }, "discovery.alg-none")).toBe("warn");
    expect(status({ ...goodMetadata, code_challenge_methods_supported: undefined }, "discovery.pkce")).toBe("warn");
    expect(status({ ...goodMetadata, code_challenge_methods_supported: ["plain"] }, "discovery.pkce")).toBe("fail");
    expect(status({ ...goodMetadata, code_challenge_methods_supported: ["plain", "S256"] }, "discovery.pkce")).toBe("warn");
    expect(status(goodMetadata, "discovery.pkce")).toBe("pass");
  });

  it("response time over 3 s warns", () => {
    expect(checkResponseTime(response({}, { elapsedMs: 200 })).status).toBe("pass");
    expect(checkResponseTime(response({}, { elapsedMs: 5200 }))).toMatchObject({ status: "warn", entry: expect.stringContaining("discovery-timeout") });
  });

  it("an endpoint is reachable unless it answers 404, 5xx or not at all; blocked ones are skipped", () => {
    const answer = (status: number) => ({ ok: true as const, response: response("", { status }) });
    expect(checkEndpointAnswer("token_endpoint", `${issuer}/token`, answer(400)).status).toBe("pass");
    expect(checkEndpointAnswer("token_endpoint", `${issuer}/token`, answer(404)).status).toBe("fail");
    expect(checkEndpointAnswer("jwks_uri", `${issuer}/jwks`, answer(503))).toMatchObject({ status: "fail", entry: expect.stringContaining("jwks-fetch-failed") });
    expect(checkEndpointAnswer("userinfo_endpoint", `${issuer}/userinfo`, { ok: false, error: { code: "connect", url: "", message: "refused" } }).status).toBe("fail");
    expect(checkEndpointAnswer("userinfo_endpoint", `${issuer}/userinfo`, { ok: false, error: { code: "blocked_address", url: "", message: "private" } }).status).toBe("skip");
  });

  it("advertised algorithms need a key of their type", () => {
    const jwks = JSON.stringify({ keys: [rsaKey] });
    expect(checkAlgorithmsBacked({ id_token_signing_alg_values_supported: ["RS256", "none", "HS256"] }, jwks).status).toBe("pass");
    const { alg: _alg, ...anyRsa } = rsaKey;
    expect(checkAlgorithmsBacked({ id_token_signing_alg_values_supported: ["RS256", "PS256"] }, JSON.stringify({ keys: [anyRsa] })).status).toBe("pass");
    const unbacked = checkAlgorithmsBacked({ id_token_signing_alg_values_supported: ["RS256", "ES256"] }, jwks);
    expect(unbacked.status).toBe("fail");
    expect(unbacked.message).toContain("ES256");
    // A key pinned to RS256 does not back PS256.
    expect(checkAlgorithmsBacked({ id_token_signing_alg_values_supported: ["PS256"] }, jwks).status).toBe("fail");
    expect(checkAlgorithmsBacked({ id_token_signing_alg_values_supported: ["RS256"] }, "not json").status).toBe("skip");
  });
});

describe("the run", () => {
  it("falls back to RFC 8414 metadata and says so", async () => {
    const fetch = fakeFetch({
      [openIdConfigurationUrl(issuer)]: response("not found", { status: 404 }),
      [`${issuer}/.well-known/oauth-authorization-server`]: response(goodMetadata),
      [`${issuer}/jwks`]: response({ keys: [rsaKey] }),
      [`${issuer}/authorize`]: response("", { status: 400 }),
      [`${issuer}/token`]: response("", { status: 401 }),
      [`${issuer}/userinfo`]: response("", { status: 401 }),
    });
    const run = await runDiscoveryCheck({ issuer }, { fetch });
    if (!run.ok) throw new Error(run.error.message);
    expect(run.result.source).toBe("oauth-authorization-server");
    expect(run.result.checks.find((check) => check.id === "discovery.source")?.status).toBe("warn");
    expect(run.result.ok).toBe(true);
  });

  it("an unreachable issuer is one failing finding and reachable: false", async () => {
    const run = await runDiscoveryCheck({ issuer }, { fetch: fakeFetch({}) });
    if (!run.ok) throw new Error(run.error.message);
    expect(run.result.reachable).toBe(false);
    expect(run.result.ok).toBe(false);
  });

  it("a refused target is an error, not a result", async () => {
    const fetch: DiagnosticFetch = async (url) => ({ ok: false, error: { code: "blocked_address", url, message: "10.0.0.1 is a private address" } });
    const run = await runDiscoveryCheck({ issuer: "https://10.0.0.1" }, { fetch });
    expect(run).toMatchObject({ ok: false, status: 403, error: { error: "blocked_address" } });
  });
});
