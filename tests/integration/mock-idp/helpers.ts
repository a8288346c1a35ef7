// Raw-HTTP helpers for the negative cases: build an authorize URL, get a code, call the token endpoint.
import { createHash, randomBytes } from "node:crypto";
import { signIn, type MockIdpServer } from "./harness";

export const webClient = { id: "logi_demo_web", secret: "demo-web-secret", redirectUri: "http://localhost:3000/auth/callback" };

export function newVerifier(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function authorizeUrl(server: MockIdpServer, params: Record<string, string | undefined>, base = server.issuer): string {
  const url = new URL(`${base}/oauth/authorize`);
  const defaults = { client_id: webClient.id, redirect_uri: webClient.redirectUri, response_type: "code", scope: "openid", state: "st-1", code_challenge_method: "S256" };
  for (const [key, value] of Object.entries({ ...defaults, ...params })) if (value !== undefined) url.searchParams.set(key, value);
  return url.href;
}

/** Signs in to logi_demo_web and returns a fresh code with its verifier. */
export async function getCode(server: MockIdpServer, base = server.issuer): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = newVerifier();
  const callback = await signIn(server, authorizeUrl(server, { code_challenge: challenge }, base));
  return { code: callback.searchParams.get("code") ?? "", verifier };
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
}

export async function postForm(url: string, form: Record<string, string> | string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: typeof form === "string" ? form : new URLSearchParams(form),
  });
}

export async function redeem(server: MockIdpServer, code: string, verifier: string, base = server.issuer): Promise<Response> {
  return postForm(`${base}/oauth/token`, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: webClient.redirectUri }, { authorization: basic(webClient.id, webClient.secret) });
}

export async function json(response: Response): Promise<unknown> {
  return response.json();
}

const deviceGrant = "urn:ietf:params:oauth:grant-type:device_code";

/** Starts a device authorization for the demo TV client. */
export function requestDeviceCode(server: MockIdpServer): Promise<Response> {
  return postForm(`${server.issuer}/oauth/device/code`, { client_id: "logi_demo_device", scope: "openid" });
}

/** One device-flow poll, at the token endpoint or its `/oauth/device/poll` alias. */
export function pollDevice(server: MockIdpServer, deviceCode: string, path = "/oauth/token"): Promise<Response> {
  return postForm(`${server.issuer}${path}`, { grant_type: deviceGrant, device_code: deviceCode, client_id: "logi_demo_device" });
}
