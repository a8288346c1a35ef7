// openid-client v6, unmodified, against the mock IdP: discovery → authorization code + PKCE
// (state, nonce, iss) → token with id_token signature checks → userinfo → refresh; and the
// device flow.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as client from "openid-client";
import { startMockIdp, signIn, type MockIdpServer } from "./harness";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;

beforeAll(async () => {
  server = await startMockIdp({ config: { deviceIntervalSeconds: 1 } });
});
afterAll(() => server.close());

async function discover(clientId: string, secret?: string, auth?: client.ClientAuth) {
  return client.discovery(new URL(server.issuer), clientId, secret, auth, {
    execute: [client.allowInsecureRequests, client.enableNonRepudiationChecks],
  });
}

describe("openid-client against the mock IdP", () => {
  it("discovers the issuer exactly as served, with embed_endpoint", async () => {
    const config = await discover("logi_demo_web", "demo-web-secret");
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(server.issuer);
    expect(metadata.embed_endpoint).toBe(`${server.issuer}/embed`);
    expect(metadata.code_challenge_methods_supported).toEqual(["S256"]);
  });

  it.each([
    ["client_secret_post", client.ClientSecretPost("demo-web-secret")],
    ["client_secret_basic", client.ClientSecretBasic("demo-web-secret")],
  ])("completes code + PKCE → tokens → userinfo → refresh for logi_demo_web (%s)", async (_name, auth) => {
    const config = await discover("logi_demo_web", undefined, auth);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: "http://localhost:3000/auth/callback",
      scope: "openid profile email",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });

    const callback = await signIn(server, url, { method: "google" });
    expect(callback.origin + callback.pathname).toBe("http://localhost:3000/auth/callback");
    expect(callback.searchParams.get("state")).toBe(state);
    expect(callback.searchParams.get("iss")).toBe(server.issuer);

    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
    const claims = tokens.claims();
    expect(claims?.iss).toBe(server.issuer);
    expect(claims?.aud).toBe("logi_demo_web");
    expect(claims?.nonce).toBe(nonce);
    expect(claims?.amr).toEqual(["google"]);
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.refresh_token).toBeTypeOf("string");

    const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims?.sub ?? "");
    expect(userinfo).toMatchObject({ sub: "logi_user_demo_0001", email: "demo@example.com", email_verified: true, name: "Demo User" });

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token ?? "");
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.claims()?.sub).toBe(claims?.sub);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token ?? "")).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("completes the flow for the public SPA client (no secret, ES256 id_tokens)", async () => {
    const config = await discover("logi_demo_spa", undefined, client.None());
    const verifier = client.randomPKCECodeVerifier();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: "http://localhost:5173/callback",
      scope: "openid",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      nonce,
    });
    const callback = await signIn(server, url, { method: "email", email: "demo@example.com", password: "demo-password" });
    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedNonce: nonce, idTokenExpected: true });
    const header = JSON.parse(Buffer.from(tokens.id_token?.split(".")[0] ?? "", "base64url").toString());
    expect(header).toMatchObject({ alg: "ES256", kid: "demo-es256-2025a" });
    expect(tokens.claims()?.amr).toEqual(["email"]);
  });

  it("completes the device flow, approving while the device polls", async () => {
    const config = await discover("logi_demo_device", undefined, client.None());
    const authorization = await client.initiateDeviceAuthorization(config, { scope: "openid profile" });
    expect(authorization.expires_in).toBe(600);
    expect(authorization.verification_uri).toBe(`${server.origin}/mock-idp/device`);
    expect(authorization.verification_uri_complete).toContain(encodeURIComponent(authorization.user_code));

    const polling = client.pollDeviceAuthorizationGrant(config, authorization);
    // Approve after the first poll has come back authorization_pending.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const approve = await fetch(`${server.origin}/mock-idp/device/submit`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ user_code: authorization.user_code.toLowerCase(), decision: "approve" }),
    });
    expect(approve.status).toBe(303);
    expect(approve.headers.get("location")).toBe(`${server.origin}/mock-idp/device?status=approved`);

    const tokens = await polling;
    expect(tokens.claims()?.sub).toBe("logi_user_demo_0001");
    expect(tokens.claims()?.iss).toBe(server.issuer);
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, client.skipSubjectCheck);
    expect(userinfo.preferred_username).toBe("demo");
  });
});
