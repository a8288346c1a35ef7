// Token endpoint negative cases: exact status and body for each.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startMockIdp, type MockIdpServer } from "./harness";
import { basic, getCode, postForm, redeem, webClient } from "./helpers";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;
let tokenUrl: string;

beforeAll(async () => {
  server = await startMockIdp();
  tokenUrl = `${server.issuer}/oauth/token`;
});
afterAll(() => server.close());

describe("client authentication", () => {
  it("wrong secret → 401 invalid_client with WWW-Authenticate: Basic", async () => {
    const { code, verifier } = await getCode(server);
    const response = await postForm(tokenUrl, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: webClient.redirectUri }, { authorization: basic(webClient.id, "wrong-secret") });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm="mock-idp"/);
    expect(await response.json()).toEqual({ error: "invalid_client", error_description: "client authentication failed" });
  });

  it("wrong secret via client_secret_post → 401 invalid_client", async () => {
    const response = await postForm(tokenUrl, { grant_type: "authorization_code", code: "x", client_id: webClient.id, client_secret: "nope" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "invalid_client", error_description: "client authentication failed" });
  });

  // Regression: a 401 for body authentication had no challenge (RFC 9110 §15.5.2 wants one on every 401).
  it.each([
    ["a wrong client_secret", { client_id: webClient.id, client_secret: "nope" }, "client authentication failed"],
    ["an unknown client_id", { client_id: "logi_nobody" }, "unknown client"],
    ["no client at all", {}, "client authentication required: send client_id (and client_secret for a confidential client)"],
  ])("body authentication with %s → 401 with a Basic challenge naming the error", async (_label, form, description) => {
    const response = await postForm(tokenUrl, { grant_type: "authorization_code", code: "x", ...form });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(`Basic realm="mock-idp", charset="UTF-8", error="invalid_client", error_description="${description}"`);
  });

  it("confidential client without a secret → 401 invalid_client", async () => {
    const response = await postForm(tokenUrl, { grant_type: "authorization_code", code: "dummy", client_id: webClient.id, redirect_uri: webClient.redirectUri, code_verifier: "dummy" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "invalid_client" });
  });

  it("public client with a dummy code → invalid_grant (the code), not invalid_client", async () => {
    const response = await postForm(tokenUrl, { grant_type: "authorization_code", code: "dummy", client_id: "logi_demo_spa", redirect_uri: "http://localhost:5173/callback", code_verifier: "dummy" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_grant", error_description: "authorization code is invalid" });
  });

  it("unknown client → 401 invalid_client", async () => {
    const response = await postForm(tokenUrl, { grant_type: "authorization_code", code: "x" }, { authorization: basic("logi_nobody", "secret") });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "invalid_client", error_description: "unknown client" });
  });

  it("Basic and client_secret_post together → 400 invalid_request", async () => {
    const response = await postForm(tokenUrl, { grant_type: "authorization_code", code: "x", client_id: webClient.id, client_secret: webClient.secret }, { authorization: basic(webClient.id, webClient.secret) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: "client authenticated with both client_secret_basic and client_secret_post; use exactly one method" });
  });

  it.each([["Basic !!!notbase64"], ["Basic " + Buffer.from("no-colon-here").toString("base64")], ["Basic " + Buffer.from(":secret").toString("base64")], ["Basic " + Buffer.from("%E0%A4%A:x").toString("base64")], ["Basic"]])(
    "malformed Basic credentials (%s) → 401 invalid_client with WWW-Authenticate: Basic",
    async (header) => {
      const response = await postForm(tokenUrl, { grant_type: "authorization_code", code: "x" }, { authorization: header });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Basic /);
      expect(await response.json()).toMatchObject({ error: "invalid_client" });
    },
  );
});

describe("authorization codes", () => {
  it("a code works once; the second redemption → 400 invalid_grant", async () => {
    const { code, verifier } = await getCode(server);
    const first = await redeem(server, code, verifier);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const second = await redeem(server, code, verifier);
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual({ error: "invalid_grant", error_description: "authorization code was already used" });
  });

  it("concurrent redemptions: exactly one wins", async () => {
    const { code, verifier } = await getCode(server);
    const responses = await Promise.all(Array.from({ length: 8 }, () => redeem(server, code, verifier)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 400, 400, 400, 400, 400, 400, 400]);
    const bodies = await Promise.all(responses.filter((response) => response.status === 400).map((response) => response.json()));
    for (const body of bodies) expect(body).toEqual({ error: "invalid_grant", error_description: "authorization code was already used" });
  });

  it("a second redemption also revokes what the first one got (RFC 6749 §4.1.2)", async () => {
    const { code, verifier } = await getCode(server);
    const tokens: { access_token: string; refresh_token: string } = await (await redeem(server, code, verifier)).json();
    const userinfo = () => fetch(`${server.issuer}/oauth/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect((await userinfo()).status).toBe(200);

    expect((await redeem(server, code, verifier)).status).toBe(400);

    const revoked = await userinfo();
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toContain('error="invalid_token"');
    const refresh = await postForm(tokenUrl, { grant_type: "refresh_token", refresh_token: tokens.refresh_token }, { authorization: basic(webClient.id, webClient.secret) });
    expect(refresh.status).toBe(400);
    expect(await refresh.json()).toEqual({ error: "invalid_grant", error_description: "refresh token was revoked: a token of its grant was reused, so the whole grant was revoked; sign in again" });
  });

  it("a code older than 10 minutes → 400 invalid_grant", async () => {
    const { code, verifier } = await getCode(server);
    server.advance(10 * 60 * 1000 + 1000);
    const response = await redeem(server, code, verifier);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_grant", error_description: "authorization code expired (codes live 10 minutes)" });
  });

  it("a code just under 10 minutes old still works", async () => {
    const { code, verifier } = await getCode(server);
    server.advance(9 * 60 * 1000);
    expect((await redeem(server, code, verifier)).status).toBe(200);
  });

  it("PKCE mismatch → 400 invalid_grant", async () => {
    const { code } = await getCode(server);
    const response = await redeem(server, code, "a".repeat(43));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_grant", error_description: "PKCE verification failed: code_verifier does not match code_challenge" });
  });

  it.each([["short", "x".repeat(42)], ["long", "x".repeat(129)], ["bad characters", `${"x".repeat(42)}!`]])("a %s code_verifier → 400 invalid_grant", async (_kind, verifier) => {
    const { code } = await getCode(server);
    const response = await redeem(server, code, verifier);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_grant", error_description: expect.stringContaining("43–128") });
  });

  it("missing code_verifier → 400 invalid_request", async () => {
    const { code } = await getCode(server);
    const response = await postForm(tokenUrl, { grant_type: "authorization_code", code, redirect_uri: webClient.redirectUri }, { authorization: basic(webClient.id, webClient.secret) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: "code_verifier is required (PKCE)" });
  });

  it("a different redirect_uri at the token endpoint → 400 invalid_grant", async () => {
    const { code, verifier } = await getCode(server);
    const response = await postForm(tokenUrl, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: "https://app.example.com/auth/1pass/callback" }, { authorization: basic(webClient.id, webClient.secret) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_grant", error_description: "redirect_uri differs from the one in the authorization request" });
  });

  it("a code issued to another client → 400 invalid_grant", async () => {
    const { code, verifier } = await getCode(server);
    const response = await postForm(tokenUrl, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: webClient.redirectUri }, { authorization: basic("logi_demo_google_only", "demo-google-secret") });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_grant", error_description: "authorization code was issued to another client" });
  });
});

describe("malformed token requests are 4xx, never 500", () => {
  const auth = () => ({ authorization: basic(webClient.id, webClient.secret) });

  it("JSON body → 400 invalid_request", async () => {
    const response = await fetch(tokenUrl, { method: "POST", headers: { "content-type": "application/json", ...auth() }, body: JSON.stringify({ grant_type: "authorization_code" }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: "the request body must be application/x-www-form-urlencoded" });
  });

  it("duplicated parameter → 400 invalid_request", async () => {
    const response = await postForm(tokenUrl, "grant_type=authorization_code&code=a&code=b", auth());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: "parameter code is included more than once" });
  });

  it("missing grant_type → 400 invalid_request; unknown grant_type → unsupported_grant_type", async () => {
    const missing = await postForm(tokenUrl, { code: "a" }, auth());
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "invalid_request", error_description: "grant_type is required" });
    const unknown = await postForm(tokenUrl, { grant_type: "password" }, auth());
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: "unsupported_grant_type", error_description: "grant_type password is not supported" });
  });

  it("a grant the client is not registered for → 400 unauthorized_client", async () => {
    const response = await postForm(tokenUrl, { grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: "x" }, auth());
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "unauthorized_client" });
  });

  it("oversized body → 413 invalid_request", async () => {
    const response = await postForm(tokenUrl, { grant_type: "authorization_code", code: "x".repeat(20_000) }, auth());
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });

  it("garbage code, refresh and wrong-kind tokens → 400 invalid_grant", async () => {
    const { code } = await getCode(server);
    const response = await postForm(tokenUrl, { grant_type: "refresh_token", refresh_token: code }, auth());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_grant", error_description: "refresh token is invalid" });
  });

  it("GET on the token endpoint → 405 with Allow", async () => {
    const response = await fetch(tokenUrl);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});

describe("refresh token rotation", () => {
  async function refresh(refreshToken: string): Promise<Response> {
    return postForm(tokenUrl, { grant_type: "refresh_token", refresh_token: refreshToken }, { authorization: basic(webClient.id, webClient.secret) });
  }

  it("each refresh rotates; replaying a rotated-away token revokes the whole grant (Security BCP §4.14)", async () => {
    const { code, verifier } = await getCode(server);
    const first: { refresh_token: string } = await (await redeem(server, code, verifier)).json();
    const rotated = await refresh(first.refresh_token);
    expect(rotated.status).toBe(200);
    const second: { access_token: string; refresh_token: string } = await rotated.json();
    expect(second.refresh_token).not.toBe(first.refresh_token);

    const replay = await refresh(first.refresh_token);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({ error: "invalid_grant", error_description: "refresh token was already used (refresh tokens rotate on every use)" });

    // The legitimate holder's newer tokens stop working too.
    expect((await refresh(second.refresh_token)).status).toBe(400);
    const userinfo = await fetch(`${server.issuer}/oauth/userinfo`, { headers: { authorization: `Bearer ${second.access_token}` } });
    expect(userinfo.status).toBe(401);
  });

  it("other grants of the same user and client are untouched", async () => {
    const a = await getCode(server);
    const b = await getCode(server);
    const tokensA: { refresh_token: string } = await (await redeem(server, a.code, a.verifier)).json();
    const tokensB: { refresh_token: string } = await (await redeem(server, b.code, b.verifier)).json();
    expect((await refresh(tokensA.refresh_token)).status).toBe(200);
    expect((await refresh(tokensA.refresh_token)).status).toBe(400);
    expect((await refresh(tokensB.refresh_token)).status).toBe(200);
  });
});

// RFC 6749 §5.1/§5.2: the token endpoint's answers, errors included, carry no-store and no-cache.
describe("error responses are never cached", () => {
  it.each([
    ["invalid_client", { grant_type: "authorization_code", code: "x", client_id: webClient.id, client_secret: "nope" }, {}, 401],
    ["invalid_request", { code: "x" }, { authorization: basic(webClient.id, webClient.secret) }, 400],
    ["invalid_grant", { grant_type: "authorization_code", code: "not-a-code", redirect_uri: webClient.redirectUri, code_verifier: "x".repeat(43) }, { authorization: basic(webClient.id, webClient.secret) }, 400],
    ["unsupported_grant_type", { grant_type: "password" }, { authorization: basic(webClient.id, webClient.secret) }, 400],
  ])("%s → Cache-Control: no-store and Pragma: no-cache", async (error, form, headers, status) => {
    const response = await postForm(tokenUrl, form, headers);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toBe(error);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("pragma")).toBe("no-cache");
  });
});
