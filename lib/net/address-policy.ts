// Which URLs and IP addresses the live diagnostics may reach: the SSRF rules, pure, so the guarded
// fetch, the routes and the tests all apply the same ones. Ranges come from ipaddr.js.
import ipaddr from "ipaddr.js";

export type AddressPolicyOptions = {
  /** DIAGNOSTICS_ALLOW_PRIVATE_NETWORK=1: loopback, private, link-local, CGNAT and ULA become reachable. */
  allowPrivateNetwork?: boolean;
  /**
   * Exact addresses reachable even without the opt-in (an operator or test exception list). They
   * lift the private-network rule only: metadata endpoints and never-routable ranges stay refused.
   */
  allowAddresses?: readonly string[];
};

export type AddressVerdict = { ok: true } | { ok: false; range: string; message: string };

export type UrlPolicyOptions = AddressPolicyOptions & {
  /**
   * Plain http without the private-network opt-in. For tests and for operators whose only
   * reachable IdP speaks http through an allowAddresses exception; the address rules still apply.
   */
  allowHttp?: boolean;
};

export type UrlRefusalCode = "invalid_url" | "blocked_scheme" | "blocked_credentials" | "blocked_port" | "blocked_address";

export type UrlVerdict = { ok: true; url: URL } | { ok: false; code: UrlRefusalCode; message: string };

export const maxUrlLength = 2048;

const optInHint =
  "To check an IdP on your own machine or network, set DIAGNOSTICS_ALLOW_PRIVATE_NETWORK=1 on the server (the doctor CLI does this by default).";

// Instance-metadata endpoints hand out the credentials of the machine this server runs on, so no
// setting reaches them, not even the private-network opt-in (168.63.129.16 is even a public-range
// address, which is why these are listed by address rather than by range).
const metadataEndpoints: ReadonlyArray<readonly [string, string]> = [
  ["169.254.169.254", "the AWS, GCP, Azure, OpenStack and Oracle instance metadata endpoint"],
  ["169.254.170.2", "the AWS ECS task metadata and credentials endpoint"],
  ["169.254.170.23", "the AWS EKS Pod Identity credentials endpoint"],
  ["169.254.0.23", "the Tencent Cloud metadata endpoint"],
  ["fd00:ec2::254", "the AWS instance metadata endpoint (IPv6)"],
  ["fd00:ec2::23", "the AWS EKS Pod Identity credentials endpoint (IPv6)"],
  ["100.100.100.200", "the Alibaba Cloud metadata endpoint"],
  ["168.63.129.16", "the Azure WireServer endpoint"],
];

const metadataByKey = new Map(metadataEndpoints.map(([address, name]) => [toKey(ipaddr.parse(address)), name]));

/** Reachable only with the opt-in: the operator's own machine and networks. */
const optInRanges: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private-network address (RFC 1918)",
  linkLocal: "a link-local address",
  carrierGradeNat: "a carrier-grade NAT address (RFC 6598)",
  uniqueLocal: "an IPv6 unique-local address",
};

/** Never reachable: they do not name one remote host. Other non-unicast ranges are refused too. */
const neverRanges: Record<string, string> = {
  unspecified: "the unspecified address, which connects to this server itself",
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  reserved: "in a reserved range (documentation, benchmarking or future use)",
};

const embeddingNames: Record<string, string> = {
  rfc6052: "a NAT64 address",
  rfc6145: "an IPv4-translated address",
  "6to4": "a 6to4 address",
  teredo: "a Teredo address",
};

type Address = ipaddr.IPv4 | ipaddr.IPv6;

type Classification = { kind: "public" } | { kind: "optIn" | "never"; range: string; description: string };

function toKey(address: Address): string {
  return address.kind() === "ipv6" ? `6:${address.toNormalizedString()}` : `4:${address.toNormalizedString()}`;
}

function toIPv4(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The IPv4 addresses an IPv6 address reaches through a translation scheme; null when it cannot tell. */
function embeddedIPv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4[] | null {
  const parts = address.parts;
  const part = (index: number) => parts[index] ?? 0;
  switch (range) {
    // Only the well-known /96 has a fixed position; 64:ff9b:1::/48 embeds wherever its operator chose.
    case "rfc6052":
      return address.match(ipaddr.IPv6.parse("64:ff9b::"), 96) ? [toIPv4(part(6), part(7))] : null;
    case "rfc6145":
      return [toIPv4(part(6), part(7))];
    case "6to4":
      return [toIPv4(part(1), part(2))];
    // Teredo carries the relay server in clear and the client obfuscated (bits inverted); both are reached.
    case "teredo":
      return [toIPv4(part(2), part(3)), toIPv4(~part(6) & 0xffff, ~part(7) & 0xffff)];
    default:
      return null;
  }
}

function classify(address: Address, options: AddressPolicyOptions, allowed: ReadonlySet<string>): Classification {
  const metadata = metadataByKey.get(toKey(address));
  if (metadata !== undefined) return { kind: "never", range: "metadata", description: `${metadata}, which hands out this server's cloud credentials` };
  if (allowed.has(toKey(address))) return { kind: "public" };

  const range = address.range();
  if (range === "unicast") {
    // ipaddr.js calls the deprecated IPv4-compatible form ::a.b.c.d unicast; some stacks still route it to IPv4.
    if (address.kind() === "ipv6" && address.toByteArray().slice(0, 12).every((byte) => byte === 0)) {
      return { kind: "never", range: "ipv4Compatible", description: "a deprecated IPv4-compatible IPv6 address (RFC 4291)" };
    }
    return { kind: "public" };
  }
  const optIn = optInRanges[range];
  if (optIn !== undefined) return { kind: "optIn", range, description: optIn };
  const never = neverRanges[range];
  if (never !== undefined) return { kind: "never", range, description: never };

  const embedding = embeddingNames[range];
  if (embedding !== undefined && address instanceof ipaddr.IPv6) {
    const inner = embeddedIPv4(address, range);
    if (inner === null) return { kind: "never", range, description: `${embedding} whose IPv4 target cannot be told` };
    for (const ipv4 of inner) {
      const verdict = classify(ipv4, options, allowed);
      if (verdict.kind !== "public") return { ...verdict, description: `${embedding} that reaches ${ipv4.toString()}, ${verdict.description}` };
    }
    return { kind: "public" };
  }
  return { kind: "never", range, description: `in the special-purpose range "${range}"` };
}

function toAllowedSet(addresses: readonly string[] | undefined): Set<string> {
  const keys = new Set<string>();
  for (const address of addresses ?? []) if (ipaddr.isValid(address)) keys.add(toKey(ipaddr.process(address)));
  return keys;
}

/** The entries of an allowAddresses list that are not IP addresses (so a caller can report them). */
export function findInvalidAddresses(addresses: readonly string[]): string[] {
  return addresses.filter((address) => !ipaddr.isValid(address));
}

/**
 * May a diagnostic connect to this address? Rules, in order: metadata endpoints never; exact
 * allowAddresses entries yes; global unicast yes; loopback, private, link-local, CGNAT and ULA
 * only with the opt-in; IPv6 forms that embed IPv4 (NAT64, 6to4, Teredo, RFC 6145) by the IPv4
 * rule of what they embed; everything else (unspecified, broadcast, multicast, reserved) never.
 * IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address it is.
 */
export function checkAddress(ip: string, options: AddressPolicyOptions = {}): AddressVerdict {
  const bare = ip.startsWith("[") && ip.endsWith("]") ? ip.slice(1, -1) : ip;
  if (!ipaddr.isValid(bare)) return { ok: false, range: "invalid", message: `"${bare.slice(0, 100)}" is not an IP address` };
  const address = ipaddr.process(bare);
  const verdict = classify(address, options, toAllowedSet(options.allowAddresses));
  if (verdict.kind === "public") return { ok: true };
  if (verdict.kind === "optIn" && options.allowPrivateNetwork) return { ok: true };
  const shown = address.toString() === bare ? bare : `${bare} (${address.toString()})`;
  const message =
    verdict.kind === "optIn"
      ? `${shown} is ${verdict.description}; diagnostics only reach public hosts. ${optInHint}`
      : `${shown} is ${verdict.description}; diagnostics never connect there, and no setting allows it.`;
  return { ok: false, range: verdict.range, message };
}

// The Fetch standard's blocked ports (SMTP, IRC, SIP, ...): a diagnostic has no business there.
const blockedPorts = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

function schemeRule(allowHttp: boolean): string {
  return allowHttp ? "only https:// and http://" : "only https:// (and http:// with DIAGNOSTICS_ALLOW_PRIVATE_NETWORK=1)";
}

/**
 * May a diagnostic fetch this URL? Checks what can be known without DNS: length, WHATWG
 * parsing (which turns 2130706433, 0x7f.1, 0177.0.0.1 and 127.1 into 127.0.0.1), the scheme
 * (https; http only with the opt-in or allowHttp), no user:password, no blocked port, and an
 * IP-literal host against checkAddress. Host names are checked later, on what they resolve to.
 */
export function checkUrl(url: string, options: UrlPolicyOptions = {}): UrlVerdict {
  if (typeof url !== "string" || url.trim() === "") return { ok: false, code: "invalid_url", message: "the URL is empty" };
  if (url.length > maxUrlLength) return { ok: false, code: "invalid_url", message: `the URL is ${url.length} characters long; diagnostics fetch URLs up to ${maxUrlLength}` };
  if (!URL.canParse(url)) return { ok: false, code: "invalid_url", message: `${JSON.stringify(url.slice(0, 120))} is not an absolute URL` };
  const parsed = new URL(url);

  const httpAllowed = Boolean(options.allowPrivateNetwork || options.allowHttp);
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && httpAllowed)) {
    return { ok: false, code: "blocked_scheme", message: `${parsed.protocol} URLs are not fetched: ${schemeRule(httpAllowed)}` };
  }
  if (parsed.username !== "" || parsed.password !== "") {
    return { ok: false, code: "blocked_credentials", message: "URLs with a user name or password are not fetched: diagnostics never send credentials. Remove the user:password@ part." };
  }
  if (parsed.hostname === "") return { ok: false, code: "invalid_url", message: `${parsed.href} has no host` };
  if (parsed.port !== "" && blockedPorts.has(Number(parsed.port))) {
    return { ok: false, code: "blocked_port", message: `port ${parsed.port} is reserved for other protocols (the Fetch standard blocks it); an IdP answers on an HTTP port` };
  }

  // After WHATWG parsing an IP host is either [IPv6] or dotted-quad IPv4; anything else is a name.
  const literal = parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : ipaddr.IPv4.isValidFourPartDecimal(parsed.hostname) ? parsed.hostname : null;
  if (literal !== null) {
    const verdict = checkAddress(literal, options);
    if (!verdict.ok) return { ok: false, code: "blocked_address", message: verdict.message };
  }
  return { ok: true, url: parsed };
}
