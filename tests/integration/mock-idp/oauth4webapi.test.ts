// oauth4webapi, unmodified, against the mock IdP: discovery → authorization code + PKCE →
// token → id_token claims and signature → userinfo → refresh; and the device flow.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as oauth from "oauth4webapi";
import { startMockIdp, signIn, type MockIdpServer } from "./harness";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;
const insecure = { [oauth.allowInsecureRequests]: true };

beforeAll(async () => {
  server = await startMockIdp({ config: { deviceIntervalSeconds: 1 } });
});
afterAll(() => server.close());

async function discover(): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(server.issuer);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oidc", ...insecure }));
}

describe("oauth4webapi against the mock IdP", () => {
  it("completes code + PKCE → token → id_token → userinfo → refresh", async () => {
    const as = await discover();
    expect(as.issuer).toBe(server.issuer);
    const client: oauth.Client = { client_id: "logi_demo_web" };
    const clientAuth = oauth.ClientSecretBasic("demo-web-secret");
    const redirectUri = "http://localhost:3000/auth/callback";

    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const url = new URL(as.authorization_endpoint ?? "");
    url.search = new URLSearchParams({
      client_id: client.client_id,
      redirect_uri: redirectUri,
      response_type: "code",
      scope: "openid email profile:basic",
      state,
      nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    }).toString();

    const callback = await signIn(server, url, { method: "app", account: "demo" });
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, verifier, insecure);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: nonce, requireIdToken: true });
    await oauth.validateApplicationLevelSignature(as, response, insecure);
    const claims = oauth.getValidatedIdTokenClaims(tokens);
    expect(claims).toMatchObject({ iss: server.issuer, aud: "logi_demo_web", sub: "logi_user_demo_0001", nonce, amr: ["app"] });

    const userinfo = await oauth.processUserInfoResponse(as, client, claims?.sub ?? "", await oauth.userInfoRequest(as, client, tokens.access_token, insecure));
    expect(userinfo).toMatchObject({ sub: "logi_user_demo_0001", email: "demo@example.com", preferred_username: "demo" });

    const refreshResponse = await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token ?? "", insecure);
    const refreshed = await oauth.processRefreshTokenResponse(as, client, refreshResponse);
    expect(refreshed.access_token).toBeTypeOf("string");
    expect(oauth.getValidatedIdTokenClaims(refreshed)?.sub).toBe("logi_user_demo_0001");
  });

  it("completes the device flow, including authorization_pending and slow_down", async () => {
    const as = await discover();
    const client: oauth.Client = { client_id: "logi_demo_device" };
    const none = oauth.None();
    const authorization = await oauth.processDeviceAuthorizationResponse(
      as,
      client,
      await oauth.deviceAuthorizationRequest(as, client, none, { scope: "openid" }, insecure),
    );
    expect(authorization.interval).toBe(1);

    const poll = async () => oauth.processDeviceCodeResponse(as, client, await oauth.deviceCodeGrantRequest(as, client, none, authorization.device_code, insecure));
    await expect(poll()).rejects.toMatchObject({ error: "authorization_pending" });
    // Polling again at once is too fast.
    await expect(poll()).rejects.toMatchObject({ error: "slow_down", cause: { interval: 6 } });

    await fetch(`${server.origin}/mock-idp/device/submit`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ user_code: authorization.user_code, decision: "approve" }),
    });
    server.advance(7000);
    const tokens = await poll();
    expect(oauth.getValidatedIdTokenClaims(tokens)?.sub).toBe("logi_user_demo_0001");
  });
});
