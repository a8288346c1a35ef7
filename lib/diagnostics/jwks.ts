// The JWKS check: lists the keys an issuer publishes and finds the problems that make RPs fail
// to verify id_tokens. Rules, in the order they are reported:
//   1. the key set is found (jwks_uri from discovery, or given) and fetched: 200, no redirects
//   2. it is a JSON object with a non-empty "keys" array (RFC 7517 §5)
//   3. no private or symmetric members anywhere (scanned in the raw JSON too)
//   4. every key has a kid, and no two different keys share one
//   5. each key has the members its kty needs, an alg that fits it, imports, and RSA ≥ 2048 bits
//   6. an x5c leaf certificate carries the same public key as the bare members
//   7. cache lifetime ≤ 1 h, so a rotation reaches RPs
//   8. with a token header: its kid resolves to exactly one key and its alg is advertised
// Only a token's protected header is ever needed; the widget strips the claims in the browser.
import { calculateJwkThumbprint, exportJWK, importJWK, importX509, type JWK } from "jose";
import { z } from "zod";
import type { DiagnosticDeps, DiagnosticFetch, FetchedResponse, FetchFailure } from "./fetcher";
import { finding, isOk, type Finding, type ToolResult } from "./findings";
import { explainedIn } from "./explained-in";
import { parseWith, userUrlSchema, type DiagnosticError, type ParseResult, parseJsonObject } from "./input";
import { algKeyMismatch, decodeBase64url, defaultAlgFor, parseJwksKeys, privateMembers, requiredMembers, rsaModulusBits, type RawKey } from "./jwks-keys";
import { openIdConfigurationUrl } from "./discovery";
import { toRefusal, type DiagnosticRun } from "./run";
import { checkIdpUrl } from "./url-rules";

/** The longest token (or header) accepted; real id_tokens are a few KB. */
export const maxTokenLength = 16_384;

export const jwksInputSchema = z
  .strictObject({
    issuer: userUrlSchema.optional(),
    jwks_uri: userUrlSchema.optional(),
    token: z.string().trim().min(1, "is empty; paste the token's header or leave it out").max(maxTokenLength, `is longer than ${maxTokenLength} characters`).optional(),
  })
  .refine((input) => (input.issuer === undefined) !== (input.jwks_uri === undefined), {
    message: "give either issuer (the key set is found through discovery) or jwks_uri, not both and not neither",
  });

export type JwksInput = z.infer<typeof jwksInputSchema>;

export function parseJwksInput(source: URLSearchParams | unknown): ParseResult<JwksInput> {
  return parseWith(jwksInputSchema, source, "jwks");
}

export type TokenHeader = { alg?: string; kid?: string; typ?: string };

export type KeyRow = { kid: string | null; kty: string; alg: string | null; use: string | null; crv?: string; bits?: number; thumbprint: string | null };

export type JwksResult = ToolResult<"jwks"> & {
  jwks_uri: string | null;
  keys: KeyRow[];
  token?: TokenHeader;
  reachable: boolean;
  /**
   * The published keys reduced to their public members (plus kid, alg, use), so a browser can
   * verify a token's signature itself: the token never has to reach the server.
   */
  public_keys: JWK[];
};

const specs = {
  jwks: "RFC 7517 §5",
  members: "RFC 7518 §6",
  kid: "RFC 7517 §4.5; OpenID Connect Core 1.0 §10.1",
  x5c: "RFC 7517 §4.7",
  rsa: "RFC 7518 §3.3",
  rotation: "OpenID Connect Core 1.0 §10.1.1",
  token: "RFC 7515 §4.1",
} as const;

// ---- the token header ------------------------------------------------------------------

/**
 * Reads a JWS protected header from its JSON, its base64url segment, or a whole compact token
 * (only the first segment is read; the claims are never decoded).
 */
export function parseTokenHeader(text: string): { ok: true; header: TokenHeader } | { ok: false; error: DiagnosticError } {
  const trimmed = text.trim();
  let header: Record<string, unknown> | null;
  if (trimmed.startsWith("{")) {
    header = parseJsonObject(trimmed);
  } else {
    const segment = trimmed.split(".")[0] ?? "";
    const bytes = decodeBase64url(segment);
    header = bytes === null ? null : parseJsonObject(new TextDecoder().decode(bytes));
  }
  if (header === null) {
    return { ok: false, error: { error: "invalid_request", message: "jwks: token is neither a JWS header as JSON ({\"alg\":…,\"kid\":…}), nor its base64url segment, nor a compact token (header.payload.signature)." } };
  }
  const pick = (name: string) => (typeof header[name] === "string" ? { [name]: header[name] } : {});
  return { ok: true, header: { ...pick("alg"), ...pick("kid"), ...pick("typ") } };
}

// ---- the key set -----------------------------------------------------------------------

export function checkJwksResponse(response: FetchedResponse): Finding[] {
  const checks: Finding[] = [];
  if (response.status >= 500) {
    checks.push(finding("jwks.status", "fail", `${response.url} answered HTTP ${response.status}${response.headers.get("retry-after") ? ` (Retry-After ${response.headers.get("retry-after")})` : ""}; expected 200 with the key set. No id_token can be verified while it fails.`, { entry: explainedIn.jwksServerError, spec: specs.jwks }));
    return checks;
  }
  if (response.status !== 200) {
    checks.push(finding("jwks.status", "fail", `${response.url} answered HTTP ${response.status}; expected 200 with the key set.`, { entry: explainedIn.jwksNotAKeySet, spec: specs.jwks }));
    return checks;
  }
  checks.push(
    response.redirects.length > 0
      ? finding("jwks.status", "warn", `The key set answered 200 only after ${response.redirects.length} redirect(s) (${response.redirects.join(" → ")}); libraries that do not follow redirects for jwks_uri fail here. Expected jwks_uri to point at the final URL.`, { entry: explainedIn.jwksRedirects, spec: specs.jwks })
      : finding("jwks.status", "pass", `${response.url} answered HTTP 200 in ${(response.elapsedMs / 1000).toFixed(1)} s.`, { spec: specs.jwks }),
  );
  const type = response.headers.get("content-type") ?? "";
  checks.push(
    /^application\/(jwk-set\+json|json)\s*(;|$)/i.test(type)
      ? finding("jwks.content-type", "pass", `Content-Type is ${type}.`, { spec: specs.jwks })
      : finding("jwks.content-type", "warn", `Content-Type is ${type || "missing"}; expected application/jwk-set+json or application/json.`, { entry: explainedIn.jwksNotAKeySet, spec: specs.jwks }),
  );
  return checks;
}

/** Private members named in the raw text, for key sets too broken to parse. */
function scanRawPrivateMembers(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(/"(d|p|q|dp|dq|qi|oth|k)"\s*:/g)) if (match[1]) found.add(match[1]);
  if (/"kty"\s*:\s*"oct"/.test(body)) found.add("kty: oct");
  return [...found];
}

function keyLabel(key: RawKey, index: number): string {
  return typeof key.kid === "string" ? `kid "${key.kid}"` : `key #${index + 1} (no kid)`;
}

export function checkPrivateMembers(keys: readonly RawKey[] | null, body: string): Finding {
  const leaks = keys === null
    ? scanRawPrivateMembers(body).map((member) => `member ${member}`)
    : keys.flatMap((key, index) => {
        const members = privateMembers.filter((member) => member in key);
        const symmetric = key.kty === "oct" ? ["kty oct (a shared secret)"] : [];
        const found = [...symmetric, ...members];
        return found.length > 0 ? [`${keyLabel(key, index)}: ${found.join(", ")}`] : [];
      });
  if (leaks.length > 0) {
    return finding("jwks.private-members", "fail", `The public key set contains private or symmetric key material (${leaks.join("; ")}). Anyone can now sign tokens as this IdP: rotate the keys and publish only public members (kty, kid, use, alg, n, e or crv, x, y).`, { entry: explainedIn.privateMembers, spec: specs.members });
  }
  return finding("jwks.private-members", "pass", "Only public key members are published.", { spec: specs.members });
}

export function checkKids(keys: readonly RawKey[], rows: readonly KeyRow[]): Finding[] {
  const checks: Finding[] = [];
  const missing = keys.map((key, index) => ({ key, index })).filter(({ key }) => typeof key.kid !== "string" || key.kid === "");
  if (missing.length > 0) {
    const several = keys.length > 1;
    checks.push(finding("jwks.kid-missing", several ? "fail" : "warn", `${missing.length} of ${keys.length} keys have no kid (${missing.map(({ key, index }) => keyLabel(key, index)).join(", ")}). ${several ? "With several keys, a verifier cannot pick the right one, and tokens fail at random." : "It works while there is one key, and breaks at the first rotation."} Expected a unique kid on every key.`, { entry: explainedIn.kidMissing, spec: specs.kid }));
  }
  const byKid = new Map<string, number[]>();
  keys.forEach((key, index) => {
    if (typeof key.kid !== "string" || key.kid === "") return;
    const slot = `${key.kid}\u0000${typeof key.use === "string" ? key.use : "sig"}`;
    byKid.set(slot, [...(byKid.get(slot) ?? []), index]);
  });
  const clashes: string[] = [];
  const copies: string[] = [];
  for (const [slot, indexes] of byKid) {
    if (indexes.length < 2) continue;
    const kid = slot.split("\u0000")[0] ?? "";
    const prints = new Set(indexes.map((index) => rows[index]?.thumbprint ?? `unreadable-${index}`));
    (prints.size > 1 ? clashes : copies).push(`"${kid}" (${indexes.length} keys)`);
  }
  if (clashes.length > 0) {
    checks.push(finding("jwks.duplicate-kid", "fail", `Different keys share a kid: ${clashes.join(", ")}. A verifier that picks the first match fails for tokens signed with the other one. Expected one key per kid.`, { entry: explainedIn.duplicateKid, spec: specs.kid }));
  } else if (copies.length > 0) {
    checks.push(finding("jwks.duplicate-kid", "warn", `The same key is listed more than once: ${copies.join(", ")}. Harmless to most verifiers, but some refuse a kid that matches two entries.`, { entry: explainedIn.duplicateKid, spec: specs.kid }));
  } else if (missing.length === 0) {
    checks.push(finding("jwks.duplicate-kid", "pass", `All ${keys.length} kids are unique.`, { spec: specs.kid }));
  }
  return checks;
}

/** The public members of a key (what a verifier imports; private members are never read). */
export function publicJwk(key: RawKey): JWK {
  const members = ["kty", "n", "e", "crv", "x", "y"];
  return Object.fromEntries(Object.entries(key).filter(([name, value]) => members.includes(name) && typeof value === "string"));
}

/** The public members and the identifying ones: what a verifier needs, never a private member. */
export function toPublicKey(key: RawKey): JWK {
  const labels = Object.fromEntries(Object.entries(key).filter(([name, value]) => (name === "kid" || name === "alg" || name === "use") && typeof value === "string"));
  return { ...publicJwk(key), ...labels };
}

export async function toKeyRow(key: RawKey): Promise<KeyRow> {
  const kty = typeof key.kty === "string" ? key.kty : "(missing)";
  let thumbprint: string | null = null;
  try {
    thumbprint = await calculateJwkThumbprint(publicJwk(key));
  } catch {
    thumbprint = null;
  }
  const bits = key.kty === "RSA" ? rsaModulusBits(key.n) : null;
  return {
    kid: typeof key.kid === "string" ? key.kid : null,
    kty,
    alg: typeof key.alg === "string" ? key.alg : null,
    use: typeof key.use === "string" ? key.use : null,
    ...(typeof key.crv === "string" ? { crv: key.crv } : {}),
    ...(bits !== null ? { bits } : {}),
    thumbprint,
  };
}

function sameKey(a: JWK, b: JWK): boolean {
  return ["kty", "n", "e", "crv", "x", "y"].every((member) => a[member as keyof JWK] === b[member as keyof JWK]);
}

async function x5cProblem(key: RawKey, alg: string): Promise<string | null> {
  if (!Array.isArray(key.x5c) || key.x5c.length === 0) return null;
  const leaf: unknown = key.x5c[0];
  if (typeof leaf !== "string") return "x5c[0] is not a base64 certificate";
  try {
    const certificateKey = await importX509(`-----BEGIN CERTIFICATE-----\n${leaf}\n-----END CERTIFICATE-----`, alg, { extractable: true });
    const fromCertificate = await exportJWK(certificateKey);
    return sameKey(fromCertificate, publicJwk(key)) ? null : "the x5c leaf certificate holds a different public key than the key's own members";
  } catch (error) {
    return `x5c[0] does not parse as a certificate (${error instanceof Error ? error.message : String(error)})`;
  }
}

type KeyProblems = { members: string[]; alg: string[]; size: string[]; imports: string[]; x5c: string[] };

async function inspectKey(key: RawKey, index: number, problems: KeyProblems): Promise<void> {
  const label = keyLabel(key, index);
  const kty = typeof key.kty === "string" ? key.kty : null;
  if (kty === null) {
    problems.members.push(`${label}: kty is missing`);
    return;
  }
  const required = requiredMembers[kty];
  if (required === undefined) {
    if (kty !== "oct") problems.members.push(`${label}: kty "${kty}" is not RSA, EC or OKP`);
    return;
  }
  const absent = required.filter((member) => typeof key[member] !== "string" || key[member] === "");
  if (absent.length > 0) {
    problems.members.push(`${label}: ${kty} key without ${absent.join(", ")}`);
    return;
  }
  if (typeof key.alg === "string") {
    const mismatch = algKeyMismatch(key.alg, key);
    if (mismatch !== null) problems.alg.push(`${label}: ${mismatch}`);
  }
  if (kty === "RSA") {
    const bits = rsaModulusBits(key.n);
    if (bits !== null && bits < 2048) problems.size.push(`${label}: ${bits}-bit modulus`);
  }
  const alg = defaultAlgFor(key);
  if (alg === null) return;
  try {
    await importJWK(publicJwk(key), alg);
  } catch (error) {
    problems.imports.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const x5c = await x5cProblem(key, alg);
  if (x5c !== null) problems.x5c.push(`${label}: ${x5c}`);
}

export async function checkKeys(keys: readonly RawKey[]): Promise<Finding[]> {
  const problems: KeyProblems = { members: [], alg: [], size: [], imports: [], x5c: [] };
  await Promise.all(keys.map((key, index) => inspectKey(key, index, problems)));
  const report = (id: string, list: string[], failMessage: string, passMessage: string, entry: string, spec: string) =>
    list.length > 0 ? finding(id, "fail", `${failMessage}: ${list.join("; ")}.`, { entry, spec }) : finding(id, "pass", passMessage, { spec });
  return [
    report("jwks.members", [...problems.members, ...problems.imports], "Keys that no verifier can load", "Every key has the members its type needs and imports cleanly.", explainedIn.keyMembersInvalid, specs.members),
    report("jwks.alg", problems.alg, "Keys whose alg does not fit the key", "Every alg fits its key's type and curve.", explainedIn.algDoesNotMatchKey, specs.members),
    report("jwks.rsa-size", problems.size, "RSA keys shorter than 2048 bits, which jose, Microsoft.IdentityModel and most libraries refuse", "RSA keys are 2048 bits or longer.", explainedIn.rsaKeyTooShort, specs.rsa),
    report("jwks.x5c", problems.x5c, "Certificates that do not match their key", "Every x5c certificate (where present) matches its key.", explainedIn.x5cMismatch, specs.x5c),
  ];
}

/** Cache-Control max-age over an hour delays rotated keys reaching RPs that honour it. */
export function checkCacheLifetime(response: FetchedResponse): Finding {
  const header = response.headers.get("cache-control") ?? "";
  const maxAge = /max-age=(\d+)/i.exec(header)?.[1];
  if (maxAge !== undefined && Number(maxAge) > 3600) {
    return finding("jwks.cache", "warn", `Cache-Control allows caching the key set for ${Math.round(Number(maxAge) / 60)} min; RPs that honour it keep rejecting tokens for that long after a rotation. Expected max-age ≤ 3600.`, { entry: explainedIn.staleJwksCache, spec: specs.rotation });
  }
  return finding("jwks.cache", "pass", header === "" ? "No Cache-Control: RPs decide how long to cache; keep it ≤ 1 h and refetch once on an unknown kid." : `Cache-Control: ${header} (≤ 1 h).`, { spec: specs.rotation });
}

export function checkTokenHeader(header: TokenHeader, keys: readonly RawKey[], advertisedAlgs: readonly string[] | null): Finding[] {
  const checks: Finding[] = [];
  const signing = keys.filter((key) => key.use === undefined || key.use === "sig");
  if (header.alg === undefined || header.alg === "none") {
    checks.push(finding("token.alg", "fail", `The token's alg is ${header.alg === undefined ? "missing" : '"none"'}; an id_token must be signed, and a verifier must refuse it.`, { entry: explainedIn.algDoesNotMatchKey, spec: specs.token }));
  } else if (advertisedAlgs !== null && !advertisedAlgs.includes(header.alg)) {
    checks.push(finding("token.alg", "fail", `The token is signed with ${header.alg}, which id_token_signing_alg_values_supported does not advertise ([${advertisedAlgs.join(", ")}]); strict verifiers refuse it.`, { entry: explainedIn.algDoesNotMatchKey, spec: specs.token }));
  } else {
    checks.push(finding("token.alg", "pass", `The token's alg is ${header.alg}${advertisedAlgs !== null ? ", which discovery advertises" : ""}.`, { spec: specs.token }));
  }
  if (header.kid === undefined) {
    const only = signing.length === 1;
    checks.push(finding("token.kid", only ? "warn" : "fail", `The token header has no kid; ${only ? "the single published key is used, which breaks at the next rotation" : `the verifier must guess among ${signing.length} keys`}.`, { entry: explainedIn.kidMissing, spec: specs.kid }));
    return checks;
  }
  const matches = signing.filter((key) => key.kid === header.kid);
  if (matches.length === 0) {
    checks.push(
      finding(
        "token.kid",
        "fail",
        `The token's kid "${header.kid}" is not in the key set (published: ${signing.map((key) => String(key.kid)).join(", ") || "none"}). The IdP signs with a key it does not publish yet, or the RP's copy is stale: cache the key set for at most 1 h and refetch it once when a token names an unknown kid.`,
        { entry: explainedIn.unknownKid, spec: specs.rotation },
      ),
    );
  } else if (matches.length > 1) {
    checks.push(finding("token.kid", "fail", `The token's kid "${header.kid}" matches ${matches.length} keys; a verifier cannot tell which one signed it.`, { entry: explainedIn.duplicateKid, spec: specs.kid }));
  } else {
    const key = matches[0] ?? {};
    const mismatch = header.alg ? algKeyMismatch(header.alg, key) : null;
    checks.push(
      mismatch !== null
        ? finding("token.kid", "fail", `The token's kid "${header.kid}" resolves to one key, but ${mismatch}.`, { entry: explainedIn.algDoesNotMatchKey, spec: specs.token })
        : finding("token.kid", "pass", `The token's kid "${header.kid}" resolves to exactly one ${String(key.kty)} key. Keep the key set cached for at most 1 h and refetch once on an unknown kid, so the next rotation passes too.`, { spec: specs.rotation }),
    );
  }
  return checks;
}

// ---- the run -------------------------------------------------------------------------------

type Located = { ok: true; jwksUri: string; advertisedAlgs: string[] | null } | { ok: false; checks: Finding[]; reachable: boolean } | { ok: "refused"; run: DiagnosticRun<never> };

async function locateJwks(input: JwksInput, fetch: DiagnosticFetch): Promise<Located> {
  if (input.jwks_uri !== undefined) return { ok: true, jwksUri: input.jwks_uri, advertisedAlgs: null };
  const issuer = input.issuer ?? "";
  const url = openIdConfigurationUrl(issuer);
  const outcome = await fetch(url, { headers: { accept: "application/json" } });
  if (!outcome.ok) {
    const refused = toRefusal(outcome.error);
    if (refused) return { ok: "refused", run: refused };
    return { ok: false, reachable: false, checks: [finding("jwks.discovery", "fail", `${url} could not be fetched (${outcome.error.message}), so jwks_uri is unknown; run the discovery check, or give jwks_uri directly.`, { entry: explainedIn.noMetadataDocument })] };
  }
  const metadata = outcome.response.status === 200 ? parseJsonObject(outcome.response.body) : null;
  if (metadata === null) {
    return { ok: false, reachable: true, checks: [finding("jwks.discovery", "fail", `${url} answered HTTP ${outcome.response.status} without a JSON metadata object, so jwks_uri is unknown; run the discovery check, or give jwks_uri directly.`, { entry: explainedIn.noMetadataDocument })] };
  }
  if (typeof metadata.jwks_uri !== "string" || !URL.canParse(metadata.jwks_uri)) {
    return { ok: false, reachable: true, checks: [finding("jwks.discovery", "fail", `The discovery document of ${issuer} has no usable jwks_uri (saw ${JSON.stringify(metadata.jwks_uri) ?? "nothing"}); without it no RP can find the signing keys.`, { entry: explainedIn.missingJwksUri, spec: "OpenID Connect Discovery 1.0 §3" })] };
  }
  const algs = Array.isArray(metadata.id_token_signing_alg_values_supported) ? metadata.id_token_signing_alg_values_supported.filter((alg): alg is string => typeof alg === "string") : null;
  return { ok: true, jwksUri: metadata.jwks_uri, advertisedAlgs: algs };
}

export async function runJwksCheck(input: JwksInput, deps: DiagnosticDeps): Promise<DiagnosticRun<JwksResult>> {
  let token: TokenHeader | undefined;
  if (input.token !== undefined) {
    const parsed = parseTokenHeader(input.token);
    if (!parsed.ok) return { ok: false, status: 400, error: parsed.error };
    token = parsed.header;
  }
  const base = { tool: "jwks" as const, keys: [] as KeyRow[], public_keys: [] as JWK[], ...(token ? { token } : {}) };
  const located = await locateJwks(input, deps.fetch);
  if (located.ok === "refused") return located.run;
  if (located.ok === false) return { ok: true, result: { ...base, jwks_uri: null, ok: false, checks: located.checks, reachable: located.reachable } };

  const { jwksUri, advertisedAlgs } = located;
  const checks: Finding[] = [];
  const scheme = checkIdpUrl(jwksUri, deps.allowPrivateNetwork === true);
  checks.push(scheme.ok ? finding("jwks.uri", "pass", `jwks_uri is ${jwksUri}${scheme.note ? ` (${scheme.note})` : ""}.`) : finding("jwks.uri", "fail", `jwks_uri: ${scheme.problem}; key sets must be fetched over https.`, { entry: explainedIn.httpEndpoints }));

  const outcome = await deps.fetch(jwksUri, { headers: { accept: "application/jwk-set+json, application/json" } });
  if (!outcome.ok) {
    const refused = toRefusal(outcome.error);
    if (refused) return refused;
    checks.push(finding("jwks.fetch", "fail", `${jwksUri} could not be fetched: ${outcome.error.message}.`, { entry: outcome.error.code === "timeout" ? explainedIn.jwksTimeout : explainedIn.jwksServerError, spec: specs.jwks }));
    return { ok: true, result: { ...base, jwks_uri: jwksUri, ok: false, checks, reachable: false } };
  }
  const response = outcome.response;
  checks.push(...checkJwksResponse(response));
  if (response.status !== 200) return { ok: true, result: { ...base, jwks_uri: jwksUri, ok: false, checks, reachable: true } };

  const parsed = parseJwksKeys(response.body);
  if (!parsed.ok) {
    checks.push(finding("jwks.keys", "fail", `The body is not a key set: ${parsed.problem}. Expected {"keys": [ … ]}.`, { entry: explainedIn.jwksNotAKeySet, spec: specs.jwks }));
    checks.push(checkPrivateMembers(null, response.body));
    return { ok: true, result: { ...base, jwks_uri: jwksUri, ok: false, checks, reachable: true } };
  }
  const keys = parsed.keys;
  checks.push(
    keys.length === 0
      ? finding("jwks.keys", "fail", "The key set is empty; no id_token can be verified.", { entry: explainedIn.jwksNotAKeySet, spec: specs.jwks })
      : finding("jwks.keys", "pass", `${keys.length} key${keys.length === 1 ? "" : "s"} published.`, { spec: specs.jwks }),
  );
  const rows = await Promise.all(keys.map(toKeyRow));
  checks.push(checkPrivateMembers(keys, response.body));
  checks.push(...checkKids(keys, rows));
  checks.push(...(await checkKeys(keys)));
  checks.push(checkCacheLifetime(response));
  if (token !== undefined) checks.push(...checkTokenHeader(token, keys, advertisedAlgs));
  return { ok: true, result: { ...base, jwks_uri: jwksUri, keys: rows, public_keys: keys.map(toPublicKey), ok: isOk(checks), checks, reachable: true } };
}
