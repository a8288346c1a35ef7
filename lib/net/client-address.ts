// Who a request comes from, as the rate limiters key it (the mock IdP, the diagnostics, MCP).
// A client can send any X-Forwarded-For it likes, and Next's server keeps that value as sent:
// it fills the header from the socket only when the request has none, and a route handler
// cannot see the socket. So the header is read only as far as the operator's own proxies vouch
// for it (TRUST_PROXY_HOPS): each trusted proxy appends the address it was connected from, so
// the n-th address from the right is the one the outermost trusted proxy saw. Rules:
// - 0 hops (the default): every caller shares one key per limiter; no header can change it.
// - n hops: the n-th address from the right of all X-Forwarded-For values, when it is a valid IP.
//   Fewer addresses than hops, or a value that is not an IP, means the request did not come
//   through the proxies as configured: the shared key again.
// - IPv4-mapped IPv6 addresses count as IPv4; other IPv6 addresses are keyed by their /64, the
//   block one subscriber gets, so rotating addresses inside it changes nothing.
import ipaddr from "ipaddr.js";

/** TRUST_PROXY_HOPS: how many proxies of the operator's own sit in front of this server. */
export type ProxyTrust = { hops: number };

export type ProxyTrustResult = { ok: true; trust: ProxyTrust } | { ok: false; message: string };

/** The key every caller shares when no trusted proxy names it. */
export const sharedClientKey = "shared";

export const maxTrustedProxyHops = 10;

/** Reads TRUST_PROXY_HOPS: blank or absent is 0, otherwise a whole number up to 10. */
export function parseProxyTrust(env: Record<string, string | undefined>): ProxyTrustResult {
  const raw = env.TRUST_PROXY_HOPS?.trim() ?? "";
  if (raw === "") return { ok: true, trust: { hops: 0 } };
  if (!/^\d{1,2}$/.test(raw) || Number(raw) > maxTrustedProxyHops) {
    return {
      ok: false,
      message: `TRUST_PROXY_HOPS must be the number of your own proxies in front of the server, 0 to ${maxTrustedProxyHops} (got "${raw.slice(0, 40)}")`,
    };
  }
  return { ok: true, trust: { hops: Number(raw) } };
}

/** Strips a port (`1.2.3.4:80`, `[::1]:80`) and brackets from one X-Forwarded-For element. */
function bareAddress(element: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(element);
  if (bracketed?.[1]) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(element);
  return v4WithPort?.[1] ?? element;
}

/** One address as a key, or null when it is not an IP address. */
export function toClientKey(element: string): string | null {
  const bare = bareAddress(element.trim());
  if (!bare.includes(":")) return ipaddr.IPv4.isValidFourPartDecimal(bare) ? `ip:${ipaddr.IPv4.parse(bare).toString()}` : null;
  let address: ipaddr.IPv6;
  try {
    address = ipaddr.IPv6.parse(bare);
  } catch {
    return null;
  }
  if (address.isIPv4MappedAddress()) return `ip:${address.toIPv4Address().toString()}`;
  const prefix = new ipaddr.IPv6([...address.parts.slice(0, 4), 0, 0, 0, 0]);
  return `ip:${prefix.toString()}/64`;
}

/** The rate-limit key of the caller behind `headers`, trusting only the configured hops. */
export function clientAddress(headers: Headers, trust: ProxyTrust): string {
  if (trust.hops === 0) return sharedClientKey;
  // Headers joins repeated X-Forwarded-For lines with ", ", which is also the list syntax.
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((element) => element.trim()).filter((element) => element !== "");
  const element = chain.length >= trust.hops ? chain[chain.length - trust.hops] : undefined;
  return (element === undefined ? null : toClientKey(element)) ?? sharedClientKey;
}
