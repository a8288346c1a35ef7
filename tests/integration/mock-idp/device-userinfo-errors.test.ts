// Device flow and userinfo negative cases.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signIn, startMockIdp, type MockIdpServer } from "./harness";
import { authorizeUrl, basic, getCode, newVerifier, pollDevice, postForm, redeem, requestDeviceCode } from "./helpers";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;

beforeAll(async () => {
  server = await startMockIdp();
});
afterAll(() => server.close());

async function startDevice(): Promise<{ device_code: string; user_code: string; interval: number }> {
  const response = await requestDeviceCode(server);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return response.json();
}

function poll(deviceCode: string, path?: string): Promise<Response> {
  return pollDevice(server, deviceCode, path);
}

async function decide(userCode: string, decision: "approve" | "deny"): Promise<void> {
  const response = await postForm(`${server.origin}/mock-idp/device/submit`, { user_code: userCode, decision });
  expect(response.status).toBe(303);
}

describe("device flow errors", () => {
  it("authorization_pending, then slow_down raising the interval by 5 s each time", async () => {
    const device = await startDevice();
    expect(device.interval).toBe(5);
    const first = await poll(device.device_code);
    expect(first.status).toBe(400);
    expect(await first.json()).toEqual({ error: "authorization_pending", error_description: "the user has not approved or denied this request yet" });

    const second = await poll(device.device_code);
    expect(second.status).toBe(400);
    expect(second.headers.get("retry-after")).toBe("10");
    expect(await second.json()).toEqual({ error: "slow_down", error_description: "polling too fast; wait at least 10 seconds between requests", interval: 10 });

    const third = await poll(device.device_code);
    expect(await third.json()).toMatchObject({ error: "slow_down", interval: 15 });

    server.advance(15_000);
    expect(await (await poll(device.device_code)).json()).toMatchObject({ error: "authorization_pending" });
  });

  it("access_denied after the user denies", async () => {
    const device = await startDevice();
    await decide(device.user_code, "deny");
    const response = await poll(device.device_code, "/oauth/device/poll");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "access_denied", error_description: "the user denied the request" });
  });

  it("expired_token after 10 minutes", async () => {
    const device = await startDevice();
    server.advance(10 * 60 * 1000 + 1000);
    const response = await poll(device.device_code);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "expired_token", error_description: "the device_code expired (device codes live 10 minutes); start a new device authorization" });
  });

  it("tokens exactly once via the /oauth/device/poll alias, then invalid_grant", async () => {
    const device = await startDevice();
    await decide(device.user_code, "approve");
    const ok = await postForm(`${server.issuer}/oauth/device/poll`, { device_code: device.device_code, client_id: "logi_demo_device" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ token_type: "Bearer", id_token: expect.any(String) });
    server.advance(6000);
    const again = await poll(device.device_code);
    expect(await again.json()).toEqual({ error: "invalid_grant", error_description: "device_code was already redeemed" });
  });

  it("a web client may not start the device flow; garbage device codes are invalid_grant", async () => {
    const web = await postForm(`${server.issuer}/oauth/device/code`, { scope: "openid" }, { authorization: basic("logi_demo_web", "demo-web-secret") });
    expect(web.status).toBe(400);
    expect(await web.json()).toMatchObject({ error: "unauthorized_client" });
    const garbage = await poll("not-a-device-code");
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toEqual({ error: "invalid_grant", error_description: "device_code is invalid" });
  });

  it("the approval page rejects unknown codes without failing", async () => {
    const response = await postForm(`${server.origin}/mock-idp/device/submit`, { user_code: "ZZZZ-ZZZZ", decision: "approve" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toContain("message=not_found");
    const bad = await postForm(`${server.origin}/mock-idp/device/submit`, { user_code: "ZZZZ-ZZZZ", decision: "maybe" });
    expect(bad.status).toBe(400);
  });
});

describe("userinfo errors", () => {
  const userinfo = () => `${server.issuer}/oauth/userinfo`;

  // Regression: the challenge used to carry error="invalid_token" although no token was sent (RFC 6750 §3.1).
  it("no token → 401 with a bare Bearer realm challenge, no error code", async () => {
    const response = await fetch(userinfo());
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="mock-idp"');
    expect(await response.json()).toEqual({ error: "invalid_token", error_description: "missing Bearer access token" });
    const emptyForm = await postForm(userinfo(), { other: "x" });
    expect(emptyForm.status).toBe(401);
    expect(emptyForm.headers.get("www-authenticate")).toBe('Bearer realm="mock-idp"');
  });

  it.each([
    ["a malformed Bearer header (Bearer a b)", { authorization: "Bearer a b" }],
    ["an empty Bearer header", { authorization: "Bearer" }],
    ["another scheme", { authorization: "Basic bG9naTpzZWNyZXQ=" }],
  ])("%s → 400 invalid_request", async (_label, headers) => {
    const response = await fetch(userinfo(), { headers });
    expect(response.status).toBe(400);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="mock-idp", error="invalid_request", error_description="/);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });

  // Regression: a token in both places used to pass, the body one silently ignored (RFC 6750 §2: one method per request).
  it("a token in both the Authorization header and the form body → 400 invalid_request", async () => {
    const { code, verifier } = await getCode(server);
    const tokens = await (await redeem(server, code, verifier)).json();
    const response = await postForm(userinfo(), { access_token: tokens.access_token }, { authorization: `Bearer ${tokens.access_token}` });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: "the access token was sent both in the Authorization header and in the body; use exactly one method" });
    // Either method alone works.
    expect((await postForm(userinfo(), { access_token: tokens.access_token })).status).toBe(200);
    expect((await fetch(userinfo(), { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(200);
  });

  it("a token in the URI query → 400 invalid_request", async () => {
    const response = await fetch(`${userinfo()}?access_token=abc`);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_request");
  });

  it("an unreadable form body → 4xx invalid_request, not invalid_token", async () => {
    const twice = await postForm(userinfo(), "access_token=a&access_token=b");
    expect(twice.status).toBe(400);
    expect((await twice.json()).error).toBe("invalid_request");
    const large = await postForm(userinfo(), { access_token: "a", pad: "x".repeat(17_000) });
    expect(large.status).toBe(413);
    expect((await large.json()).error).toBe("invalid_request");
  });

  it("a bad token → 401 invalid_token", async () => {
    const response = await fetch(userinfo(), { headers: { authorization: "Bearer nonsense" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer .*error="invalid_token"/);
    expect(await response.json()).toEqual({ error: "invalid_token", error_description: "access token is invalid" });
  });

  it("a token without openid → 403 insufficient_scope", async () => {
    const { verifier, challenge } = newVerifier();
    const callback = await signIn(server, authorizeUrl(server, { code_challenge: challenge, scope: "profile email" }));
    const tokens = await (await redeem(server, callback.searchParams.get("code") ?? "", verifier)).json();
    expect(tokens.id_token).toBeUndefined();
    const response = await fetch(userinfo(), { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer .*error="insufficient_scope".*scope="openid"/);
    expect(await response.json()).toEqual({ error: "insufficient_scope", error_description: "the access token lacks the openid scope" });
  });

  it("refresh may only narrow the scope", async () => {
    const { code, verifier } = await getCode(server);
    const tokens = await (await redeem(server, code, verifier)).json();
    const wider = await postForm(`${server.issuer}/oauth/token`, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, scope: "openid email" }, { authorization: basic("logi_demo_web", "demo-web-secret") });
    expect(wider.status).toBe(400);
    expect(await wider.json()).toEqual({ error: "invalid_scope", error_description: "scope may only narrow on refresh; not granted: email" });
  });

  it("an expired access token → 401 invalid_token", async () => {
    const { code, verifier } = await getCode(server);
    const tokens = await (await redeem(server, code, verifier)).json();
    server.advance(3601 * 1000);
    const response = await fetch(userinfo(), { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "invalid_token", error_description: "access token expired" });
  });
});
