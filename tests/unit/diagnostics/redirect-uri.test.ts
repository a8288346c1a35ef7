import { describe, expect, it } from "vitest";
import type { DiagnosticFetch, DiagnosticRequest, FetchedResponse } from "@/lib/diagnostics/fetcher";
import { compareRedirectUri, matchRedirectUri, toRedirectUriAnswer, type RedirectUriDifferenceKind } from "@/lib/diagnostics/redirect-uri-match";
import {
  buildAuthorizeRequestUrl,
  checkRedirectUriOffline,
  classifyPreflightResponse,
  demoPkce,
  parseRedirectUriInput,
  runRedirectUriCheck,
  type OfflineRedirectUriResult,
} from "@/lib/diagnostics/redirect-uri";

const registered = ["http://localhost:3000/auth/callback", "https://app.example.com/auth/1pass/callback"];

function offline(redirectUri: string, list: string[] = registered): OfflineRedirectUriResult {
  return checkRedirectUriOffline({ registered: list, redirect_uri: redirectUri });
}

function kinds(result: OfflineRedirectUriResult): RedirectUriDifferenceKind[] {
  return result.differences.map((difference) => difference.kind);
}

describe("exact match", () => {
  it("only a character-for-character match is registered, with no error answer", () => {
    const result = offline("https://app.example.com/auth/1pass/callback");
    expect(result).toMatchObject({ tool: "redirect-uri", ok: true, verdict: "registered", differences: [], answer: { status: null, error: null, description: null } });
    expect(result.closest).toBeUndefined();
    expect(result.checks.find((check) => check.id === "redirect-uri.match")).toMatchObject({ status: "pass", message: expect.stringContaining("registered URI #2") });
  });
});

describe("one near miss per kind of difference (302 redirect_uri_mismatch)", () => {
  const cases: Array<[RedirectUriDifferenceKind, string, string, string | undefined, RegExp]> = [
    ["scheme", "https://localhost:3000/auth/callback", "http://localhost:3000/auth/callback", "redirect-uri-mismatch--scheme-or-port", /https:\/\/ where http:\/\//],
    ["host", "https://www.app.example.com/auth/1pass/callback", "https://app.example.com/auth/1pass/callback", "redirect-uri-mismatch--different-host", /www\./],
    ["port", "http://localhost:3001/auth/callback", "http://localhost:3000/auth/callback", "redirect-uri-mismatch--scheme-or-port", /port is 3001, registered 3000/],
    ["trailing_slash", "http://localhost:3000/auth/callback/", "http://localhost:3000/auth/callback", "redirect-uri-mismatch--trailing-slash", /adds a trailing slash/],
    ["query", "http://localhost:3000/auth/callback?env=prod", "http://localhost:3000/auth/callback", "redirect-uri-mismatch--query-string", /\?env=prod; logi never registers/],
    ["fragment", "http://localhost:3000/auth/callback#done", "http://localhost:3000/auth/callback", "redirect-uri-mismatch--fragment", /fragment #done/],
    ["encoding", "http://localhost:3000/auth%2Fcallback", "http://localhost:3000/auth/callback", "redirect-uri-mismatch--percent-encoding", /percent-encoded differently \(\/auth%2Fcallback vs \/auth\/callback\)/],
    ["case", "http://localhost:3000/Auth/Callback", "http://localhost:3000/auth/callback", "redirect-uri-mismatch--letter-case", /letter case differs in the path/],
  ];
  it.each(cases)("%s: %s", (kind, requested, closest, cause, detail) => {
    const result = offline(requested);
    expect(result.verdict).toBe("redirect_uri_mismatch");
    expect(result.ok).toBe(false);
    expect(result.closest).toBe(closest);
    expect(kinds(result)).toEqual([kind]);
    expect(result.differences[0]?.detail).toMatch(detail);
    expect(result.answer).toMatchObject({ status: 302, error: "redirect_uri_mismatch", description: expect.stringContaining(closest) });
    const differenceFinding = result.checks.find((check) => check.id === `redirect-uri.difference.${kind}`);
    expect(differenceFinding?.status).toBe("fail");
    expect(differenceFinding?.entry).toBe(cause === undefined ? undefined : `/troubleshooting/${cause.split("--")[0]}#${cause}`);
    expect(result.checks.find((check) => check.id === "redirect-uri.match")).toMatchObject({ status: "fail", entry: expect.stringMatching(/^\/troubleshooting\/redirect-uri-mismatch#/) });
  });

  it("names the parts on each side", () => {
    expect(offline("https://localhost:3000/auth/callback").differences[0]).toEqual({ kind: "scheme", registered: "http", requested: "https", detail: expect.any(String) });
    expect(offline("http://localhost:3000/auth/callback?env=prod").differences[0]).toMatchObject({ kind: "query", requested: "?env=prod" });
    expect(offline("http://localhost:3000/auth/callback?env=prod").differences[0]?.registered).toBeUndefined();
  });

  it("encoding covers %7E vs ~, a lower-case escape, and a redirect_uri encoded twice", () => {
    const tilde = ["https://app.example.com/~user/callback"];
    expect(kinds(offline("https://app.example.com/%7Euser/callback", tilde))).toEqual(["encoding"]);
    expect(kinds(offline("http://localhost:3000/auth%2fcallback"))).toEqual(["encoding"]);
    const twice = offline("http%3A%2F%2Flocalhost%3A3000%2Fauth%2Fcallback");
    expect(twice.verdict).toBe("redirect_uri_mismatch");
    expect(twice.differences[0]?.detail).toMatch(/encoded once too often/);
  });

  it("case covers the scheme and host as written, before any URL parser lower-cases them", () => {
    const result = offline("HTTP://LOCALHOST:3000/auth/callback");
    expect(kinds(result)).toEqual(["case"]);
    expect(result.differences[0]?.detail).toMatch(/scheme and host/);
  });

  it("port covers a default port written out", () => {
    expect(offline("https://app.example.com:443/auth/1pass/callback").differences).toEqual([expect.objectContaining({ kind: "port", requested: "443", detail: expect.stringMatching(/default port :443/) })]);
  });

  it("several near differences stay one near miss, listed in URI order", () => {
    expect(kinds(offline("https://localhost:3000/auth/callback/?x=1"))).toEqual(["scheme", "trailing_slash", "query"]);
  });
});

describe("not registered (400 invalid_request: redirect_uri not registered)", () => {
  const cases: Array<[string, string, string[], string | null, RedirectUriDifferenceKind[], string]> = [
    ["a renamed callback path", "http://localhost:3000/auth/logi/callback", registered, "http://localhost:3000/auth/callback", ["path"], "redirect-uri-not-registered--callback-path-renamed"],
    ["a sibling staging host", "https://staging.example.com/auth/1pass/callback", registered, "https://app.example.com/auth/1pass/callback", ["host"], "redirect-uri-not-registered--new-environment-domain"],
    ["a PR preview host under a registered host", "https://pr-12.app.example.com/auth/1pass/callback", registered, "https://app.example.com/auth/1pass/callback", ["host"], "redirect-uri-not-registered--branch-preview-url"],
    ["a branch host a registered * would cover", "https://my-branch.preview.example.com/cb", ["https://*.preview.example.com/cb"], "https://*.preview.example.com/cb", ["host"], "redirect-uri-not-registered--branch-preview-url"],
    ["a Vercel branch preview", "https://my-app-git-feature-x.vercel.app/cb", ["https://my-app.vercel.app/cb"], "https://my-app.vercel.app/cb", ["host"], "redirect-uri-not-registered--branch-preview-url"],
    ["an unrelated domain", "https://evil.example.net/auth/callback", registered, null, [], "redirect-uri-not-registered--new-environment-domain"],
    ["a web callback for a mobile-only client", "https://app.example.dev/auth/1pass/callback", ["app://oauth/1pass/callback"], null, [], "web-surface-redirect-uri-missing--web-callback-not-in-whitelist"],
  ];
  it.each(cases)("%s", (_name, requested, list, closest, differenceKinds, cause) => {
    const result = offline(requested, list);
    expect(result.verdict).toBe("not_registered");
    expect(result.answer).toEqual({ status: 400, error: "invalid_request", description: "redirect_uri not registered" });
    expect(result.closest ?? null).toBe(closest);
    expect(kinds(result)).toEqual(differenceKinds);
    expect(result.checks.find((check) => check.id === "redirect-uri.match")).toMatchObject({ status: "fail", entry: `/troubleshooting/${cause.split("--")[0]}#${cause}` });
    // The closest URI's differences explain, but are not the reason: warn, not fail.
    expect(result.checks.filter((check) => check.id.startsWith("redirect-uri.difference.")).every((check) => check.status === "warn")).toBe(true);
  });

  it("host differences carry a detail saying which kind of host", () => {
    expect(offline("https://pr-12.app.example.com/auth/1pass/callback").differences[0]?.detail).toMatch(/preview or branch host/);
    expect(offline("https://staging.example.com/auth/1pass/callback").differences[0]?.detail).toMatch(/staging or preview/);
    expect(offline("https://my-branch.preview.example.com/cb", ["https://*.preview.example.com/cb"]).differences[0]?.detail).toMatch(/contains \*/);
  });
});

describe("the 302-vs-400 rule, shared with the mock IdP", () => {
  it("a www. prefix is a near miss (302), any other host change is not registered (400)", () => {
    const answer = (uri: string) => toRedirectUriAnswer(uri, matchRedirectUri(uri, registered)).status;
    expect(answer("https://www.app.example.com/auth/1pass/callback")).toBe(302);
    expect(answer("https://staging.example.com/auth/1pass/callback")).toBe(400);
    expect(answer("https://pr-12.app.example.com/auth/1pass/callback")).toBe(400);
    expect(answer("https://app.example.com/auth/1pass/callback")).toBeNull();
  });

  it("a near difference does not rescue a far one: preview host + trailing slash is still 400", () => {
    const result = offline("https://pr-12.app.example.com/auth/1pass/callback/");
    expect(result.verdict).toBe("not_registered");
    expect(kinds(result)).toEqual(["host", "trailing_slash"]);
  });

  it("the closest candidate wins among several near misses", () => {
    const result = offline("http://localhost:3000/auth/callback/", ["https://localhost:3000/auth/callback/x", "https://localhost:3000/auth/callback", "http://localhost:3000/auth/callback"]);
    expect(result.closest).toBe("http://localhost:3000/auth/callback");
  });

  it("the registered-query rule is a policy: allowed registries compare queries without the logi note", () => {
    const logi = compareRedirectUri("https://a.example.com/cb?x=1", "https://a.example.com/cb");
    const allowed = compareRedirectUri("https://a.example.com/cb?x=1", "https://a.example.com/cb", { registeredQuery: "allowed" });
    expect(logi?.[0]?.detail).toMatch(/logi never registers/);
    expect(allowed?.[0]?.detail).not.toMatch(/logi/);
    expect(compareRedirectUri("https://a.example.com/cb?x=2", "https://a.example.com/cb?x=1", { registeredQuery: "allowed" })?.[0]?.detail).toBe("the query string is ?x=2, registered ?x=1");
  });
});

describe("the other offline findings", () => {
  it("warns about registrations logi would not hold (query, fragment, *)", () => {
    const result = offline("https://a.example.com/cb", ["https://a.example.com/cb?x=1", "https://*.example.com/cb"]);
    expect(result.checks.find((check) => check.id === "redirect-uri.registered")).toMatchObject({ status: "warn", message: expect.stringMatching(/query string.*literal character/s) });
  });

  it("warns about plain http outside localhost and fails a value that is no URI", () => {
    expect(offline("http://app.example.com/cb", ["http://app.example.com/cb"]).checks.find((check) => check.id === "redirect-uri.scheme")).toMatchObject({ status: "warn" });
    expect(offline("not a uri").checks.find((check) => check.id === "redirect-uri.scheme")).toMatchObject({ status: "fail" });
  });
});

describe("parseRedirectUriInput", () => {
  it("reads the offline and the live shape", () => {
    expect(parseRedirectUriInput({ registered: ["https://a.example.com/cb"], redirect_uri: " https://a.example.com/cb " })).toEqual({ ok: true, input: { registered: ["https://a.example.com/cb"], redirect_uri: "https://a.example.com/cb" } });
    expect(parseRedirectUriInput({ registered: "https://a.example.com/cb", redirect_uri: "x" })).toMatchObject({ ok: true, input: { registered: ["https://a.example.com/cb"] } });
    expect(parseRedirectUriInput({ issuer: "https://idp.example.com", client_id: "logi_x", redirect_uri: "https://a.example.com/cb" })).toMatchObject({ ok: true });
  });

  it.each([
    [{}, /either registered/],
    [{ redirect_uri: "https://a.example.com/cb" }, /either registered/],
    [{ registered: [], redirect_uri: "https://a.example.com/cb" }, /registered: is empty/],
    [{ registered: Array.from({ length: 51 }, (_, index) => `https://a.example.com/${index}`), redirect_uri: "https://a.example.com/cb" }, /more than 50/],
    [{ registered: ["not a uri"], redirect_uri: "https://a.example.com/cb" }, /registered\[0\]|registered\.0/],
    [{ registered: ["https://a.example.com/cb"] }, /redirect_uri/],
    [{ issuer: "https://idp.example.com", redirect_uri: "https://a.example.com/cb" }, /client_id/],
    [{ issuer: "https://idp.example.com", client_id: "x", redirect_uri: "https://a.example.com/cb", registered: ["https://a.example.com/cb"] }, /Unrecognized key/],
    [{ registered: ["https://a.example.com/cb"], redirect_uri: "x".repeat(3000) }, /longer than 2048/],
  ])("refuses %o", (body, message) => {
    const parsed = parseRedirectUriInput(body);
    expect(parsed).toMatchObject({ ok: false, error: { error: "invalid_request", message: expect.stringMatching(message) } });
  });
});

function response(status: number, headers: Record<string, string> = {}, body = "", url = "https://idp.example.com/oauth/authorize?client_id=x"): FetchedResponse {
  return { url, status, headers: new Headers(headers), body, redirects: [], elapsedMs: 5 };
}

describe("classifyPreflightResponse", () => {
  const callback = "https://app.example.com/auth/callback";
  it("a 302 to the login screen is registered", () => {
    expect(classifyPreflightResponse(response(302, { location: "/login?request=abc" }), callback)).toMatchObject({ verdict: "registered", checks: [{ id: "redirect-uri.match", status: "pass" }] });
  });
  it("a 200 page (a login screen rendered in place) is registered", () => {
    expect(classifyPreflightResponse(response(200, { "content-type": "text/html" }, "<html>Sign in</html>"), callback).verdict).toBe("registered");
  });
  it("a redirect back to the callback is registered, even with an unrelated error", () => {
    const classified = classifyPreflightResponse(response(302, { location: `${callback}?error=invalid_scope&state=preflight` }), callback);
    expect(classified.verdict).toBe("registered");
    expect(classified.checks.find((check) => check.id === "redirect-uri.preflight")).toMatchObject({ status: "warn", message: expect.stringContaining("invalid_scope") });
  });
  it("error=redirect_uri_mismatch, or a redirect to the IdP's error page, is a near miss", () => {
    const named = classifyPreflightResponse(response(302, { location: "https://idp.example.com/error?error=redirect_uri_mismatch&registered=https%3A%2F%2Fapp.example.com%2Fauth%2Fcallback" }), `${callback}/`);
    expect(named).toMatchObject({ verdict: "redirect_uri_mismatch", registered: callback, answer: { status: 302, error: "redirect_uri_mismatch" } });
    expect(classifyPreflightResponse(response(303, { location: "/oauth/error" }), callback).verdict).toBe("redirect_uri_mismatch");
  });
  it("400 invalid_request redirect_uri not registered is not registered", () => {
    const classified = classifyPreflightResponse(response(400, { "content-type": "application/json" }, '{"error":"invalid_request","error_description":"redirect_uri not registered"}'), callback);
    expect(classified).toMatchObject({ verdict: "not_registered", answer: { status: 400, error: "invalid_request", description: "redirect_uri not registered" } });
  });
  it("anything else is a failing finding saying what was seen", () => {
    const unknownClient = classifyPreflightResponse(response(400, {}, '{"error":"invalid_request","error_description":"unknown client_id \\"x\\""}'), callback);
    expect(unknownClient).toMatchObject({ verdict: null, checks: [{ id: "redirect-uri.preflight", status: "fail", message: expect.stringContaining("unknown client_id") }] });
    expect(classifyPreflightResponse(response(500, {}, "oops"), callback)).toMatchObject({ verdict: null, checks: [{ status: "fail", message: expect.stringContaining("HTTP 500") }] });
    expect(classifyPreflightResponse(response(302, {}), callback)).toMatchObject({ verdict: null, checks: [{ status: "fail", message: expect.stringContaining("no Location") }] });
    expect(classifyPreflightResponse(response(302, { location: "https://idp.example.com/signin?error=access_denied" }), callback).verdict).toBeNull();
  });
});

describe("runRedirectUriCheck live (stub fetch)", () => {
  const issuer = "https://idp.example.com";
  function stub(authorize: FetchedResponse): { fetch: DiagnosticFetch; calls: Array<{ url: string; request?: DiagnosticRequest }> } {
    const calls: Array<{ url: string; request?: DiagnosticRequest }> = [];
    const fetch: DiagnosticFetch = async (url, request) => {
      calls.push({ url, request });
      if (url === `${issuer}/.well-known/openid-configuration`) return { ok: true, response: response(200, { "content-type": "application/json" }, JSON.stringify({ issuer, authorization_endpoint: `${issuer}/oauth/authorize` }), url) };
      return { ok: true, response: { ...authorize, url } };
    };
    return { fetch, calls };
  }

  it("sends the seed's preflight request, redirects not followed", async () => {
    const { fetch, calls } = stub(response(302, { location: "/login?request=x" }));
    const run = await runRedirectUriCheck({ issuer, client_id: "logi_x", redirect_uri: "https://app.example.com/cb" }, { fetch });
    expect(run.ok && run.result).toMatchObject({ ok: true, verdict: "registered", mode: "live", authorization_endpoint: `${issuer}/oauth/authorize`, observed: { status: 302, location: "/login?request=x" } });
    const preflight = calls[1];
    expect(preflight?.request?.followRedirects).toBe(false);
    expect(Object.fromEntries(new URL(preflight?.url ?? "").searchParams)).toEqual({
      client_id: "logi_x",
      redirect_uri: "https://app.example.com/cb",
      response_type: "code",
      scope: "openid",
      state: "preflight",
      code_challenge: demoPkce.challenge,
      code_challenge_method: "S256",
    });
  });

  it("recomputes the differences when the IdP's error page names the registered URI", async () => {
    const { fetch } = stub(response(302, { location: `${issuer}/error?error=redirect_uri_mismatch&registered=${encodeURIComponent("https://app.example.com/cb")}` }));
    const run = await runRedirectUriCheck({ issuer, client_id: "logi_x", redirect_uri: "https://app.example.com/cb/" }, { fetch });
    expect(run.ok && run.result).toMatchObject({ ok: false, verdict: "redirect_uri_mismatch", closest: "https://app.example.com/cb", differences: [{ kind: "trailing_slash" }] });
  });

  it("reports unreachable discovery as a finding, and refuses blocked targets as a 4xx", async () => {
    const down: DiagnosticFetch = async (url) => ({ ok: false, error: { code: "connect", message: "refused", url } });
    const run = await runRedirectUriCheck({ issuer, client_id: "x", redirect_uri: "https://a.example.com/cb" }, { fetch: down });
    expect(run.ok && run.result).toMatchObject({ ok: false, reachable: false, verdict: null, checks: [{ id: "redirect-uri.discovery", status: "fail" }] });
    const blocked: DiagnosticFetch = async (url) => ({ ok: false, error: { code: "blocked_address", message: "loopback", url } });
    expect(await runRedirectUriCheck({ issuer, client_id: "x", redirect_uri: "https://a.example.com/cb" }, { fetch: blocked })).toMatchObject({ ok: false, status: 403 });
  });

  it("builds the authorize URL with the provider only when one is given", () => {
    expect(buildAuthorizeRequestUrl(`${issuer}/oauth/authorize`, { client_id: "c", redirect_uri: "https://a.example.com/cb", state: "s" })).not.toContain("provider=");
    expect(buildAuthorizeRequestUrl(`${issuer}/oauth/authorize`, { client_id: "c", redirect_uri: "https://a.example.com/cb", state: "s", provider: "google" })).toContain("&provider=google");
  });
});
