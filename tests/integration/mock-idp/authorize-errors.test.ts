// Authorization endpoint and login screen negative cases.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startMockIdp, submitLogin, type MockIdpServer } from "./harness";
import { authorizeUrl, newVerifier } from "./helpers";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;
const { challenge } = newVerifier();

beforeAll(async () => {
  server = await startMockIdp();
});
afterAll(() => server.close());

async function authorize(params: Record<string, string | undefined>): Promise<Response> {
  return fetch(authorizeUrl(server, { code_challenge: challenge, ...params }), { redirect: "manual" });
}

describe("redirect_uri checking", () => {
  it("an exact match reaches the login screen", async () => {
    const response = await authorize({});
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(new RegExp(`^${server.origin}/mock-idp/login\\?request=`));
  });

  it.each([
    ["trailing slash", "http://localhost:3000/auth/callback/", "trailing-slash", "http://localhost:3000/auth/callback"],
    ["http vs https", "https://localhost:3000/auth/callback", "scheme", "http://localhost:3000/auth/callback"],
    ["https vs http", "http://app.example.com/auth/1pass/callback", "scheme", "https://app.example.com/auth/1pass/callback"],
    ["other subdomain", "https://www.app.example.com/auth/1pass/callback", "subdomain", "https://app.example.com/auth/1pass/callback"],
    ["added query", "http://localhost:3000/auth/callback?env=prod", "query", "http://localhost:3000/auth/callback"],
    ["other port", "http://localhost:3001/auth/callback", "port", "http://localhost:3000/auth/callback"],
    ["letter case", "http://localhost:3000/Auth/Callback", "letter-case", "http://localhost:3000/auth/callback"],
  ])("a near miss (%s) → 302 to the IdP's error page naming the difference", async (_kind, redirectUri, difference, registered) => {
    const response = await authorize({ redirect_uri: redirectUri });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe(`${server.origin}/mock-idp/error`);
    expect(location.searchParams.get("error")).toBe("redirect_uri_mismatch");
    expect(location.searchParams.get("difference")).toBe(difference);
    expect(location.searchParams.get("registered")).toBe(registered);
    expect(location.searchParams.get("redirect_uri")).toBe(redirectUri);
    expect(location.searchParams.get("error_description")).toContain(registered);
  });

  it.each([
    ["another domain", "https://evil.example.net/auth/callback"],
    ["a renamed path", "http://localhost:3000/auth/logi/callback"],
    ["an app scheme", "app://oauth/1pass/callback"],
    ["not a URL", "not a url"],
  ])("no candidate (%s) → 400 redirect_uri not registered, no redirect", async (_kind, redirectUri) => {
    const response = await authorize({ redirect_uri: redirectUri });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: "redirect_uri not registered" });
  });

  it("an unknown client never redirects to the given URI", async () => {
    const response = await authorize({ client_id: "logi_nobody", redirect_uri: "https://attacker.example/cb" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: 'unknown client_id "logi_nobody"' });
  });

  it("missing client_id or redirect_uri, or a duplicated parameter → 400 JSON, no redirect", async () => {
    for (const [params, description] of [
      [{ client_id: undefined }, "client_id is required"],
      [{ redirect_uri: undefined }, "redirect_uri is required"],
    ] as const) {
      const response = await authorize(params);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "invalid_request", error_description: description });
    }
    const duplicated = await fetch(`${authorizeUrl(server, { code_challenge: challenge })}&redirect_uri=https%3A%2F%2Fattacker.example%2Fcb`, { redirect: "manual" });
    expect(duplicated.status).toBe(400);
    expect(await duplicated.json()).toEqual({ error: "invalid_request", error_description: "parameter redirect_uri is included more than once" });
  });

  it("the device-only client cannot start an authorization code flow", async () => {
    const response = await authorize({ client_id: "logi_demo_device" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "unauthorized_client" });
  });
});

describe("errors returned to a trusted redirect_uri carry state and iss", () => {
  it.each([
    [{ response_type: "token" }, "unsupported_response_type"],
    [{ code_challenge: undefined }, "invalid_request"],
    [{ code_challenge_method: "plain" }, "invalid_request"],
    [{ code_challenge: "too-short" }, "invalid_request"],
    [{ scope: "openid admin" }, "invalid_scope"],
    [{ prompt: "none" }, "login_required"],
  ])("%o → %s", async (params, error) => {
    const response = await authorize(params);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe("http://localhost:3000/auth/callback");
    expect(location.searchParams.get("error")).toBe(error);
    expect(location.searchParams.get("state")).toBe("st-1");
    expect(location.searchParams.get("iss")).toBe(server.issuer);
  });
});

describe("login screen enforcement", () => {
  it("the console setting is enforced: Apple on the Google-only client → 403 access_denied", async () => {
    const response = await submitLogin(server, authorizeUrl(server, { client_id: "logi_demo_google_only", code_challenge: challenge }), { method: "apple" });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "access_denied", error_description: "login method apple is not enabled for Demo Google Workspace app" });
  });

  it("provider is visibility only: a hidden method still works when the console allows it", async () => {
    const response = await submitLogin(server, authorizeUrl(server, { provider: "google", code_challenge: challenge }), { method: "apple" });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("location") ?? "").searchParams.get("code")).toBeTruthy();
  });

  it("wrong email password → back to the login screen with an error", async () => {
    const response = await submitLogin(server, authorizeUrl(server, { code_challenge: challenge }), { method: "email", email: "demo@example.com", password: "nope" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/\/mock-idp\/login\?request=.*&error=invalid_credentials$/);
  });

  it("a tampered or missing request parameter → 400 invalid_request", async () => {
    const response = await fetch(`${server.origin}/mock-idp/login/submit`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ request: "a.b.c.d.e", method: "google" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });

  it("an authorization request older than 10 minutes cannot be completed", async () => {
    const authorizeResponse = await authorize({});
    const requestToken = new URL(authorizeResponse.headers.get("location") ?? "").searchParams.get("request") ?? "";
    server.advance(11 * 60 * 1000);
    const response = await fetch(`${server.origin}/mock-idp/login/submit`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ request: requestToken, method: "google" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request", error_description: expect.stringContaining("older than 10 minutes") });
  });
});
