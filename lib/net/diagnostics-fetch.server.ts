// The fetch the diagnostics API routes inject: requests to this site's own bundled mock IdP are
// answered in process by its router (no loopback connection, so they work with the SSRF guard
// on); every other URL goes through the guarded fetch.
import "server-only";
import type { DiagnosticFetch, DiagnosticRequest, FetchOutcome } from "@/lib/diagnostics/fetcher";
import { fromWebResponse } from "@/lib/diagnostics/fetcher";
import { parseMockIdpConfig } from "@/lib/mock-idp/config";
import { resolveOrigin } from "@/lib/mock-idp/origin";
import { mockIdpBasePath } from "@/lib/mock-idp/paths";
import { serveMockIdp } from "@/lib/mock-idp/next-handler.server";
import { createSafeFetch } from "./safe-fetch.server";
import { defaultFetchLimits } from "./fetch-limits";

/** True when the operator lets diagnostics reach loopback and private networks. */
export function isPrivateNetworkAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return /^(1|true|on|yes)$/i.test(env.DIAGNOSTICS_ALLOW_PRIVATE_NETWORK?.trim() ?? "");
}

/** The origin this site is reached under, as the mock IdP computes its own issuers. */
export function siteOrigin(request: Request): string {
  const parsed = parseMockIdpConfig(process.env);
  return resolveOrigin(request, parsed.ok ? parsed.config : { publicOrigin: null, trustProxyHeaders: false });
}

/** Whether a URL points at this site's own bundled mock IdP. */
export function isOwnMockIdp(url: string | null, origin: string): boolean {
  if (url === null || !URL.canParse(url)) return false;
  const target = new URL(url);
  return target.origin === origin && (target.pathname === mockIdpBasePath || target.pathname.startsWith(`${mockIdpBasePath}/`));
}

// The router answers one hop and never follows a redirect, so `followRedirects: false` holds here by construction.
async function fetchInProcess(url: string, request: DiagnosticRequest, origin: string): Promise<FetchOutcome> {
  const started = performance.now();
  const signal = AbortSignal.timeout(defaultFetchLimits.timeoutMs);
  const host = new URL(origin).host;
  const webRequest = new Request(url, { method: request.method ?? "GET", headers: { ...request.headers, host }, body: request.body, signal });
  const answer = serveMockIdp(webRequest);
  const timeout = new Promise<"timeout">((resolve) => signal.addEventListener("abort", () => resolve("timeout"), { once: true }));
  const winner = await Promise.race([answer, timeout]);
  if (winner === "timeout") {
    return { ok: false, error: { code: "timeout", url, message: `no answer within ${defaultFetchLimits.timeoutMs / 1000} s` } };
  }
  return { ok: true, response: await fromWebResponse(url, winner, Math.round(performance.now() - started)) };
}

// One guarded fetch (and so one connection pool) per policy, shared by every request.
const guardedFetches = new Map<boolean, DiagnosticFetch>();

function getGuardedFetch(allowPrivateNetwork: boolean): DiagnosticFetch {
  let guarded = guardedFetches.get(allowPrivateNetwork);
  if (guarded === undefined) {
    guarded = createSafeFetch({ allowPrivateNetwork });
    guardedFetches.set(allowPrivateNetwork, guarded);
  }
  return guarded;
}

export function createDiagnosticsFetch(request: Request, allowPrivateNetwork = isPrivateNetworkAllowed()): DiagnosticFetch {
  const origin = siteOrigin(request);
  const guarded = getGuardedFetch(allowPrivateNetwork);
  return (url, init = {}) => (isOwnMockIdp(url, origin) ? fetchInProcess(url, init, origin) : guarded(url, init));
}
