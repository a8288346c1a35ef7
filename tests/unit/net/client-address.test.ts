// The one rate-limit key function: only the operator's trusted hops may name the caller.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientAddress, parseProxyTrust, sharedClientKey, toClientKey } from "@/lib/net/client-address";

function headers(...forwardedFor: string[]): Headers {
  const result = new Headers();
  for (const value of forwardedFor) result.append("x-forwarded-for", value);
  return result;
}

describe("clientAddress without a trusted proxy (TRUST_PROXY_HOPS=0, the default)", () => {
  it("gives every caller the shared key, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers(), { hops: 0 })).toBe(sharedClientKey);
    expect(clientAddress(headers("198.51.100.7"), { hops: 0 })).toBe(sharedClientKey);
    expect(clientAddress(headers("198.51.100.7, 203.0.113.9"), { hops: 0 })).toBe(sharedClientKey);
  });

  it("cannot be moved by any forged header value", () => {
    fc.assert(fc.property(fc.string(), (forged) => clientAddress(headers(forged.replace(/[\r\n\0]/g, "")), { hops: 0 }) === sharedClientKey));
  });
});

describe("clientAddress behind trusted proxies", () => {
  it("takes the n-th address from the right: what the outermost trusted proxy saw", () => {
    const chain = headers("10.1.1.1, 198.51.100.7, 203.0.113.9");
    expect(clientAddress(chain, { hops: 1 })).toBe("ip:203.0.113.9");
    expect(clientAddress(chain, { hops: 2 })).toBe("ip:198.51.100.7");
    expect(clientAddress(chain, { hops: 3 })).toBe("ip:10.1.1.1");
  });

  it("reads repeated X-Forwarded-For lines as one list", () => {
    expect(clientAddress(headers("10.1.1.1", "203.0.113.9"), { hops: 1 })).toBe("ip:203.0.113.9");
    expect(clientAddress(headers("10.1.1.1", "203.0.113.9"), { hops: 2 })).toBe("ip:10.1.1.1");
  });

  it("ignores whatever the client wrote to the left of the trusted hops", () => {
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { maxLength: 5 }), (forged) => clientAddress(headers([...forged, "203.0.113.9"].join(", ")), { hops: 1 }) === "ip:203.0.113.9"),
    );
  });

  it("falls back to the shared key when the chain is shorter than the hops or the hop is not an IP", () => {
    expect(clientAddress(headers(), { hops: 1 })).toBe(sharedClientKey);
    expect(clientAddress(headers("203.0.113.9"), { hops: 2 })).toBe(sharedClientKey);
    expect(clientAddress(headers("198.51.100.7, unknown"), { hops: 1 })).toBe(sharedClientKey);
    expect(clientAddress(headers("198.51.100.7, 1.2.3"), { hops: 1 })).toBe(sharedClientKey);
    expect(clientAddress(headers(" , ,"), { hops: 1 })).toBe(sharedClientKey);
  });
});

describe("toClientKey", () => {
  it("strips ports and brackets and folds IPv4-mapped IPv6 into IPv4", () => {
    expect(toClientKey("203.0.113.9:4711")).toBe("ip:203.0.113.9");
    expect(toClientKey("::ffff:203.0.113.9")).toBe("ip:203.0.113.9");
    expect(toClientKey("[::ffff:203.0.113.9]:80")).toBe("ip:203.0.113.9");
  });

  it("keys IPv6 callers by their /64, so rotating addresses inside it changes nothing", () => {
    expect(toClientKey("2001:db8:1:2::1")).toBe("ip:2001:db8:1:2::/64");
    expect(toClientKey("[2001:db8:1:2:aaaa:bbbb:cccc:dddd]:443")).toBe("ip:2001:db8:1:2::/64");
    expect(toClientKey("2001:db8:1:3::1")).toBe("ip:2001:db8:1:3::/64");
  });

  it("refuses anything that is not an IP address", () => {
    for (const value of ["", "unknown", "example.com", "1.2.3", "999.1.1.1", "::g"]) expect(toClientKey(value)).toBeNull();
  });
});

describe("parseProxyTrust", () => {
  it("defaults to no trusted proxy", () => {
    expect(parseProxyTrust({})).toEqual({ ok: true, trust: { hops: 0 } });
    expect(parseProxyTrust({ TRUST_PROXY_HOPS: " " })).toEqual({ ok: true, trust: { hops: 0 } });
  });

  it("reads a hop count", () => {
    expect(parseProxyTrust({ TRUST_PROXY_HOPS: "2" })).toEqual({ ok: true, trust: { hops: 2 } });
  });

  it.each(["-1", "1.5", "yes", "11", "true"])("refuses %s, naming the variable", (value) => {
    expect(parseProxyTrust({ TRUST_PROXY_HOPS: value })).toMatchObject({ ok: false, message: expect.stringContaining("TRUST_PROXY_HOPS") });
  });
});
