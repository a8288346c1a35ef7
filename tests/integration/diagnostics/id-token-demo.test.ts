// "Get a token" end to end against the mock IdP on loopback: the helper builds the sign-in for
// logi_demo_inspector (redirect_uri: the registered path /tools/id-token on the IdP's own
// origin), the login form is submitted as a browser would, the code is redeemed the way the
// page will (same origin), and the inspector checks the token with the issuer's own keys.
import { findMockIdpScenario } from "@/lib/mock-idp/scenarios";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Finding } from "@/lib/diagnostics/findings";
import { inspectIdToken } from "@/lib/diagnostics/id-token";
import { buildDemoSignIn, parseDemoCallback, redeemDemoCode, type DemoFetch, type DemoSignIn } from "@/lib/diagnostics/id-token-demo";
import type { MockIdpScenarioName } from "@/lib/mock-idp/scenarios";
import { signIn, startMockIdp, type MockIdpServer } from "../mock-idp/harness";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;

beforeAll(async () => {
  server = await startMockIdp();
});
afterAll(() => server.close());

/** The page's own fetch: same origin, so the browser adds these headers and no preflight happens. */
const sameOriginFetch: DemoFetch = (url, init) => fetch(url, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), origin: server.origin, "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors" } });

async function getToken(scenario: MockIdpScenarioName | null): Promise<{ signIn: DemoSignIn; idToken: string }> {
  const demo = await buildDemoSignIn(server.origin, scenario);
  const callback = await signIn(server, demo.authorizeUrl);
  expect(`${callback.origin}${callback.pathname}`).toBe(`${server.origin}/tools/id-token`);
  const parsed = parseDemoCallback(callback, demo.state);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const redeemed = await redeemDemoCode(demo.tokenEndpoint, parsed.code, demo.verifier, demo.redirectUri, sameOriginFetch);
  if (!redeemed.ok) throw new Error(redeemed.error.message);
  return { signIn: demo, idToken: redeemed.idToken };
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.json();
}

/** What the widget will do: discovery and keys for the issuer, then the checks in the page. */
async function inspect(scenario: MockIdpScenarioName | null) {
  const { signIn: demo, idToken } = await getToken(scenario);
  const metadata = await getJson(`${demo.issuer}/.well-known/openid-configuration`);
  const jwks = await getJson(String(metadata.jwks_uri));
  const keys = Array.isArray(jwks.keys) ? jwks.keys : [];
  return inspectIdToken({ token: idToken, issuer: demo.issuer, client_id: demo.clientId, nonce: demo.nonce }, { jwks: { keys }, metadata, now: Date.now() });
}

function check(checks: readonly Finding[], id: string): Finding | undefined {
  return checks.find((candidate) => candidate.id === id);
}

describe("get a token", () => {
  it("the healthy issuer's token passes every check", async () => {
    const result = await inspect(null);
    expect(result.checks.filter((finding) => finding.status !== "pass")).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.claims).toMatchObject({ aud: "logi_demo_inspector", azp: "logi_demo_inspector", iss: server.issuer });
  });

  it("rotated-key: the kid is not in the key set", async () => {
    const result = await inspect("rotated-key");
    // The header the scenario list announces (the JWKS widget's picker fills it in) is the real one.
    const announced = findMockIdpScenario("rotated-key");
    expect(announced && "tokenHeader" in announced ? announced.tokenHeader : null).toEqual(result.header);
    expect(check(result.checks, "token.kid")).toMatchObject({ status: "fail", entry: "/troubleshooting/jwks-key-rotation#jwks-key-rotation--no-refetch-on-unknown-kid" });
    expect(check(result.checks, "token.signature")?.status).toBe("skip");
  });

  it("wrong-issuer: iss is not the scenario's URL, and discovery declares the same wrong value", async () => {
    const result = await inspect("wrong-issuer");
    expect(check(result.checks, "claims.iss")).toMatchObject({ status: "fail", entry: "/troubleshooting/iss-mismatch#iss-mismatch--discovery-declares-other-issuer" });
    expect(check(result.checks, "token.signature")?.status).toBe("pass");
  });

  it("trailing-slash-issuer: the trailing-slash message", async () => {
    const finding = check((await inspect("trailing-slash-issuer")).checks, "claims.iss");
    expect(finding).toMatchObject({ status: "fail", entry: "/troubleshooting/iss-mismatch#iss-mismatch--trailing-slash" });
    expect(finding?.message).toContain("differ only by a trailing slash");
  });

  it("the code is single-use: a second exchange is an error result, not a throw", async () => {
    const demo = await buildDemoSignIn(server.origin, null);
    const parsed = parseDemoCallback(await signIn(server, demo.authorizeUrl), demo.state);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect((await redeemDemoCode(demo.tokenEndpoint, parsed.code, demo.verifier, demo.redirectUri, sameOriginFetch)).ok).toBe(true);
    expect(await redeemDemoCode(demo.tokenEndpoint, parsed.code, demo.verifier, demo.redirectUri, sameOriginFetch)).toMatchObject({ ok: false, error: { error: "invalid_grant" } });
  });

  it("a callback with another state is refused", async () => {
    const demo = await buildDemoSignIn(server.origin, null);
    const callback = await signIn(server, demo.authorizeUrl);
    expect(parseDemoCallback(callback, "another-state")).toMatchObject({ ok: false, error: { error: "state_mismatch" } });
  });
});

describe("the registered path /tools/id-token", () => {
  function authorizeWith(redirectUri: string): Promise<Response> {
    const url = new URL(`${server.issuer}/oauth/authorize`);
    const params = { response_type: "code", client_id: "logi_demo_inspector", redirect_uri: redirectUri, scope: "openid", state: "s", code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", code_challenge_method: "S256" };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return fetch(url, { redirect: "manual" });
  }

  it("matches on the IdP's own origin", async () => {
    const response = await authorizeWith(`${server.origin}/tools/id-token`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/mock-idp/login?");
  });

  it("does not match the same path on another host", async () => {
    expect((await authorizeWith("https://evil.example/tools/id-token")).status).toBe(400);
  });

  it("stays an exact match after resolution: a trailing slash is a near miss", async () => {
    const response = await authorizeWith(`${server.origin}/tools/id-token/`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("redirect_uri_mismatch");
  });
});
