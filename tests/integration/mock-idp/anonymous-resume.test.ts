// 403 anonymous_not_allowed and the resume endpoint's 422 / 403 answers.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseRegistry } from "@/lib/mock-idp/registry";
import { startMockIdp, submitLogin, type MockIdpServer } from "./harness";
import { authorizeUrl, newVerifier, postForm } from "./helpers";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;
let resumeUrl: string;

beforeAll(async () => {
  server = await startMockIdp();
  resumeUrl = `${server.issuer}/api/v1/oauth/authorize/resume`;
});
afterAll(() => server.close());

function sessionFrom(response: Response): string {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("mock_idp_session="));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0]?.slice("mock_idp_session=".length) ?? "";
}

/** Signs in as the anonymous account on the members-only client: returns the 403 body and the session. */
async function blockedAnonymousLogin(accept = "application/json") {
  const { verifier, challenge } = newVerifier();
  const url = authorizeUrl(server, { client_id: "logi_demo_identified_only", code_challenge: challenge, state: "st-anon" });
  const response = await submitLogin(server, url, { method: "app", account: "anonymous", accept });
  return { response, verifier, session: sessionFrom(response) };
}

async function promote(session: string): Promise<string> {
  const response = await postForm(`${server.origin}/mock-idp/promote/submit`, { action: "link_google", resume_token: "x" }, { cookie: `mock_idp_session=${session}` });
  expect(response.status).toBe(303);
  return sessionFrom(response);
}

async function callResume(token: string, session?: string): Promise<Response> {
  return fetch(resumeUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(session ? { authorization: `Bearer ${session}` } : {}) },
    body: JSON.stringify({ resume_token: token }),
  });
}

describe("403 anonymous_not_allowed", () => {
  it("answers an anonymous account on an allow_anonymous_grants=false client", async () => {
    const { response } = await blockedAnonymousLogin();
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = await response.json();
    expect(body).toEqual({
      error: "anonymous_not_allowed",
      error_description: "Demo members-only app accepts only identified accounts; this logi account is anonymous.",
      application_name: "Demo members-only app",
      remediation: expect.stringContaining("Link Apple or Google, or register an email"),
      promotion: {
        resume_token: expect.any(String),
        expires_in: 300,
        methods: ["apple", "google", "email"],
        resume_endpoint: resumeUrl,
        promotion_url: expect.stringMatching(new RegExp(`^${server.origin}/mock-idp/promote\\?resume_token=`)),
      },
    });
  });

  it("shows browsers a 403 page with the same body and a link to the promotion sheet", async () => {
    const { response } = await blockedAnonymousLogin("text/html");
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain("anonymous_not_allowed");
    expect(html).toContain("/mock-idp/promote?resume_token=");
  });

  it("refuses an anonymous account on a client that does not set allow_anonymous_grants (the default, as on logi)", async () => {
    const committed = JSON.parse(readFileSync("content/mock-idp/clients.json", "utf8"));
    const unset = { client_id: "rp_without_setting", client_name: "RP without the setting", type: "public", redirect_uris: ["http://localhost:4000/cb"] };
    const parsed = parseRegistry({ clients: [...committed.clients, unset] }, "test registry");
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const other = await startMockIdp({ registry: parsed.registry });
    try {
      const url = authorizeUrl(other, { client_id: unset.client_id, redirect_uri: unset.redirect_uris[0], code_challenge: newVerifier().challenge });
      const refused = await submitLogin(other, url, { method: "app", account: "anonymous", accept: "application/json" });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: "anonymous_not_allowed", application_name: "RP without the setting" });
      const identified = await submitLogin(other, url, { method: "app", account: "demo" });
      expect(identified.status).toBe(302);
    } finally {
      await other.close();
    }
  });

  it("lets anonymous accounts through on clients that allow them", async () => {
    const { challenge } = newVerifier();
    const response = await submitLogin(server, authorizeUrl(server, { code_challenge: challenge }), { method: "app", account: "anonymous" });
    expect(response.status).toBe(302);
  });
});

describe("the resume endpoint", () => {
  it("promotion_incomplete (422) while the account is still anonymous", async () => {
    const { response, session } = await blockedAnonymousLogin();
    const { promotion } = await response.json();
    const resumed = await callResume(promotion.resume_token, session);
    expect(resumed.status).toBe(422);
    expect(await resumed.json()).toEqual({ error: "promotion_incomplete", error_description: "the account is still anonymous: link Apple or Google, or register an email, then resume" });
  });

  it("resume_user_mismatch (403) when another account resumes", async () => {
    const { response } = await blockedAnonymousLogin();
    const { promotion } = await response.json();
    const other = await postForm(`${server.origin}/mock-idp/promote/submit`, { action: "switch_account", resume_token: promotion.resume_token });
    const resumed = await callResume(promotion.resume_token, sessionFrom(other));
    expect(resumed.status).toBe(403);
    expect(await resumed.json()).toEqual({ error: "resume_user_mismatch", error_description: "the signed-in account is not the one the resume_token was issued to; start again" });
  });

  it("after promotion: redirect back to the RP with a code that redeems; then resume_token_already_used (422)", async () => {
    const { response, session, verifier } = await blockedAnonymousLogin();
    const { promotion } = await response.json();
    const promoted = await promote(session);

    const resumed = await callResume(promotion.resume_token, promoted);
    expect(resumed.status).toBe(200);
    const { redirect_to } = await resumed.json();
    const callback = new URL(redirect_to);
    expect(callback.origin + callback.pathname).toBe("http://localhost:3000/auth/callback");
    expect(callback.searchParams.get("state")).toBe("st-anon");
    expect(callback.searchParams.get("iss")).toBe(server.issuer);

    const token = await postForm(`${server.issuer}/oauth/token`, {
      grant_type: "authorization_code",
      code: callback.searchParams.get("code") ?? "",
      code_verifier: verifier,
      redirect_uri: "http://localhost:3000/auth/callback",
      client_id: "logi_demo_identified_only",
      client_secret: "demo-identified-secret",
    });
    expect(token.status).toBe(200);

    const again = await callResume(promotion.resume_token, promoted);
    expect(again.status).toBe(422);
    expect(await again.json()).toEqual({ error: "resume_token_already_used", error_description: "this resume_token was already redeemed; start again to get a new one" });
  });

  it("a browser form post (cookie session) is sent on to the RP with 303", async () => {
    const { response, session } = await blockedAnonymousLogin();
    const { promotion } = await response.json();
    const promoted = await promote(session);
    const resumed = await postForm(resumeUrl, { resume_token: promotion.resume_token }, { cookie: `mock_idp_session=${promoted}` });
    expect(resumed.status).toBe(303);
    expect(resumed.headers.get("location")).toMatch(/^http:\/\/localhost:3000\/auth\/callback\?code=/);
  });

  it("resume_token_expired (422) after 5 minutes", async () => {
    const { response, session } = await blockedAnonymousLogin();
    const { promotion } = await response.json();
    const promoted = await promote(session);
    server.advance(5 * 60 * 1000 + 1000);
    const resumed = await callResume(promotion.resume_token, promoted);
    expect(resumed.status).toBe(422);
    expect(await resumed.json()).toEqual({ error: "resume_token_expired", error_description: "the resume_token is older than 5 minutes; start again at the authorization endpoint" });
  });

  it("no session → 401 invalid_token; no or garbage token → 400 invalid_request", async () => {
    const { response } = await blockedAnonymousLogin();
    const { promotion } = await response.json();
    const anonymous = await callResume(promotion.resume_token);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer /);
    const missing = await fetch(resumeUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "invalid_request", error_description: "resume_token is required" });
    const garbage = await callResume("garbage");
    expect(garbage.status).toBe(400);
    const notJson = await fetch(resumeUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "invalid_request", error_description: "the request body is not valid JSON" });
  });
});

describe("device approvals follow allow_anonymous_grants too", () => {
  it("refuses an anonymous approval for a device client without the setting and keeps the request pending", async () => {
    const committed = JSON.parse(readFileSync("content/mock-idp/clients.json", "utf8"));
    const device = committed.clients.find((client: { client_id: string }) => client.client_id === "logi_demo_device");
    const strict = { ...device, client_id: "device_without_setting", client_name: "TV app without the setting", allow_anonymous_grants: undefined };
    const parsed = parseRegistry({ clients: [...committed.clients, JSON.parse(JSON.stringify(strict))] }, "test registry");
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const other = await startMockIdp({ registry: parsed.registry });
    try {
      const started = await postForm(`${other.issuer}/oauth/device/code`, { client_id: "device_without_setting", scope: "openid" });
      expect(started.status).toBe(200);
      const { user_code: userCode, device_code: deviceCode } = await started.json();
      const refused = await postForm(`${other.origin}/mock-idp/device/submit`, { user_code: userCode, decision: "approve", account: "anonymous" });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: "anonymous_not_allowed" });
      const poll = await postForm(`${other.issuer}/oauth/token`, { grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: deviceCode, client_id: "device_without_setting" });
      expect((await poll.json()).error).toBe("authorization_pending");
      const approved = await postForm(`${other.origin}/mock-idp/device/submit`, { user_code: userCode, decision: "approve", account: "demo" });
      expect(approved.status).toBe(303);
    } finally {
      await other.close();
    }
  });
});
