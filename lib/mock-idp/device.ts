// The device authorization grant (RFC 8628). The device_code is sealed (client, user_code,
// scope, 10-minute expiry); whether the user approved lives in the device store (per instance,
// or shared in Redis with REDIS_URL). Polling answers, in order: expired_token after 10
// minutes, slow_down when the device polls faster than its interval (which then grows by 5 s),
// authorization_pending, access_denied, and tokens exactly once. Each poll and each decision is
// one atomic update of the record, so a poll racing an approval never loses it.
// User-code lookups (the device page and its form) are rate limited per client and for all
// clients together (RFC 8628 §5.1: user codes are short enough to guess).
import { z } from "zod";
import { authenticateClient } from "./client-auth";
import type { IssuerContext, MockIdpDeps } from "./context";
import type { RateLimitDecision, RateLimitStore } from "@/lib/store/rate-limit";
import { isSharedStoreUnavailable } from "@/lib/store/unavailable";
import type { DeviceChange, DeviceRecord } from "./device-store";
import { generateUserCode, newDeviceRecord, normalizeUserCode } from "./device-store";
import { oauthError, toErrorResponse, type OAuthError } from "./errors";
import { escapeHtml, htmlDocument } from "./html";
import { noStoreJson, param, readFormBody, redirect } from "./http";
import { clientAddress } from "@/lib/net/client-address";
import { devicePagePath, devicePageUrl } from "./paths";
import { allowsGrant, findClient, type MockClient } from "./registry";
import { seal, unseal } from "./sealed";
import { splitScope, unsupportedScopes } from "./scopes";
import { issueTokens, type TokenResponse } from "./tokens";
import { findDemoUserById } from "./users";

export const deviceCodeTtlSeconds = 600;
export const slowDownIncrementSeconds = 5;

const deviceCodeSchema = z.object({ user_code: z.string(), client_id: z.string(), scope: z.string(), base: z.string() });

export async function handleDeviceAuthorization(request: Request, context: IssuerContext, deps: MockIdpDeps): Promise<Response> {
  const form = await readFormBody(request);
  if (!form.ok) return toErrorResponse(form.error);
  const authenticated = authenticateClient(request, form.value, deps.registry);
  if (!authenticated.ok) return toErrorResponse(authenticated.error);
  const { client } = authenticated.value;
  if (!allowsGrant(client, "urn:ietf:params:oauth:grant-type:device_code")) {
    return toErrorResponse(oauthError("unauthorized_client", `client ${client.client_id} may not use the device flow`));
  }
  const scopes = splitScope(param(form.value, "scope"));
  const unknown = unsupportedScopes(scopes);
  if (unknown.length > 0) return toErrorResponse(oauthError("invalid_scope", `unsupported scope: ${unknown.join(" ").slice(0, 200)}`));

  const now = deps.now();
  const userCode = generateUserCode();
  const scope = scopes.join(" ");
  const deviceCode = await seal(deps.keys.tokenKey, "device_code", { user_code: userCode, client_id: client.client_id, scope, base: context.base }, { now, ttlSeconds: deviceCodeTtlSeconds });
  await deps.state.devices.ensure({ userCode, clientId: client.client_id, scope, expiresAtMs: now + deviceCodeTtlSeconds * 1000, intervalSeconds: deps.config.deviceIntervalSeconds }, now);
  return noStoreJson({
    device_code: deviceCode,
    user_code: userCode,
    verification_uri: devicePageUrl(context.origin),
    verification_uri_complete: devicePageUrl(context.origin, userCode),
    expires_in: deviceCodeTtlSeconds,
    interval: deps.config.deviceIntervalSeconds,
  });
}

type GrantResult = { ok: true; tokens: TokenResponse } | { ok: false; error: OAuthError };

function deviceError(error: string, description: string, headers?: Record<string, string>, extra?: Record<string, unknown>): GrantResult {
  return { ok: false, error: oauthError(error, description, { headers, extra }) };
}

/** Devices should poll no faster than the interval; a little early (network jitter) is tolerated. */
function pollsTooFast(record: DeviceRecord, nowMs: number): boolean {
  if (record.lastPollMs === undefined) return false;
  const intervalMs = record.intervalSeconds * 1000;
  return nowMs - record.lastPollMs < intervalMs - Math.min(1000, intervalMs / 5);
}

type PollOutcome =
  | { kind: "pending" | "denied" | "redeemed" | "no_user" }
  | { kind: "slow_down"; intervalSeconds: number }
  | { kind: "approved"; sub: string; anonymous: boolean };

/** One poll as a pure change of the record: remembers the poll, slows a hasty device down, redeems an approval once. */
export function pollDeviceRecord(record: DeviceRecord, nowMs: number): DeviceChange<PollOutcome> {
  const polled: DeviceRecord = { ...record, lastPollMs: nowMs };
  if (pollsTooFast(record, nowMs) && record.status === "pending") {
    const intervalSeconds = record.intervalSeconds + slowDownIncrementSeconds;
    return { record: { ...polled, intervalSeconds }, result: { kind: "slow_down", intervalSeconds } };
  }
  if (record.status !== "approved") return { record: polled, result: { kind: record.status } };
  if (record.sub === undefined) return { record: polled, result: { kind: "no_user" } };
  return { record: { ...polled, status: "redeemed" }, result: { kind: "approved", sub: record.sub, anonymous: record.anonymous ?? false } };
}

export async function handleDeviceCodeGrant(params: URLSearchParams, client: MockClient, context: IssuerContext, deps: MockIdpDeps): Promise<GrantResult> {
  const deviceCode = param(params, "device_code");
  if (deviceCode === undefined) return deviceError("invalid_request", "device_code is required");
  const now = deps.now();
  const opened = await unseal(deps.keys.tokenKey, "device_code", deviceCode, deviceCodeSchema, { now });
  if (!opened.ok) {
    return opened.reason === "expired"
      ? deviceError("expired_token", `the device_code expired (device codes live ${deviceCodeTtlSeconds / 60} minutes); start a new device authorization`)
      : deviceError("invalid_grant", "device_code is invalid");
  }
  const claims = opened.claims;
  if (claims.client_id !== client.client_id) return deviceError("invalid_grant", "device_code was issued to another client");
  if (claims.base !== context.base) return deviceError("invalid_grant", "device_code was issued by another issuer");

  // A device_code whose record is gone (another instance without shared state) starts over as pending.
  const seed = { userCode: claims.user_code, clientId: claims.client_id, scope: claims.scope, expiresAtMs: claims.exp * 1000, intervalSeconds: deps.config.deviceIntervalSeconds };
  const outcome = await deps.state.devices.update(claims.user_code, now, (record) => pollDeviceRecord(record ?? newDeviceRecord(seed), now));
  switch (outcome.kind) {
    case "slow_down":
      return deviceError("slow_down", `polling too fast; wait at least ${outcome.intervalSeconds} seconds between requests`, { "Retry-After": String(outcome.intervalSeconds) }, { interval: outcome.intervalSeconds });
    case "pending":
      return deviceError("authorization_pending", "the user has not approved or denied this request yet");
    case "denied":
      return deviceError("access_denied", "the user denied the request");
    case "redeemed":
      return deviceError("invalid_grant", "device_code was already redeemed");
    case "no_user":
      return deviceError("invalid_grant", "device_code has no approving user");
    case "approved": {
      const subject = { sub: outcome.sub, anonymous: outcome.anonymous, amr: ["app"], auth_time: Math.floor(now / 1000) };
      return { ok: true, tokens: await issueTokens({ grant: `device:${claims.jti}`, subject, client, scope: claims.scope, context, deps }) };
    }
  }
}

/** How many client budgets of user-code tries all clients together get per minute. */
export const userCodeCeilingFactor = 20;

/**
 * RFC 8628 §5.1: tries at a user code per client per minute (MOCK_IDP_USER_CODE_RATE_LIMIT; the
 * page and its form both count), then for all clients together, which still holds when a
 * guesser spreads its tries over many addresses.
 */
export async function checkUserCodeLookup(store: RateLimitStore, caller: string, perClientPerMinute: number): Promise<RateLimitDecision> {
  const own = await store.hit("user-code", caller, { max: perClientPerMinute, windowSeconds: 60 });
  if (!own.ok) return own;
  return store.hit("user-code-all", "all", { max: perClientPerMinute * userCodeCeilingFactor, windowSeconds: 60 });
}

/** The browser's answer to too many tries: a page, still 429, with Retry-After. */
export function userCodeLookupLimitedPage(retryAfterSeconds: number): Response {
  return htmlDocument(
    "429 Too many tries",
    `<h1>Too many tries</h1><p>Too many device codes were tried from here in the last minute. Wait ${escapeHtml(String(retryAfterSeconds))} seconds, then type the code shown on your device again.</p>`,
    429,
    { "Retry-After": String(retryAfterSeconds) },
  );
}

export type DeviceScreen =
  | { state: "enter"; userCode: string; message: string | null }
  | { state: "confirm"; userCode: string; clientName: string; scope: string }
  | { state: "done"; decision: "approved" | "denied" };
// (Lookups are rate limited before this runs: proxy.ts for the page, handleDeviceSubmit for the form.)

const deviceMessages: Record<string, string> = {
  not_found: "That code is unknown or has expired. Check the code on your device, or start again there.",
  decided: "That code was already approved or denied.",
  unavailable: "The IdP cannot reach its shared state (Redis) right now. Try again in a moment.",
};

/** What the /mock-idp/device page shows for its query string. */
export async function getDeviceScreen(input: { user_code?: string; status?: string; message?: string }, deps: MockIdpDeps): Promise<DeviceScreen> {
  if (input.status === "approved" || input.status === "denied") return { state: "done", decision: input.status };
  const userCode = (input.user_code ?? "").slice(0, 32);
  const message = input.message ? deviceMessages[input.message] ?? null : null;
  if (userCode === "") return { state: "enter", userCode, message };
  let record: DeviceRecord | undefined;
  try {
    record = await deps.state.devices.find(userCode, deps.now());
  } catch (error) {
    if (!isSharedStoreUnavailable(error)) throw error;
    return { state: "enter", userCode, message: deviceMessages.unavailable ?? null };
  }
  if (record === undefined) return { state: "enter", userCode, message: deviceMessages.not_found ?? null };
  if (record.status !== "pending") return { state: "enter", userCode, message: deviceMessages.decided ?? null };
  const client = findClient(deps.registry, record.clientId);
  return { state: "confirm", userCode: record.userCode, clientName: client?.client_name ?? record.clientId, scope: record.scope };
}

/** The device page's approve/deny form. */
export async function handleDeviceSubmit(request: Request, origin: string, deps: MockIdpDeps): Promise<Response> {
  const form = await readFormBody(request);
  if (!form.ok) return toErrorResponse(form.error);
  const userCode = param(form.value, "user_code") ?? "";
  const decision = param(form.value, "decision");
  if (decision !== "approve" && decision !== "deny") return toErrorResponse(oauthError("invalid_request", "decision must be approve or deny"));
  const back = (query: Record<string, string>) => redirect(`${origin}${devicePagePath}?${new URLSearchParams(query)}`, 303);

  const limited = await checkUserCodeLookup(deps.state.rateLimits, clientAddress(request.headers, { hops: deps.config.trustProxyHops }), deps.config.userCodeRateLimit);
  if (!limited.ok) return userCodeLookupLimitedPage(limited.retryAfterSeconds);
  const now = deps.now();
  const record = await deps.state.devices.find(userCode, now);
  if (record === undefined) return back({ user_code: normalizeUserCode(userCode).slice(0, 16), message: "not_found" });
  if (record.status !== "pending") return back({ user_code: record.userCode, message: "decided" });
  if (decision === "deny") return settle(await decideDevice(deps, record.userCode, now, { status: "denied" }), "denied", record.userCode, back);
  const user = findDemoUserById(param(form.value, "account") ?? "demo");
  if (user === undefined) return toErrorResponse(oauthError("invalid_request", "account must be demo or anonymous"));
  // As at the login screen: a client that does not allow anonymous grants never gets one, and the
  // request stays pending so an identified account can still approve it.
  const client = findClient(deps.registry, record.clientId);
  if (user.anonymous && !client?.allow_anonymous_grants) {
    return toErrorResponse(oauthError("anonymous_not_allowed", `${client?.client_name ?? record.clientId} accepts only identified accounts; approve with an identified logi account.`));
  }
  return settle(await decideDevice(deps, record.userCode, now, { status: "approved", sub: user.sub, anonymous: user.anonymous }), "approved", record.userCode, back);
}

type Decision = { status: "denied" } | { status: "approved"; sub: string; anonymous: boolean };

/** Only a pending request can be decided, once: the first decision wins, also across instances. */
function decideDevice(deps: MockIdpDeps, userCode: string, nowMs: number, decision: Decision): Promise<"done" | "not_found" | "decided"> {
  return deps.state.devices.update(userCode, nowMs, (record): DeviceChange<"done" | "not_found" | "decided"> => {
    if (record === undefined) return { result: "not_found" };
    if (record.status !== "pending") return { result: "decided" };
    return { record: { ...record, ...decision }, result: "done" };
  });
}

function settle(outcome: "done" | "not_found" | "decided", decided: Decision["status"], userCode: string, back: (query: Record<string, string>) => Response): Response {
  if (outcome === "not_found") return back({ user_code: userCode, message: "not_found" });
  if (outcome === "decided") return back({ user_code: userCode, message: "decided" });
  return back({ status: decided });
}
