import "server-only";
// The one SSRF-guarded fetch behind the live diagnostics (API routes and the doctor CLI). The
// guard sits in the connector, so the address a socket connects to is the address that was
// checked: DNS answers are vetted before net.connect sees them (no rebinding window), IP
// literals before connecting, and the peer address once more after.
import { lookup as dnsLookup } from "node:dns";
import { isIP, type LookupFunction, type Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import { Agent, buildConnector, fetch } from "undici";
import type { DiagnosticFetch, DiagnosticRequest, FetchFailure, FetchOutcome } from "@/lib/diagnostics/fetcher";
import { checkAddress, checkUrl, findInvalidAddresses, type AddressPolicyOptions, type UrlPolicyOptions } from "./address-policy";
import { readCappedBytes } from "@/lib/http/read-capped";
import { defaultFetchLimits } from "./fetch-limits";

export type SafeFetchOptions = UrlPolicyOptions & {
  /** Body cap in bytes (after decompression). Default 512 KiB. */
  maxBytes?: number;
  /** Cap on the whole request: every hop, connect, headers and body. Default 10 s. */
  timeoutMs?: number;
  /** Redirect hops followed, each re-checked. Default 3. */
  maxRedirects?: number;
  /** node's dns.lookup signature; injectable so tests can map names without real DNS. */
  lookup?: LookupFunction;
  userAgent?: string;
};

export const defaultUserAgent = "oidc-rp-troubleshooting-diagnostics/1.0 (+live OAuth/OIDC checks)";

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
// Diagnostics never authenticate: whatever a caller passes, these never leave the server.
const strippedHeaders = new Set(["authorization", "proxy-authorization", "cookie", "cookie2", "host", "user-agent"]);

/** A guard refusal inside the connector; it travels through undici's error path to the caller. */
class BlockedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BlockedAddressError";
  }
}

type LookupCallback = Parameters<LookupFunction>[2];

/**
 * A dns.lookup that resolves every address and refuses the name if any of them fails
 * checkAddress (a mixed answer is how rebinding attacks hide loopback behind a public address).
 */
export function createGuardedLookup(policy: AddressPolicyOptions, lookup: LookupFunction = dnsLookup): LookupFunction {
  return function guardedLookup(hostname, options, callback: LookupCallback) {
    lookup(hostname, { ...options, all: true }, (error, answer) => {
      if (error) {
        callback(error, "", 0);
        return;
      }
      const addresses = typeof answer === "string" ? [{ address: answer, family: isIP(answer) }] : answer;
      if (addresses.length === 0) {
        callback(Object.assign(new Error(`${hostname} has no addresses`), { code: "ENOTFOUND", hostname }), "", 0);
        return;
      }
      for (const { address } of addresses) {
        const verdict = checkAddress(address, policy);
        if (!verdict.ok) {
          callback(new BlockedAddressError(`${hostname} resolves to ${address}. ${verdict.message}`), "", 0);
          return;
        }
      }
      const first = addresses[0];
      if (options.all || first === undefined) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * undici's connector with the address guard around it: IP-literal hosts are checked before
 * connecting (node skips lookup for them), names go through the guarded lookup, and the socket's
 * remoteAddress is checked after connecting as a second line.
 */
export function createGuardedConnector(policy: AddressPolicyOptions, options: { lookup?: LookupFunction; timeoutMs?: number } = {}): buildConnector.connector {
  const connect = buildConnector({ lookup: createGuardedLookup(policy, options.lookup), timeout: options.timeoutMs ?? defaultFetchLimits.timeoutMs });
  return function guardedConnect(target, callback) {
    const host = target.hostname.startsWith("[") ? target.hostname.slice(1, -1) : target.hostname;
    if (isIP(host) !== 0) {
      const verdict = checkAddress(host, policy);
      if (!verdict.ok) {
        callback(new BlockedAddressError(verdict.message), null);
        return;
      }
    }
    connect(target, (error: Error | null, socket: Socket | TLSSocket | null) => {
      if (error !== null || socket === null) {
        callback(error ?? new Error("the connection failed"), null);
        return;
      }
      const remote = socket.remoteAddress;
      // A socket without a peer address fails the check too ("" is not an address).
      const verdict = checkAddress(remote ?? "", policy);
      if (!verdict.ok) {
        socket.destroy();
        callback(new BlockedAddressError(`connected to ${remote ?? "an unknown address"}. ${verdict.message}`), null);
        return;
      }
      callback(null, socket);
    });
  };
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 1000 ? 2 : 1))} s`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 && bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

/** The error and its causes, outermost first (undici wraps the socket error in "fetch failed"). */
function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  const pending: unknown[] = [error];
  while (pending.length > 0 && chain.length < 10) {
    const next = pending.shift();
    chain.push(next);
    if (next instanceof AggregateError) pending.push(...next.errors);
    if (next instanceof Error && next.cause !== undefined) pending.push(next.cause);
  }
  return chain;
}

function errorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  return typeof error.code === "string" ? error.code : null;
}

const dnsCodes = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_NODATA", "EAI_FAIL", "ENODATA"]);
const connectCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EPIPE", "ETIMEDOUT", "EADDRNOTAVAIL"]);
const tlsCodePattern = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_OSSL_)/;

/** OpenSSL's own messages carry file and line noise; its `reason` is the readable part. */
function tlsProblem(error: unknown, message: string): string {
  const reason = typeof error === "object" && error !== null && "reason" in error ? error.reason : undefined;
  return typeof reason === "string" && reason !== "" ? reason : (message.split("\n")[0] ?? message);
}

/** Turns whatever undici threw into a failure code and a message naming the problem. */
function toTransportFailure(error: unknown, url: string, timedOut: boolean, timeoutMs: number): FetchFailure {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  const host = parsed?.host ?? url;
  if (timedOut) return { code: "timeout", message: `no answer from ${host} within ${formatSeconds(timeoutMs)} (the cap on the whole request, redirects and body included)`, url };
  const chain = errorChain(error);
  const blocked = chain.find((item) => item instanceof BlockedAddressError);
  if (blocked instanceof BlockedAddressError) return { code: "blocked_address", message: blocked.message, url };
  for (const item of chain) {
    const code = errorCode(item);
    const detail = item instanceof Error ? item.message : String(item);
    if (code === null) continue;
    if (dnsCodes.has(code)) {
      const what = code === "EAI_AGAIN" ? "a temporary DNS failure" : "no such host";
      return { code: "dns", message: `${parsed?.hostname ?? url} could not be resolved: ${what} (${code})`, url };
    }
    if (connectCodes.has(code)) return { code: "connect", message: `could not connect to ${host}: ${detail} (${code})`, url };
    if (tlsCodePattern.test(code)) return { code: "tls", message: `TLS with ${host} failed: ${tlsProblem(item, detail)} (${code})`, url };
    if (code === "UND_ERR_CONNECT_TIMEOUT") return { code: "timeout", message: `could not connect to ${host} within ${formatSeconds(timeoutMs)}`, url };
    if (code === "UND_ERR_SOCKET") return { code: "network", message: `${host} closed the connection before answering: ${detail}`, url };
    if (code === "UND_ERR_HEADERS_OVERFLOW") return { code: "too_large", message: `${host} sent more response headers than diagnostics read`, url };
  }
  const last = chain.findLast((item) => item instanceof Error);
  const detail = last instanceof Error ? last.message : String(error);
  return { code: "network", message: `the request to ${host} failed: ${detail}`, url };
}

function buildHeaders(request: DiagnosticRequest, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (!strippedHeaders.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  headers["user-agent"] = userAgent;
  return headers;
}

/** Copies undici's headers into the platform Headers the diagnostics' types name. */
function toPlatformHeaders(source: { forEach(callback: (value: string, name: string) => void): void }): Headers {
  const headers = new Headers();
  source.forEach((value, name) => headers.append(name, value));
  return headers;
}

/**
 * The guarded fetch. Rules: every hop passes checkUrl (scheme, credentials, port, IP literal) and
 * connects through the guarded connector; at most `maxRedirects` hops (303, and 301/302 after a
 * POST, continue as GET), none with `followRedirects: false`; the body is capped at `maxBytes`; one `timeoutMs` covers it all;
 * cookies and credentials are never sent. Every problem is a FetchOutcome, never a throw.
 */
export function createSafeFetch(options: SafeFetchOptions = {}): DiagnosticFetch {
  const invalid = findInvalidAddresses(options.allowAddresses ?? []);
  if (invalid.length > 0) throw new Error(`createSafeFetch: allowAddresses holds entries that are not IP addresses: ${invalid.join(", ")}`);
  const policy: UrlPolicyOptions = { allowPrivateNetwork: options.allowPrivateNetwork, allowAddresses: options.allowAddresses, allowHttp: options.allowHttp };
  const maxBytes = options.maxBytes ?? defaultFetchLimits.maxBytes;
  const timeoutMs = options.timeoutMs ?? defaultFetchLimits.timeoutMs;
  const maxRedirects = options.maxRedirects ?? defaultFetchLimits.maxRedirects;
  const userAgent = options.userAgent ?? defaultUserAgent;
  // pipelining 0 turns keep-alive off: every hop opens a fresh, freshly checked connection, and no
  // idle socket keeps a CLI or test process alive.
  const agent = new Agent({ connect: createGuardedConnector(policy, { lookup: options.lookup, timeoutMs }), pipelining: 0 });

  async function follow(request: DiagnosticRequest, signal: AbortSignal, started: number, hop: { url: string }): Promise<FetchOutcome> {
    const redirects: string[] = [];
    const headers = buildHeaders(request, userAgent);
    let method = request.method ?? "GET";
    let body = request.body;
    let current = hop.url;
    let previous: string | null = null;

    for (;;) {
      hop.url = current;
      const verdict = checkUrl(current, policy);
      if (!verdict.ok) {
        const message = previous === null ? verdict.message : `${previous} redirects to ${current}: ${verdict.message}`;
        return { ok: false, error: { code: verdict.code, message, url: current } };
      }
      const response = await fetch(verdict.url, { method, headers, body, redirect: "manual", signal, dispatcher: agent });
      const location = response.headers.get("location");

      if (request.followRedirects !== false && redirectStatuses.has(response.status) && location !== null) {
        await response.body?.cancel().catch(() => undefined);
        if (redirects.length >= maxRedirects) {
          const message = `${current} redirects again (to ${location.slice(0, 200)}) after ${maxRedirects} redirects; diagnostics follow at most ${maxRedirects}`;
          return { ok: false, error: { code: "too_many_redirects", message, url: current } };
        }
        if (!URL.canParse(location, verdict.url)) {
          return { ok: false, error: { code: "invalid_url", message: `${current} redirects to ${JSON.stringify(location.slice(0, 200))}, which is not a URL`, url: current } };
        }
        if ((response.status === 303 && method !== "HEAD") || ((response.status === 301 || response.status === 302) && method === "POST")) {
          method = "GET";
          body = undefined;
          delete headers["content-type"];
        }
        previous = current;
        current = new URL(location, verdict.url).href;
        redirects.push(current);
        continue;
      }

      const declared = Number(response.headers.get("content-length") ?? "");
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, error: { code: "too_large", message: `${current} declares a ${declared}-byte body; diagnostics read at most ${formatBytes(maxBytes)}`, url: current } };
      }
      const read = await readCappedBytes(response.body, maxBytes);
      if (!read.ok) {
        return { ok: false, error: { code: "too_large", message: `${current} sent more than ${formatBytes(maxBytes)}; diagnostics stop reading there`, url: current } };
      }
      const elapsedMs = Math.round(performance.now() - started);
      return { ok: true, response: { url: current, status: response.status, headers: toPlatformHeaders(response.headers), body: new TextDecoder().decode(read.bytes), redirects, elapsedMs } };
    }
  }

  return async function safeFetch(url, request = {}) {
    const started = performance.now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    // A transport failure is reported against the hop that failed, which follow() keeps current.
    const hop = { url };
    try {
      return await follow(request, controller.signal, started, hop);
    } catch (error) {
      return { ok: false, error: toTransportFailure(error, hop.url, controller.signal.aborted, timeoutMs) };
    } finally {
      clearTimeout(timer);
    }
  };
}
