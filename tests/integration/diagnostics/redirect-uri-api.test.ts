// POST /api/diagnostics/redirect-uri as Next calls it. Live mode asks the bundled mock IdP in
// process (no loopback connection) and classifies its three answers to logi_demo_web: the login
// screen (registered), the error page (a near miss) and the 400 JSON error (not registered).
import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/diagnostics/redirect-uri/route";

vi.mock("server-only", () => ({}));

const site = "http://127.0.0.1:3999";
const issuer = `${site}/mock-idp`;
const registeredCallback = "http://localhost:3000/auth/callback";

function post(body: unknown, type = "application/json"): Promise<Response> {
  return POST(
    new Request(`${site}/api/diagnostics/redirect-uri`, {
      method: "POST",
      headers: { host: "127.0.0.1:3999", "content-type": type, "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

async function live(redirectUri: string, clientId = "logi_demo_web") {
  const response = await post({ issuer, client_id: clientId, redirect_uri: redirectUri });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  return response.json();
}

describe("live: the bundled mock IdP's three answers", () => {
  it("the registered callback: 302 to the login screen → registered", async () => {
    const body = await live(registeredCallback);
    expect(body).toMatchObject({ tool: "redirect-uri", mode: "live", ok: true, verdict: "registered", authorization_endpoint: `${issuer}/oauth/authorize`, differences: [], answer: { status: null } });
    expect(body.observed.status).toBe(302);
    expect(body.observed.location).toMatch(new RegExp(`^${site}/mock-idp/login\\?request=`));
    const request = new URL(body.request_url);
    expect(request.searchParams.get("state")).toBe("preflight");
    expect(request.searchParams.get("code_challenge_method")).toBe("S256");
    expect(body.checks.filter((check: { status: string }) => check.status === "fail")).toEqual([]);
  });

  it("a trailing-slash near miss: 302 to the error page → redirect_uri_mismatch, with the difference", async () => {
    const body = await live(`${registeredCallback}/`);
    expect(body).toMatchObject({ ok: false, verdict: "redirect_uri_mismatch", closest: registeredCallback, differences: [{ kind: "trailing_slash" }], answer: { status: 302, error: "redirect_uri_mismatch" } });
    expect(body.observed.location).toMatch(new RegExp(`^${site}/mock-idp/error\\?`));
    expect(body.checks.find((check: { id: string }) => check.id === "redirect-uri.difference.trailing_slash")).toMatchObject({ status: "fail", entry: "/troubleshooting/redirect-uri-mismatch#redirect-uri-mismatch--trailing-slash" });
  });

  it("an unrelated domain: 400 JSON invalid_request → not_registered", async () => {
    const body = await live("https://unrelated.example.net/cb");
    expect(body).toMatchObject({ ok: false, verdict: "not_registered", observed: { status: 400, location: null }, answer: { status: 400, error: "invalid_request", description: "redirect_uri not registered" } });
    expect(body.checks.find((check: { id: string }) => check.id === "redirect-uri.match")).toMatchObject({ status: "fail", entry: expect.stringMatching(/^\/troubleshooting\/redirect-uri-not-registered#/) });
  });

  it("an unknown client is neither: a failing finding saying what the IdP answered", async () => {
    const body = await live(registeredCallback, "logi_nobody");
    expect(body).toMatchObject({ ok: false, verdict: null, observed: { status: 400 } });
    expect(body.checks.find((check: { id: string }) => check.id === "redirect-uri.preflight")).toMatchObject({ status: "fail", message: expect.stringContaining("unknown client_id") });
  });

  it("the live verdicts agree with the offline check of the same registration", async () => {
    for (const redirectUri of [registeredCallback, `${registeredCallback}/`, "https://www.app.example.com/auth/1pass/callback", "https://staging.example.com/auth/1pass/callback", "https://unrelated.example.net/cb"]) {
      const [liveBody, offlineBody] = await Promise.all([
        live(redirectUri),
        post({ registered: [registeredCallback, "https://app.example.com/auth/1pass/callback"], redirect_uri: redirectUri }).then((response) => response.json()),
      ]);
      expect(liveBody.verdict, redirectUri).toBe(offlineBody.verdict);
    }
  });

  it("refuses loopback issuers that are not the bundled IdP, naming the opt-in", async () => {
    const response = await post({ issuer: "http://127.0.0.1:9/x", client_id: "logi_demo_web", redirect_uri: registeredCallback });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((await response.json()).message).toContain("DIAGNOSTICS_ALLOW_PRIVATE_NETWORK");
  });
});

describe("offline via POST", () => {
  it("compares with the registered list and names the closest URI and the differences", async () => {
    const response = await post({ registered: ["https://app.example.com/auth/callback"], redirect_uri: "http://app.example.com/auth/callback/" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ tool: "redirect-uri", mode: "offline", ok: false, verdict: "redirect_uri_mismatch", closest: "https://app.example.com/auth/callback", answer: { status: 302 } });
    expect(body.differences.map((difference: { kind: string }) => difference.kind)).toEqual(["scheme", "trailing_slash"]);
  });

  it("an exact match is ok", async () => {
    const body = await (await post({ registered: [registeredCallback], redirect_uri: registeredCallback })).json();
    expect(body).toMatchObject({ ok: true, verdict: "registered" });
  });
});

describe("bad input answers 4xx JSON", () => {
  it.each([
    [{}, 400],
    [{ registered: [], redirect_uri: registeredCallback }, 400],
    [{ registered: ["nope"], redirect_uri: registeredCallback }, 400],
    [{ issuer: "not a url", client_id: "x", redirect_uri: registeredCallback }, 400],
    [{ issuer, redirect_uri: registeredCallback }, 400],
    [{ registered: [registeredCallback], redirect_uri: registeredCallback, extra: 1 }, 400],
    ["{not json", 400],
  ])("%o → %i", async (body, status) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  });

  it("refuses other media types and oversized bodies", async () => {
    expect((await post("registered=x", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await post({ registered: [registeredCallback], redirect_uri: "x".repeat(70_000) })).status).toBe(413);
  });
});
