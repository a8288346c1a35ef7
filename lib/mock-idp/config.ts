// Operator settings for the mock IdP, read from environment variables. Every variable is
// optional; the defaults suit local development and the test suites.
import { isLoginMethod, loginMethods, type LoginMethod } from "@/lib/diagnostics/provider-precedence";
import { parseProxyTrust } from "@/lib/net/client-address";

export type MockIdpConfig = {
  /** `MOCK_IDP_ENABLED=0` (or false/off/no) answers 404 on every mock IdP path. */
  enabled: boolean;
  /** `MOCK_IDP_PUBLIC_ORIGIN`: pins the origin in the issuer (e.g. behind a proxy). */
  publicOrigin: string | null;
  /** `MOCK_IDP_TRUST_PROXY=1`: derive the origin from X-Forwarded-Host/-Proto. Off by default. */
  trustProxyHeaders: boolean;
  /** `TRUST_PROXY_HOPS` (site-wide): proxies whose X-Forwarded-For entries name the caller. 0 by default. */
  trustProxyHops: number;
  /** `MOCK_IDP_AVAILABLE_METHODS`: login methods this environment can render (e.g. without kakao). */
  availableMethods: LoginMethod[];
  /** `MOCK_IDP_RATE_LIMIT` requests per `MOCK_IDP_RATE_LIMIT_WINDOW_SECONDS`, per route and client. */
  rateLimit: { max: number; windowSeconds: number };
  /** `MOCK_IDP_SLOW_DISCOVERY_MS`: how long the slow-discovery scenario stalls (max 15 s). */
  slowDiscoveryMs: number;
  /** `MOCK_IDP_DEVICE_INTERVAL`: the device flow's polling interval in seconds. */
  deviceIntervalSeconds: number;
  /** `MOCK_IDP_USER_CODE_RATE_LIMIT`: user codes one client may try per minute (RFC 8628 §5.1); all clients together get 20 times that. */
  userCodeRateLimit: number;
};

export type ConfigResult = { ok: true; config: MockIdpConfig } | { ok: false; message: string };

type Env = Record<string, string | undefined>;

export const defaultMockIdpConfig: MockIdpConfig = {
  enabled: true,
  publicOrigin: null,
  trustProxyHeaders: false,
  trustProxyHops: 0,
  availableMethods: [...loginMethods],
  rateLimit: { max: 300, windowSeconds: 60 },
  slowDiscoveryMs: 5000,
  deviceIntervalSeconds: 5,
  userCodeRateLimit: 10,
};

const maxSlowDiscoveryMs = 15_000;

function parseFlag(value: string | undefined, fallback: boolean): boolean | null {
  if (value === undefined || value.trim() === "") return fallback;
  const normalized = value.trim().toLowerCase();
  if (["1", "true", "on", "yes"].includes(normalized)) return true;
  if (["0", "false", "off", "no"].includes(normalized)) return false;
  return null;
}

function parseInteger(value: string | undefined, fallback: number, min: number, max: number): number | null {
  if (value === undefined || value.trim() === "") return fallback;
  if (!/^\d+$/.test(value.trim())) return null;
  const number = Number(value.trim());
  return number >= min && number <= max ? number : null;
}

export function parseMockIdpConfig(env: Env): ConfigResult {
  const enabled = parseFlag(env.MOCK_IDP_ENABLED, true);
  if (enabled === null) return { ok: false, message: "MOCK_IDP_ENABLED must be 1/true/on/yes or 0/false/off/no" };
  const trustProxyHeaders = parseFlag(env.MOCK_IDP_TRUST_PROXY, false);
  if (trustProxyHeaders === null) return { ok: false, message: "MOCK_IDP_TRUST_PROXY must be 1/true/on/yes or 0/false/off/no" };
  const proxyTrust = parseProxyTrust(env);
  if (!proxyTrust.ok) return { ok: false, message: proxyTrust.message };

  let publicOrigin: string | null = null;
  const rawOrigin = env.MOCK_IDP_PUBLIC_ORIGIN?.trim();
  if (rawOrigin) {
    const parsed = URL.canParse(rawOrigin) ? new URL(rawOrigin) : null;
    if (parsed === null || (parsed.protocol !== "http:" && parsed.protocol !== "https:") || parsed.origin !== rawOrigin.replace(/\/$/, "")) {
      return { ok: false, message: `MOCK_IDP_PUBLIC_ORIGIN must be a bare origin such as https://kb.example.com (got "${rawOrigin}")` };
    }
    publicOrigin = parsed.origin;
  }

  let availableMethods: LoginMethod[] = [...loginMethods];
  const rawMethods = env.MOCK_IDP_AVAILABLE_METHODS;
  if (rawMethods !== undefined && rawMethods.trim() !== "") {
    availableMethods = [];
    for (const part of rawMethods.split(",")) {
      const method = part.trim().toLowerCase();
      if (!isLoginMethod(method)) {
        return { ok: false, message: `MOCK_IDP_AVAILABLE_METHODS: "${part.trim()}" is not one of ${loginMethods.join(", ")}` };
      }
      availableMethods.push(method);
    }
  }

  const max = parseInteger(env.MOCK_IDP_RATE_LIMIT, defaultMockIdpConfig.rateLimit.max, 1, 1_000_000);
  if (max === null) return { ok: false, message: "MOCK_IDP_RATE_LIMIT must be a whole number of requests (1 or more)" };
  const windowSeconds = parseInteger(env.MOCK_IDP_RATE_LIMIT_WINDOW_SECONDS, defaultMockIdpConfig.rateLimit.windowSeconds, 1, 86_400);
  if (windowSeconds === null) return { ok: false, message: "MOCK_IDP_RATE_LIMIT_WINDOW_SECONDS must be between 1 and 86400" };
  const slowDiscoveryMs = parseInteger(env.MOCK_IDP_SLOW_DISCOVERY_MS, defaultMockIdpConfig.slowDiscoveryMs, 0, maxSlowDiscoveryMs);
  if (slowDiscoveryMs === null) return { ok: false, message: `MOCK_IDP_SLOW_DISCOVERY_MS must be between 0 and ${maxSlowDiscoveryMs}` };
  const deviceIntervalSeconds = parseInteger(env.MOCK_IDP_DEVICE_INTERVAL, defaultMockIdpConfig.deviceIntervalSeconds, 1, 60);
  if (deviceIntervalSeconds === null) return { ok: false, message: "MOCK_IDP_DEVICE_INTERVAL must be between 1 and 60 seconds" };
  const userCodeRateLimit = parseInteger(env.MOCK_IDP_USER_CODE_RATE_LIMIT, defaultMockIdpConfig.userCodeRateLimit, 1, 10_000);
  if (userCodeRateLimit === null) return { ok: false, message: "MOCK_IDP_USER_CODE_RATE_LIMIT must be a whole number of tries per minute from 1 to 10000" };

  return {
    ok: true,
    config: { enabled, publicOrigin, trustProxyHeaders, trustProxyHops: proxyTrust.trust.hops, availableMethods, rateLimit: { max, windowSeconds }, slowDiscoveryMs, deviceIntervalSeconds, userCodeRateLimit },
  };
}
