// Facts about JSON Web Keys the JWKS and discovery checks share: reading a key set, which key
// type each JWS algorithm needs (RFC 7518 §3, RFC 8037), RSA modulus sizes, private members.

export type RawKey = Record<string, unknown>;

export type ParsedKeySet = { ok: true; keys: RawKey[] } | { ok: false; problem: string };

export function parseJwksKeys(body: string): ParsedKeySet {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, problem: `the body is not JSON (it starts with ${JSON.stringify(body.slice(0, 40))})` };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { ok: false, problem: "the body is not a JSON object" };
  const keys: unknown = "keys" in json ? json.keys : undefined;
  if (!Array.isArray(keys)) return { ok: false, problem: `"keys" is ${keys === undefined ? "missing" : "not an array"}` };
  const objects = keys.filter((key): key is RawKey => typeof key === "object" && key !== null && !Array.isArray(key)).map((key) => Object.fromEntries(Object.entries(key)));
  if (objects.length !== keys.length) return { ok: false, problem: `${keys.length - objects.length} of the ${keys.length} "keys" entries are not JSON objects` };
  return { ok: true, keys: objects };
}

/** Members that only a private (or symmetric) key has: RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2. */
export const privateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;

/** Public members each key type must carry. */
export const requiredMembers: Record<string, readonly string[]> = {
  RSA: ["n", "e"],
  EC: ["crv", "x", "y"],
  OKP: ["crv", "x"],
};

type KeyFamily = { kty: string; crv?: readonly string[] };

/** The key type (and curves) a JWS algorithm signs with. */
export function keyFamilyForAlg(alg: string): KeyFamily | null {
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return { kty: "RSA" };
  if (alg === "ES256") return { kty: "EC", crv: ["P-256"] };
  if (alg === "ES384") return { kty: "EC", crv: ["P-384"] };
  if (alg === "ES512") return { kty: "EC", crv: ["P-521"] };
  if (alg === "ES256K") return { kty: "EC", crv: ["secp256k1"] };
  if (alg === "EdDSA") return { kty: "OKP", crv: ["Ed25519", "Ed448"] };
  if (alg === "Ed25519") return { kty: "OKP", crv: ["Ed25519"] };
  if (alg === "Ed448") return { kty: "OKP", crv: ["Ed448"] };
  if (/^HS(256|384|512)$/.test(alg)) return { kty: "oct" };
  return null;
}

/** Why a key cannot be used with an algorithm, or null when it can. */
export function algKeyMismatch(alg: string, key: RawKey): string | null {
  const family = keyFamilyForAlg(alg);
  if (family === null) return `"${alg}" is not a JWS signing algorithm this check knows`;
  if (key.kty !== family.kty) return `${alg} needs a ${family.kty} key, but this key is kty ${String(key.kty)}`;
  if (family.crv && !family.crv.includes(String(key.crv))) return `${alg} needs curve ${family.crv.join(" or ")}, but this key is on ${String(key.crv)}`;
  return null;
}

/** Whether some key in the set can verify each algorithm (a key's own `alg`, when set, must be that one). */
export function algorithmsBackedByKeys(algs: readonly string[], keys: readonly RawKey[]): Array<{ alg: string; backed: boolean }> {
  const signingKeys = keys.filter((key) => key.use === undefined || key.use === "sig");
  return algs.map((alg) => ({
    alg,
    backed: signingKeys.some((key) => (key.alg === undefined || key.alg === alg) && algKeyMismatch(alg, key) === null),
  }));
}

/** Decodes base64url (no padding needed); null when the text is not base64url. */
export function decodeBase64url(value: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(value)) return null;
  const base64 = value.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  try {
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The RSA modulus size in bits (leading zero octets excluded), or null when `n` is not base64url. */
export function rsaModulusBits(n: unknown): number | null {
  if (typeof n !== "string" || n === "") return null;
  const bytes = decodeBase64url(n);
  if (bytes === null) return null;
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start += 1;
  if (start === bytes.length) return 0;
  const first = bytes[start] ?? 0;
  return (bytes.length - start - 1) * 8 + (32 - Math.clz32(first));
}

/** The algorithm to import a key with when the key itself names none. */
export function defaultAlgFor(key: RawKey): string | null {
  if (typeof key.alg === "string") return key.alg;
  if (key.kty === "RSA") return "RS256";
  if (key.kty === "EC") return key.crv === "P-384" ? "ES384" : key.crv === "P-521" ? "ES512" : "ES256";
  if (key.kty === "OKP") return "EdDSA";
  return null;
}
