import "server-only";
// The diagnostics API routes' budget: requests per client per minute, and how many live checks
// run at once, overall and per client (each can hold an outbound connection for up to 10 s).
// Over budget the route answers 429 JSON with Retry-After instead of running the check. The
// per-minute budget is counted in Redis when REDIS_URL is set (one budget for every instance);
// the in-flight caps stay per instance, since they guard this process's own connections.
import type { RateLimitStore } from "@/lib/store/rate-limit";
import { createRateLimitStore, getSharedRateLimits } from "@/lib/store/rate-limit.server";
import { isSharedStoreUnavailable } from "@/lib/store/unavailable";
import { clientAddress, parseProxyTrust, type ProxyTrust } from "@/lib/net/client-address";

export type DiagnosticsLimitsOptions = {
  /** `DIAGNOSTICS_RATE_LIMIT`: requests per client per minute. */
  requestsPerMinute: number;
  /** `DIAGNOSTICS_MAX_CONCURRENCY`: checks in flight across all clients. */
  maxConcurrency: number;
  /** Checks in flight for one client. */
  maxConcurrencyPerClient: number;
};

/** Why a run was not started: over budget (429) or switched off by a bad setting (503). */
export type LimitRefusal = { status: 429 | 503; error: string; message: string; retryAfterSeconds?: number };

export type Limited<T> = { ok: true; value: T } | { ok: false; refusal: LimitRefusal };

export type DiagnosticsLimits = {
  /** Runs `run` within the budget, or says why not without running it. */
  attempt<T>(request: Request, run: () => Promise<T>): Promise<Limited<T>>;
  /** `attempt` for a route handler: a refusal becomes its 429 JSON answer. */
  run(request: Request, run: () => Promise<Response>): Promise<Response>;
};

export type LimitsConfigResult = { ok: true; options: DiagnosticsLimitsOptions } | { ok: false; message: string };

type Env = Record<string, string | undefined>;

export const defaultDiagnosticsLimits: DiagnosticsLimitsOptions = { requestsPerMinute: 30, maxConcurrency: 8, maxConcurrencyPerClient: 2 };

/** A whole-number setting from 1 to `max`; blank gives `fallback`, anything else null. */
export function parseCount(value: string | undefined, fallback: number, max: number): number | null {
  if (value === undefined || value.trim() === "") return fallback;
  if (!/^\d+$/.test(value.trim())) return null;
  const count = Number(value.trim());
  return count >= 1 && count <= max ? count : null;
}

export function parseDiagnosticsLimits(env: Env): LimitsConfigResult {
  const requestsPerMinute = parseCount(env.DIAGNOSTICS_RATE_LIMIT, defaultDiagnosticsLimits.requestsPerMinute, 10_000);
  if (requestsPerMinute === null) {
    return { ok: false, message: `DIAGNOSTICS_RATE_LIMIT must be a whole number of requests per minute from 1 to 10000 (got "${env.DIAGNOSTICS_RATE_LIMIT}")` };
  }
  const maxConcurrency = parseCount(env.DIAGNOSTICS_MAX_CONCURRENCY, defaultDiagnosticsLimits.maxConcurrency, 1000);
  if (maxConcurrency === null) {
    return { ok: false, message: `DIAGNOSTICS_MAX_CONCURRENCY must be a whole number of checks from 1 to 1000 (got "${env.DIAGNOSTICS_MAX_CONCURRENCY}")` };
  }
  const maxConcurrencyPerClient = Math.min(defaultDiagnosticsLimits.maxConcurrencyPerClient, maxConcurrency);
  return { ok: true, options: { requestsPerMinute, maxConcurrency, maxConcurrencyPerClient } };
}

function tooMany(message: string, retryAfterSeconds: number): { ok: false; refusal: LimitRefusal } {
  return { ok: false, refusal: { status: 429, error: "rate_limited", message, retryAfterSeconds } };
}

/** A refusal as the diagnostics API's JSON error, with Retry-After when it has one. */
export function refusalResponse(refusal: LimitRefusal): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (refusal.retryAfterSeconds !== undefined) headers["Retry-After"] = String(refusal.retryAfterSeconds);
  return Response.json({ error: refusal.error, message: refusal.message }, { status: refusal.status, headers });
}

/**
 * Rules, in order: each request costs one point of the client's per-minute budget (so refused
 * attempts count too); then the overall and the per-client in-flight caps; the slot is freed
 * when `run` settles, whether it answered or threw.
 */
/** `trust`: the site's TRUST_PROXY_HOPS, which decides who counts as one client. */
export function createDiagnosticsLimits(options: Partial<DiagnosticsLimitsOptions> = {}, trust: ProxyTrust = { hops: 0 }, store: RateLimitStore = createRateLimitStore()): DiagnosticsLimits {
  const limits = { ...defaultDiagnosticsLimits, ...options };
  const inFlightByClient = new Map<string, number>();
  let inFlight = 0;

  async function attempt<T>(request: Request, run: () => Promise<T>): Promise<Limited<T>> {
    const key = clientAddress(request.headers, trust);
    let decision;
    try {
      decision = await store.hit("diagnostics", key, { max: limits.requestsPerMinute, windowSeconds: 60 });
    } catch (error) {
      if (!isSharedStoreUnavailable(error)) throw error;
      return { ok: false, refusal: { status: 503, error: error.code, message: error.message, retryAfterSeconds: 5 } };
    }
    if (!decision.ok) {
      const seconds = decision.retryAfterSeconds;
      return tooMany(`Too many diagnostics from this client: at most ${limits.requestsPerMinute} a minute. Try again in ${seconds} s.`, seconds);
    }

    const mine = inFlightByClient.get(key) ?? 0;
    if (inFlight >= limits.maxConcurrency) {
      return tooMany(`The server is running ${limits.maxConcurrency} diagnostics at once, its limit. Try again in a moment.`, 1);
    }
    if (mine >= limits.maxConcurrencyPerClient) {
      return tooMany(`This client already has ${limits.maxConcurrencyPerClient} diagnostics running. Wait for one to finish.`, 1);
    }

    inFlight += 1;
    inFlightByClient.set(key, mine + 1);
    try {
      return { ok: true, value: await run() };
    } finally {
      inFlight -= 1;
      const left = (inFlightByClient.get(key) ?? 1) - 1;
      if (left > 0) inFlightByClient.set(key, left);
      else inFlightByClient.delete(key);
    }
  }

  return {
    attempt,
    async run(request, run) {
      const outcome = await attempt(request, run);
      return outcome.ok ? outcome.value : refusalResponse(outcome.refusal);
    },
  };
}

const limitsKey = Symbol.for("oidc-rp-troubleshooting.diagnostics.limits");

// Route bundles may hold separate copies of this module, so the one budget sits on globalThis.
function getSharedLimits(): DiagnosticsLimits {
  const holder: Record<symbol, DiagnosticsLimits | undefined> = globalThis;
  const existing = holder[limitsKey];
  if (existing !== undefined) return existing;
  const parsed = parseDiagnosticsLimits(process.env);
  if (!parsed.ok) throw new Error(`Diagnostics limits configuration: ${parsed.message}`);
  const proxyTrust = parseProxyTrust(process.env);
  if (!proxyTrust.ok) throw new Error(`Diagnostics limits configuration: ${proxyTrust.message}`);
  const created = createDiagnosticsLimits(parsed.options, proxyTrust.trust, getSharedRateLimits());
  holder[limitsKey] = created;
  return created;
}

/** Runs `run` within this server's shared diagnostics budget (API routes and MCP tools alike). */
export async function attemptWithinDiagnosticsLimits<T>(request: Request, run: () => Promise<T>): Promise<Limited<T>> {
  let limits: DiagnosticsLimits;
  try {
    limits = getSharedLimits();
  } catch (error) {
    // An operator mistake (a bad DIAGNOSTICS_* value): say which, rather than a bare 500.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[diagnostics] ${message}`);
    return { ok: false, refusal: { status: 503, error: "misconfigured", message: `The diagnostics are switched off until the server's configuration is fixed: ${message}` } };
  }
  return limits.attempt(request, run);
}

/** Runs a diagnostics route handler within this server's shared budget, or answers 429 / 503. */
export async function withDiagnosticsLimits(request: Request, run: () => Promise<Response>): Promise<Response> {
  const outcome = await attemptWithinDiagnosticsLimits(request, run);
  return outcome.ok ? outcome.value : refusalResponse(outcome.refusal);
}
