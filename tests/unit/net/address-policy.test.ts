// The SSRF rules: every notation of a refused address is refused, opt-in lifts only the private
// ranges, metadata endpoints stay refused. Addresses here are only classified, never connected to.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAddress, checkUrl, maxUrlLength } from "@/lib/net/address-policy";

const optIn = { allowPrivateNetwork: true };

describe("checkUrl: IP literals in every notation", () => {
  // [url, range the address falls in, allowed once DIAGNOSTICS_ALLOW_PRIVATE_NETWORK=1]
  const cases: Array<[string, string, boolean]> = [
    ["https://127.0.0.1/", "loopback", true],
    ["https://2130706433/", "loopback", true],
    ["https://0177.0.0.1/", "loopback", true],
    ["https://017700000001/", "loopback", true],
    ["https://0x7f000001/", "loopback", true],
    ["https://0x7f.1/", "loopback", true],
    ["https://127.1/", "loopback", true],
    ["https://[::1]/", "loopback", true],
    ["https://[::ffff:127.0.0.1]/", "loopback", true],
    ["https://[::ffff:7f00:1]/", "loopback", true],
    ["https://[64:ff9b::7f00:1]/", "loopback", true],
    ["https://[2002:7f00:1::]/", "loopback", true],
    ["https://[::ffff:0:7f00:1]/", "loopback", true],
    ["https://10.0.0.1/", "private", true],
    ["https://10.255.255.255/", "private", true],
    ["https://172.16.0.1/", "private", true],
    ["https://172.31.255.254/", "private", true],
    ["https://192.168.1.1/", "private", true],
    ["https://[::ffff:192.168.1.1]/", "private", true],
    ["https://169.254.1.1/", "linkLocal", true],
    ["https://100.64.0.1/", "carrierGradeNat", true],
    ["https://100.127.255.254/", "carrierGradeNat", true],
    ["https://[fc00::1]/", "uniqueLocal", true],
    ["https://[fd12:3456::1]/", "uniqueLocal", true],
    ["https://[fe80::1]/", "linkLocal", true],
    ["https://[::]/", "unspecified", false],
    ["https://0.0.0.0/", "unspecified", false],
    ["https://0/", "unspecified", false],
    ["https://255.255.255.255/", "broadcast", false],
    ["https://224.0.0.1/", "multicast", false],
    ["https://239.255.255.250/", "multicast", false],
    ["https://[ff02::1]/", "multicast", false],
    ["https://240.0.0.1/", "reserved", false],
    ["https://192.0.2.1/", "reserved", false],
    ["https://169.254.169.254/", "metadata", false],
    ["https://0xa9fea9fe/", "metadata", false],
    ["https://[::ffff:169.254.169.254]/", "metadata", false],
    ["https://[64:ff9b::a9fe:a9fe]/", "metadata", false],
    ["https://[fd00:ec2::254]/", "metadata", false],
    ["https://100.100.100.200/", "metadata", false],
    ["https://168.63.129.16/", "metadata", false],
    ["https://169.254.170.2/", "metadata", false],
    ["https://[::7f00:1]/", "ipv4Compatible", false],
    ["https://[64:ff9b:1::a]/", "rfc6052", false],
  ];

  it.each(cases)("%s is refused without the opt-in (%s)", (url, range) => {
    const verdict = checkUrl(url);
    expect(verdict).toMatchObject({ ok: false, code: "blocked_address" });
    const address = new URL(url).hostname;
    expect(checkAddress(address)).toMatchObject({ ok: false, range });
  });

  it.each(cases)("%s with the opt-in: allowed = %s", (url, _range, allowedWithOptIn) => {
    expect(checkUrl(url, optIn).ok).toBe(allowedWithOptIn);
  });

  it("http:// IP literals are refused by scheme first without the opt-in, by address with it", () => {
    expect(checkUrl("http://2130706433/")).toMatchObject({ ok: false, code: "blocked_scheme" });
    expect(checkUrl("http://169.254.169.254/latest/meta-data/", optIn)).toMatchObject({ ok: false, code: "blocked_address" });
    expect(checkUrl("http://[fd00:ec2::254]/", optIn)).toMatchObject({ ok: false, code: "blocked_address" });
    expect(checkUrl("http://127.0.0.1:3000/", optIn).ok).toBe(true);
  });

  it.each(["https://93.184.215.14/", "https://[2606:4700::1111]/", "https://1.1.1.1/", "https://[2002:5db8:d70e::]/", "https://idp.example.com/.well-known/openid-configuration"])(
    "%s is allowed",
    (url) => {
      const verdict = checkUrl(url);
      expect(verdict.ok).toBe(true);
    },
  );
});

describe("checkAddress", () => {
  it("names the rule and the variable that lifts it", () => {
    const verdict = checkAddress("127.0.0.1");
    expect(verdict).toEqual({
      ok: false,
      range: "loopback",
      message:
        "127.0.0.1 is a loopback address; diagnostics only reach public hosts. To check an IdP on your own machine or network, set DIAGNOSTICS_ALLOW_PRIVATE_NETWORK=1 on the server (the doctor CLI does this by default).",
    });
  });

  it("says no setting allows an always-refused address", () => {
    const verdict = checkAddress("169.254.169.254", optIn);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toMatch(/metadata.*no setting allows it/);
  });

  it("allowAddresses lifts the private rule for exactly those addresses, in any notation", () => {
    const options = { allowAddresses: ["127.0.0.2"] };
    expect(checkAddress("127.0.0.2", options).ok).toBe(true);
    expect(checkAddress("::ffff:127.0.0.2", options).ok).toBe(true);
    expect(checkAddress("127.0.0.1", options).ok).toBe(false);
  });

  it("allowAddresses does not open metadata endpoints", () => {
    expect(checkAddress("169.254.169.254", { allowAddresses: ["169.254.169.254"], allowPrivateNetwork: true }).ok).toBe(false);
  });

  it("refuses what is not an address", () => {
    expect(checkAddress("example.com")).toMatchObject({ ok: false, range: "invalid" });
  });

  it("judges a Teredo address by both IPv4 addresses it carries", () => {
    // Server 65.54.227.120 (public), client 192.0.2.45 obfuscated (RFC 4380's example): reserved.
    expect(checkAddress("2001:0:4136:e378:8000:63bf:3fff:fdd2")).toMatchObject({ ok: false, range: "reserved" });
  });
});

describe("checkUrl: schemes, credentials, ports, length", () => {
  it.each(["file:///etc/passwd", "gopher://example.com/", "ftp://example.com/", "data:text/plain,hi", "javascript:alert(1)", "ws://example.com/", "wss://example.com/"])(
    "%s is refused by name",
    (url) => {
      const verdict = checkUrl(url, optIn);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) {
        expect(verdict.code).toBe("blocked_scheme");
        expect(verdict.message).toContain(`${new URL(url).protocol} URLs are not fetched`);
      }
    },
  );

  it("names the rule for a refused scheme", () => {
    expect(checkUrl("file:///etc/passwd")).toEqual({
      ok: false,
      code: "blocked_scheme",
      message: "file: URLs are not fetched: only https:// (and http:// with DIAGNOSTICS_ALLOW_PRIVATE_NETWORK=1)",
    });
  });

  it("refuses http without the opt-in and allows it with the opt-in or allowHttp", () => {
    expect(checkUrl("http://idp.example.com/")).toMatchObject({ ok: false, code: "blocked_scheme" });
    expect(checkUrl("http://idp.example.com/", optIn).ok).toBe(true);
    expect(checkUrl("http://idp.example.com/", { allowHttp: true }).ok).toBe(true);
    expect(checkUrl("http://127.0.0.1/", { allowHttp: true })).toMatchObject({ ok: false, code: "blocked_address" });
  });

  it("refuses user:password", () => {
    expect(checkUrl("https://user:secret@idp.example.com/")).toMatchObject({ ok: false, code: "blocked_credentials" });
    expect(checkUrl("https://user@idp.example.com/")).toMatchObject({ ok: false, code: "blocked_credentials" });
  });

  it("refuses the Fetch standard's blocked ports", () => {
    expect(checkUrl("https://idp.example.com:25/")).toMatchObject({ ok: false, code: "blocked_port" });
    expect(checkUrl("https://idp.example.com:8443/").ok).toBe(true);
  });

  it("refuses junk and overlong URLs", () => {
    expect(checkUrl("")).toMatchObject({ ok: false, code: "invalid_url" });
    expect(checkUrl("/relative")).toMatchObject({ ok: false, code: "invalid_url" });
    expect(checkUrl(`https://idp.example.com/${"a".repeat(maxUrlLength)}`)).toMatchObject({ ok: false, code: "invalid_url" });
  });
});

describe("properties", () => {
  const octet = fc.integer({ min: 0, max: 255 });
  // [first octet(s), generator of the rest]: loopback, private, link-local, CGNAT.
  const internalIPv4 = fc.oneof(
    fc.tuple(fc.constant(127), octet, octet, octet),
    fc.tuple(fc.constant(10), octet, octet, octet),
    fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), octet, octet),
    fc.tuple(fc.constant(192), fc.constant(168), octet, octet),
    fc.tuple(fc.constant(169), fc.constant(254), octet, octet),
    fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), octet, octet),
  );

  function toInteger([a, b, c, d]: [number, number, number, number]): number {
    return ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  }

  function render(octets: [number, number, number, number], notation: number): string {
    const [a, b, c, d] = octets;
    const hex = (n: number) => `0x${n.toString(16)}`;
    const oct = (n: number) => `0${n.toString(8)}`;
    switch (notation) {
      case 0:
        return `${a}.${b}.${c}.${d}`;
      case 1:
        return String(toInteger(octets));
      case 2:
        return hex(toInteger(octets));
      case 3:
        return `0${toInteger(octets).toString(8)}`;
      case 4:
        return [a, b, c, d].map(oct).join(".");
      case 5:
        return [a, b, c, d].map(hex).join(".");
      case 6:
        return `${a}.${(b << 16) + (c << 8) + d}`;
      case 7:
        return `[::ffff:${a}.${b}.${c}.${d}]`;
      default:
        return `[::ffff:${((a << 8) + b).toString(16)}:${((c << 8) + d).toString(16)}]`;
    }
  }

  it("internal IPv4 addresses in any notation are refused without the opt-in", () => {
    fc.assert(
      fc.property(internalIPv4, fc.integer({ min: 0, max: 8 }), fc.constantFrom("https", "http"), (octets, notation, scheme) => {
        const url = `${scheme}://${render(octets, notation)}/`;
        const verdict = checkUrl(url);
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) expect(["blocked_address", "blocked_scheme"]).toContain(verdict.code);
        expect(checkUrl(url, { allowHttp: true }).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("checkUrl never throws on arbitrary strings", () => {
    const prefixed = fc.tuple(fc.constantFrom("", "https://", "http://", "https://[", "file:"), fc.string({ maxLength: 300 })).map(([prefix, rest]) => prefix + rest);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }), prefixed), fc.boolean(), (input, allowPrivateNetwork) => {
        const verdict = checkUrl(input, { allowPrivateNetwork });
        expect(typeof verdict.ok).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
  });

  it("checkAddress never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (input) => {
        expect(typeof checkAddress(input).ok).toBe("boolean");
      }),
    );
  });
});
