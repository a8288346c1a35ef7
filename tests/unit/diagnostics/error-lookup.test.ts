// The error-code lookup over the real search index and code reference (the same data the API
// and the CLI load), plus its rules on hand-built results.
import { describe, expect, it, vi } from "vitest";
import type { CodeDefinition } from "@/lib/codes/schema";
import type { Finding } from "@/lib/diagnostics/findings";
import type { ReferenceData } from "@/lib/diagnostics/fetcher";

vi.mock("server-only", () => ({}));

const { getSearchIndex } = await import("@/lib/search/index.server");
const { getCodeReference } = await import("@/lib/codes/reference");
const { searchIndex } = await import("@/lib/search/index");
const { parseInput } = await import("@/lib/search/parse-input");
const { findRunnableDiagnostic } = await import("@/lib/diagnostics/registry");
const lookup = await import("@/lib/diagnostics/error-lookup");

const data: ReferenceData = { index: await getSearchIndex(), codes: getCodeReference() };

function run(input: string, limit?: number) {
  return lookup.lookupError({ input, ...(limit === undefined ? {} : { limit }) }, data);
}

function check(checks: readonly Finding[], id: string): Finding | undefined {
  return checks.find((candidate) => candidate.id === id);
}

/** What search itself ranks for the same text: the lookup must agree with it, not re-rank. */
function searchedEntries(input: string, limit = lookup.defaultLookupLimit): string[] {
  return searchIndex(data.index, input, { limit: 50 })
    .results.filter((result) => result.kind === "entry")
    .slice(0, limit)
    .map((result) => result.url);
}

describe("lookupError over the real catalogue", () => {
  it("a JSON error body: the code, its description, its reference and the entry", () => {
    const input = '{"error":"invalid_client","error_description":"Client authentication failed"}';
    const result = run(input);
    expect(result).toMatchObject({ tool: "error-lookup", ok: true });
    expect(result.parsed).toMatchObject({ codes: ["invalid_client"], status: null, description: "Client authentication failed", vendor: null });
    expect(result.codes[0]).toMatchObject({ code: "invalid_client", known: true, via: "input", url: "/codes/invalid_client" });
    expect(result.codes[0]?.definitions[0]).toMatchObject({ returned_at: "token-endpoint", http: 401, http_label: "401 Unauthorized", retry: expect.any(String), spec: { url: expect.stringContaining("rfc6749") } });
    expect(result.entries[0]).toMatchObject({ slug: "invalid-client", url: "/troubleshooting/invalid-client", match: "exact" });
    expect(check(result.checks, "lookup.parsed")?.status).toBe("pass");
    expect(check(result.checks, "lookup.code.invalid_client")).toMatchObject({ status: "pass", entry: "/troubleshooting/invalid-client", spec: expect.stringContaining("RFC 6749") });
    expect(check(result.checks, "lookup.code.invalid_client")?.message).toContain("Client authentication failed");
    expect(check(result.checks, "lookup.entries")).toMatchObject({ status: "pass", entry: "/troubleshooting/invalid-client" });
    expect(result.entries.map((entry) => entry.url)).toEqual(searchedEntries(input));
  });

  it("a callback URL: the query's error and decoded description, the redirect definition first", () => {
    const input = "http://localhost:3000/auth/callback?error=access_denied&error_description=The+user+denied+the+request&state=af0ifjsldkj";
    const result = run(input);
    expect(result.ok).toBe(true);
    expect(result.parsed).toMatchObject({ codes: ["access_denied"], description: "The user denied the request" });
    expect(result.codes[0]?.definitions.map((definition) => definition.returned_at)).toEqual(["authorization-response", "device-token"]);
    expect(check(result.checks, "lookup.code.access_denied")).toMatchObject({ status: "pass" });
    expect(check(result.checks, "lookup.code.access_denied")?.message).toContain("The user declined");
    expect(result.entries.map((entry) => entry.url)).toEqual(searchedEntries(input));
  });

  it("an HTTP status picks the definition returned with it", () => {
    const result = run('HTTP/1.1 400 Bad Request\n{"error":"access_denied"}');
    expect(result.parsed).toMatchObject({ status: 400, statuses: [400] });
    expect(result.codes[0]?.definitions[0]).toMatchObject({ returned_at: "device-token", http: 400 });
  });

  it("a WWW-Authenticate header: the challenge, and the resource-server definition", () => {
    const input = 'WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="The access token expired"';
    const result = run(input);
    expect(result.ok).toBe(true);
    expect(result.parsed.www_authenticate).toEqual({ scheme: "Bearer", params: { realm: "api", error: "invalid_token", error_description: "The access token expired" } });
    expect(result.parsed).toMatchObject({ codes: ["invalid_token"], description: "The access token expired" });
    expect(result.codes[0]?.definitions[0]).toMatchObject({ returned_at: "resource", http: 401 });
    expect(check(result.checks, "lookup.parsed")?.message).toContain("WWW-Authenticate Bearer");
    expect(result.entries.length).toBeGreaterThan(0);
    expect(result.entries.map((entry) => entry.url)).toEqual(searchedEntries(input));
  });

  it("an AADSTS line: the vendor, the code's reference, the Entra entry first", () => {
    const input = "AADSTS50011: The redirect URI 'https://app.example.com/signin-oidc' specified in the request does not match the redirect URIs configured for the application 'f1e2d3c4'.";
    const result = run(input);
    expect(result.parsed).toMatchObject({ codes: ["AADSTS50011"], vendor: "Microsoft Entra ID" });
    expect(result.codes[0]).toMatchObject({ code: "AADSTS50011", known: true, definitions: [expect.objectContaining({ vendor: "Microsoft Entra ID", returned_at: "authorization-endpoint" })] });
    expect(result.entries[0]?.slug).toBe("entra-aadsts50011-redirect-uri-mismatch");
    expect(check(result.checks, "lookup.code.AADSTS50011")).toMatchObject({ status: "pass", entry: "/troubleshooting/entra-aadsts50011-redirect-uri-mismatch" });
    expect(check(result.checks, "lookup.code.AADSTS50011")?.message).toMatch(/^AADSTS50011 \(Microsoft Entra ID\): /);
  });

  it("a Java stack trace: frames dropped, the exception message matched exactly", () => {
    const input =
      "io.jsonwebtoken.security.SignatureException: JWT signature does not match locally computed signature. JWT validity cannot be asserted and should not be trusted.\n" +
      "\tat io.jsonwebtoken.impl.DefaultJwtParser.verifySignature(DefaultJwtParser.java:364)\n" +
      "\tat io.jsonwebtoken.impl.DefaultJwtParser.parse(DefaultJwtParser.java:520)";
    const result = run(input);
    expect(result.ok).toBe(true);
    expect(result.parsed.codes).toEqual([]);
    expect(result.parsed.message_lines).toHaveLength(1);
    expect(result.parsed.message_lines[0]).toContain("SignatureException");
    expect(check(result.checks, "lookup.parsed")?.status).toBe("warn");
    expect(result.entries[0]).toMatchObject({ slug: "entra-graph-token-signature-mismatch", match: "exact" });
    expect(check(result.checks, "lookup.entries")).toMatchObject({ status: "pass", entry: result.entries[0]?.url });
    // Word-only matches of reference codes are not offered as codes.
    expect(result.codes).toEqual([]);
  });

  it("gibberish: nothing read, nothing matched, ok false (the documented result)", () => {
    const result = run("flux capacitor overheated zzqx qwerty");
    expect(result).toMatchObject({ tool: "error-lookup", ok: false, codes: [], entries: [] });
    expect(result.parsed).toMatchObject({ codes: [], status: null, description: null, vendor: null });
    expect(check(result.checks, "lookup.parsed")?.status).toBe("warn");
    expect(check(result.checks, "lookup.entries")?.status).toBe("fail");
    expect(result.checks.filter((finding) => finding.status === "fail")).toHaveLength(1);
  });

  it("an unknown code: warned, pointing at the best matching entry", () => {
    const result = run("AADSTS9999999: The redirect URI specified in the request does not match the redirect URIs configured for the application.");
    expect(result.parsed).toMatchObject({ codes: ["AADSTS9999999"], vendor: "Microsoft Entra ID" });
    expect(result.codes[0]).toEqual({ code: "AADSTS9999999", known: false, via: "input", definitions: [] });
    const unknown = check(result.checks, "lookup.code.AADSTS9999999");
    expect(unknown).toMatchObject({ status: "warn", entry: result.entries[0]?.url });
    expect(unknown?.message).toContain("Unknown code");
    expect(result.ok).toBe(true);
  });

  it("an unknown code and nothing else: warned without an entry, and the lookup fails", () => {
    const result = run('{"error":"frobnicated_widget_zz"}');
    expect(check(result.checks, "lookup.code.frobnicated_widget_zz")).toMatchObject({ status: "warn" });
    expect(check(result.checks, "lookup.code.frobnicated_widget_zz")?.entry).toBeUndefined();
    expect(result.ok).toBe(false);
  });

  it("a bare code counts when the reference knows it; other snake_case words do not", () => {
    expect(run("invalid_client").parsed.codes).toEqual(["invalid_client"]);
    expect(run("token exchange failed: INVALID_GRANT").codes[0]).toMatchObject({ code: "invalid_grant", known: true });
    expect(run("redirect_uri and client_id look fine").parsed.codes).toEqual([]);
    expect(run("Got Connect API Error 215 from the server").parsed).toMatchObject({ codes: ["Connect API Error 215"], vendor: "Posit Connect" });
  });

  it("one finding per code, however it is spelled", () => {
    const result = run('{"error":"INVALID_CLIENT"} then error=invalid_client');
    expect(result.codes.map((code) => code.code)).toEqual(["invalid_client"]);
    expect(result.checks.filter((finding) => finding.id.startsWith("lookup.code."))).toHaveLength(1);
  });

  it("a reference code spelled as words is offered through search", () => {
    const result = run("account selection required");
    expect(result.codes.find((code) => code.code === "account_selection_required")).toMatchObject({ known: true, via: "search", url: "/codes/account_selection_required" });
    expect(result.ok).toBe(true);
  });

  it("honours limit and links causes as search does", () => {
    const input = "invalid_grant: PKCE verification failed, code_verifier does not match";
    const result = run(input, 2);
    expect(result.entries.length).toBeLessThanOrEqual(2);
    expect(result.entries.map((entry) => entry.url)).toEqual(searchedEntries(input, 2));
    for (const entry of result.entries) {
      if (entry.cause) expect(entry.url).toBe(`/troubleshooting/${entry.slug}#${entry.slug}--${entry.cause.id}`);
    }
  });
});

describe("the rules on hand-built data", () => {
  const entry = (slug: string, codes: string[], match: "exact" | "close" | "words") => ({ slug, title: slug, area: "oauth-flow", codes, url: `/troubleshooting/${slug}`, score: 0.5, match });
  const known = { code: "access_denied", known: true, via: "input" as const, url: "/codes/access_denied", definitions: [] };

  it("checkEntries: pass, warn (only words for a named code), warn (reference only), fail (nothing)", () => {
    expect(lookup.checkEntries([entry("a", ["access_denied"], "exact")], [known])).toMatchObject({ status: "pass", entry: "/troubleshooting/a" });
    expect(lookup.checkEntries([entry("b", [], "words")], [known])).toMatchObject({ status: "warn", entry: "/troubleshooting/b" });
    expect(lookup.checkEntries([entry("b", [], "words")], [])).toMatchObject({ status: "pass" });
    expect(lookup.checkEntries([], [known])).toMatchObject({ status: "warn" });
    expect(lookup.checkEntries([], [{ ...known, known: false }])).toMatchObject({ status: "fail" });
  });

  it("orderDefinitions: status and WWW-Authenticate pick the place, file order breaks ties", () => {
    const at = (returned_at: CodeDefinition["returned_at"], http: number | null): CodeDefinition => ({ id: `x_y@${returned_at}`, code: "x_y", source: "iana", meaning: "m".repeat(20), returned_at, http });
    const definitions = [at("authorization-response", null), at("token-endpoint", 400), at("resource", 401)];
    const order = (text: string) => lookup.orderDefinitions(definitions, parseInput(text)).map((definition) => definition.returned_at);
    expect(order('{"error":"x_y"}')).toEqual(["authorization-response", "token-endpoint", "resource"]);
    expect(order('HTTP/1.1 400 Bad Request {"error":"x_y"}')).toEqual(["token-endpoint", "authorization-response", "resource"]);
    expect(order('WWW-Authenticate: Bearer error="x_y"')).toEqual(["resource", "authorization-response", "token-endpoint"]);
  });
});

describe("input and run", () => {
  it("refuses empty, blank, oversized input and bad limits with invalid_request", () => {
    const cases: unknown[] = [{}, { input: "" }, { input: "   \n " }, { input: "x".repeat(lookup.maxLookupInputLength + 1) }, { input: "x", limit: 0 }, { input: "x", limit: "21" }, { input: "x", limit: "abc" }, { input: "x", other: 1 }, { input: ["a", "b"] }];
    for (const source of cases) {
      const parsed = lookup.parseErrorLookupInput(source);
      expect(parsed.ok, JSON.stringify(source).slice(0, 60)).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatchObject({ error: "invalid_request", message: expect.stringContaining("error-lookup:") });
    }
  });

  it("accepts the limit as a number or as query-string text, and trims the input", () => {
    expect(lookup.parseErrorLookupInput(new URLSearchParams({ input: "  invalid_client \n", limit: "3" }))).toEqual({ ok: true, input: { input: "invalid_client", limit: 3 } });
    expect(lookup.parseErrorLookupInput({ input: "x".repeat(lookup.maxLookupInputLength), limit: 20 }).ok).toBe(true);
  });

  it("is registered and fetches nothing", async () => {
    const prepared = findRunnableDiagnostic("error-lookup")?.prepare({ input: "invalid_client" });
    expect(prepared?.ok).toBe(true);
    if (!prepared?.ok) return;
    expect(prepared.prepared.target).toBeNull();
    const fetch = vi.fn();
    const outcome = await prepared.prepared.run({ fetch, reference: async () => data });
    expect(fetch).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ ok: true, result: { tool: "error-lookup", ok: true } });
  });

  it("answers 503 when the reference data is missing or cannot be loaded", async () => {
    const fetch = vi.fn();
    for (const reference of [undefined, () => Promise.reject(new Error("catalogue unreadable"))]) {
      const outcome = await lookup.runErrorLookup({ input: "invalid_client" }, { fetch, ...(reference ? { reference } : {}) });
      expect(outcome).toMatchObject({ ok: false, status: 503, error: { error: "temporarily_unavailable" } });
    }
  });

  it("reads a paste longer than search takes in full, and says search ranked only its start", () => {
    const tail = '\n{"error":"invalid_grant"}';
    const input = `${"log line with nothing in it\n".repeat(400)}${tail}`;
    expect(input.length).toBeGreaterThan(data.index.options.maxQueryLength);
    const result = run(input);
    expect(result.parsed.codes).toContain("invalid_grant");
    expect(check(result.checks, "lookup.parsed")?.message).toContain("Search ranked the first 10,000 characters");
  });
});
