// Two `next start` instances of one build behind an imagined load balancer, sharing one Redis
// (REDIS_URL) and one MOCK_IDP_SECRET: what one instance issues or records, the other honours.
// A code redeemed on one is refused on the other (and its grant revoked), a device approval made
// on one is seen by the other's polling, rate limits are one budget, and with Redis gone both
// answer 503 temporarily_unavailable instead of hanging or failing with 500.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { startRedis, type TestRedis } from "../support/redis-server";

const basePort = Number(process.env.E2E_PORT ?? 3100);
const ports = [basePort + 1, basePort + 2] as const;
const redisPort = Number(process.env.E2E_REDIS_PORT ?? 6392);
const [A, B] = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
// The origin users reach through the load balancer; both instances issue for it.
const publicOrigin = `http://127.0.0.1:${basePort + 3}`;
const limits = { search: 5, mockIdp: 80, userCodes: 4 };

type Instance = { child: ChildProcess; output: string[] };

let redis: TestRedis | undefined;
const instances: Instance[] = [];

function startInstance(port: number, redisUrl: string): Instance {
  const env = {
    ...process.env,
    REDIS_URL: redisUrl,
    MOCK_IDP_SECRET: "multi-instance test secret, shared by both instances",
    MOCK_IDP_PUBLIC_ORIGIN: publicOrigin,
    MOCK_IDP_DEVICE_INTERVAL: "1",
    MOCK_IDP_RATE_LIMIT: String(limits.mockIdp),
    MOCK_IDP_USER_CODE_RATE_LIMIT: String(limits.userCodes),
    SEARCH_RATE_LIMIT: String(limits.search),
  };
  // Its own process group, so stopping it by pid also stops anything it forked.
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  return { child, output };
}

async function waitUntilUp(origin: string, instance: Instance): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (instance.child.exitCode !== null) throw new Error(`next start for ${origin} exited: ${instance.output.join("")}`);
    const ok = await fetch(`${origin}/api/entries`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${origin} did not come up within 120 s: ${instance.output.join("")}`);
}

async function stopInstance(instance: Instance): Promise<void> {
  const pid = instance.child.pid;
  if (pid === undefined || instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once("exit", resolve));
  process.kill(-pid, "SIGTERM");
  const timer = setTimeout(() => process.kill(-pid, "SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  redis = await startRedis(redisPort);
  for (const port of ports) instances.push(startInstance(port, redis.url));
  await Promise.all([waitUntilUp(A, instances[0]!), waitUntilUp(B, instances[1]!)]);
});

test.afterAll(async () => {
  await Promise.all(instances.map(stopInstance));
  await redis?.stop();
});

const web = { id: "logi_demo_web", secret: "demo-web-secret", redirectUri: "http://localhost:3000/auth/callback" };
const basic = `Basic ${Buffer.from(`${web.id}:${web.secret}`).toString("base64")}`;
const deviceGrant = "urn:ietf:params:oauth:grant-type:device_code";

function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(form) });
}

/** Signs in on `origin` as a browser would (authorize → login screen → Google button) and returns a code and its verifier. */
async function getCode(origin: string): Promise<{ code: string; verifier: string }> {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const authorize = new URL(`${origin}/mock-idp/oauth/authorize`);
  for (const [key, value] of Object.entries({ client_id: web.id, redirect_uri: web.redirectUri, response_type: "code", scope: "openid", state: "st", code_challenge: challenge, code_challenge_method: "S256" })) {
    authorize.searchParams.set(key, value);
  }
  const toLogin = await fetch(authorize, { redirect: "manual" });
  expect(toLogin.status).toBe(302);
  const requestToken = new URL(toLogin.headers.get("location") ?? "").searchParams.get("request") ?? "";
  const login = await postForm(`${origin}/mock-idp/login/submit`, { request: requestToken, method: "google" }, { accept: "text/html" });
  expect(login.status).toBe(302);
  const callback = new URL(login.headers.get("location") ?? "");
  expect(callback.origin + callback.pathname).toBe(web.redirectUri);
  return { code: callback.searchParams.get("code") ?? "", verifier };
}

function redeem(origin: string, code: string, verifier: string): Promise<Response> {
  return postForm(`${origin}/mock-idp/oauth/token`, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: web.redirectUri }, { authorization: basic });
}

test("a code issued on A is redeemed on B once; the replay on A is refused and revokes the grant", async () => {
  const { code, verifier } = await getCode(A);
  const first = await redeem(B, code, verifier);
  expect(first.status).toBe(200);
  const tokens = await first.json();
  expect(tokens).toMatchObject({ token_type: "Bearer", access_token: expect.any(String), id_token: expect.any(String) });
  expect((await fetch(`${B}/mock-idp/oauth/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(200);

  const replay = await redeem(A, code, verifier);
  expect(replay.status).toBe(400);
  expect(await replay.json()).toEqual({ error: "invalid_grant", error_description: "authorization code was already used" });
  for (const origin of [A, B]) {
    const userinfo = await fetch(`${origin}/mock-idp/oauth/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(401);
    expect(userinfo.headers.get("www-authenticate")).toContain("revoked");
  }
});

test("50 concurrent redemptions of one code spread over A and B: exactly one gets tokens", async () => {
  const { code, verifier } = await getCode(B);
  const statuses = await Promise.all(Array.from({ length: 50 }, (_, index) => redeem(index % 2 === 0 ? A : B, code, verifier).then((response) => response.status)));
  expect(statuses.filter((status) => status === 200)).toHaveLength(1);
  expect(statuses.filter((status) => status === 400)).toHaveLength(49);
});

test("a device approval made on A is seen by B's polling, and redeemed once", async () => {
  const started = await postForm(`${A}/mock-idp/oauth/device/code`, { client_id: "logi_demo_device", scope: "openid" });
  expect(started.status).toBe(200);
  const device: { device_code: string; user_code: string } = await started.json();
  const poll = (origin: string) => postForm(`${origin}/mock-idp/oauth/token`, { grant_type: deviceGrant, device_code: device.device_code, client_id: "logi_demo_device" });
  const wait = () => new Promise((resolve) => setTimeout(resolve, 1100));

  const pending = await poll(B);
  expect(pending.status).toBe(400);
  expect(await pending.json()).toMatchObject({ error: "authorization_pending" });

  const page = await fetch(`${A}/mock-idp/device?user_code=${encodeURIComponent(device.user_code)}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(device.user_code);
  const approved = await postForm(`${A}/mock-idp/device/submit`, { user_code: device.user_code, decision: "approve" });
  expect(approved.status).toBe(303);
  expect(approved.headers.get("location")).toContain("status=approved");

  await wait();
  const tokens = await poll(B);
  expect(tokens.status).toBe(200);
  expect(await tokens.json()).toMatchObject({ access_token: expect.any(String) });
  await wait();
  const again = await poll(A);
  expect(again.status).toBe(400);
  expect(await again.json()).toMatchObject({ error: "invalid_grant", error_description: "device_code was already redeemed" });
});

test("rate limits are one budget across instances: spend it on A, B refuses", async () => {
  for (let index = 0; index < limits.search; index++) expect((await fetch(`${A}/api/search?q=invalid_client`)).status).toBe(200);
  const search = await fetch(`${B}/api/search?q=invalid_client`);
  expect(search.status).toBe(429);
  expect(Number(search.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(await search.json()).toMatchObject({ error: "rate_limited" });

  for (let index = 0; index < limits.mockIdp; index++) expect((await fetch(`${A}/mock-idp/.well-known/jwks.json`)).status).toBe(200);
  const jwks = await fetch(`${B}/mock-idp/.well-known/jwks.json`);
  expect(jwks.status).toBe(429);
  expect(await jwks.json()).toMatchObject({ error: "rate_limited" });

  // The device test above tried 2 user codes (the page and its form); the budget is 4 a minute.
  for (let index = 0; index < limits.userCodes - 2; index++) expect((await fetch(`${A}/mock-idp/device?user_code=ZZZZ-ZZZZ`)).status).toBe(200);
  const lookup = await fetch(`${B}/mock-idp/device?user_code=ZZZZ-ZZZZ`);
  expect(lookup.status).toBe(429);
  expect(lookup.headers.get("content-type")).toContain("text/html");
  expect(await lookup.text()).toContain("Too many tries");
});

test("with Redis gone, requests that need it answer 503 temporarily_unavailable naming it, and each instance logs the outage once", async () => {
  await redis?.stop();
  const named = `Redis at 127.0.0.1:${redisPort} is unreachable`;
  for (const origin of [A, B]) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const discovery = await fetch(`${origin}/mock-idp/.well-known/openid-configuration`);
      expect(discovery.status).toBe(503);
      const body = await discovery.json();
      expect(body).toMatchObject({ error: "temporarily_unavailable" });
      expect(body.message).toContain(named);
    }
    const search = await fetch(`${origin}/api/search?q=invalid_client`);
    expect(search.status).toBe(503);
    expect(await search.json()).toMatchObject({ error: "temporarily_unavailable", message: expect.stringContaining(named) });
    const lookup = await fetch(`${origin}/mock-idp/device?user_code=ZZZZ-ZZZZ`);
    expect(lookup.status).toBe(503);
  }
  for (const instance of instances) {
    const logged = instance.output.join("").split("\n").filter((line) => line.includes("[redis]") && line.includes("is unreachable"));
    expect(logged).toHaveLength(1);
  }
});
