// The id_token inspector: decodes a pasted id_token and checks it the way an RP must (OpenID
// Connect Core 1.0 §3.1.3.7). Rules, in the order they are reported:
//   1. token.format     a compact JWS: three base64url parts, header and claims JSON objects
//                       (five parts is an encrypted JWE, said so; a typ of at+jwt is an access token)
//   2. token.alg        present, not "none", not HMAC, advertised in discovery, fits the key
//   3. token.kid        resolves to exactly one signing key (the JWKS check's own rule)
//   4. token.signature  verifies (jose) with that key's public members
//   5. claims.iss       exactly the issuer discovery declares and, when given, the expected
//                       issuer; a trailing-slash-only difference has its own message
//   6. claims.sub       present
//   7. claims.aud       contains client_id when given; several audiences need azp
//   8. claims.azp       equals client_id when present
//   9. claims.exp / claims.iat / claims.nbf   against now with the clock tolerance, the
//                       difference in seconds shown; millisecond timestamps detected
//  10. claims.nonce     equals the expected nonce when one is given
// Browser-safe and pure: `inspectIdToken` gets the key set and discovery metadata from its
// caller, so the widget fetches them through our API (which only ever receives the issuer) and
// checks the token in the page. `runIdTokenInspection` does the fetching for the CLI. The token
// itself is never put in a URL, a request, a log or a message.
import { compactVerify, importJWK } from "jose";
import { z } from "zod";
import { openIdConfigurationUrl } from "./discovery";
import { toRefusal, type DiagnosticRun } from "./run";
import { explainedIn } from "./explained-in";
import type { DiagnosticDeps, DiagnosticFetch, FetchFailure } from "./fetcher";
import { finding, isOk, type Finding, type ToolResult } from "./findings";
import { parseWith, userUrlSchema, type DiagnosticError, type ParseResult, parseJsonObject } from "./input";
import { checkTokenHeader, maxTokenLength, publicJwk, toKeyRow, type KeyRow, type TokenHeader } from "./jwks";
import { algKeyMismatch, decodeBase64url, parseJwksKeys, type RawKey } from "./jwks-keys";

/** Seconds of clock difference tolerated by default (oauth4webapi allows 30, jose and openid-client@5 none). */
export const defaultClockSkewSeconds = 60;
export const maxClockSkewSeconds = 600;

export const idTokenInputSchema = z.strictObject({
  token: z.string().trim().min(1, "is empty; paste the id_token (header.payload.signature)").max(maxTokenLength, `is longer than ${maxTokenLength} characters; an id_token is a few KB`),
  /** The issuer the RP is configured with; without it the token's own iss is only reported. */
  issuer: userUrlSchema.optional(),
  /** The RP's client_id: the audience the token must name. */
  client_id: z.string().trim().min(1, "is empty").max(256, "is longer than 256 characters").optional(),
  /** The nonce the RP sent in the authorization request. */
  nonce: z.string().min(1, "is empty").max(512, "is longer than 512 characters").optional(),
  clock_skew_seconds: z.coerce.number().int("must be a whole number of seconds").min(0, "must be 0 or more").max(maxClockSkewSeconds, `must be at most ${maxClockSkewSeconds}`).default(defaultClockSkewSeconds),
});

export type IdTokenInput = z.infer<typeof idTokenInputSchema>;

/** What `inspectIdToken` needs from the caller: parsed input, the tolerance may be left out. */
export type IdTokenOptions = Omit<IdTokenInput, "clock_skew_seconds"> & { clock_skew_seconds?: number };

export function parseIdTokenInput(source: URLSearchParams | unknown): ParseResult<IdTokenInput> {
  return parseWith(idTokenInputSchema, source, "id-token");
}

export type IdTokenTime = {
  /** The claim as written (seconds since the epoch, unless it is one of the millisecond mistakes). */
  epoch: number;
  /** Read as seconds; null when that is not a representable date. */
  iso: string | null;
  /** "in 4 min", "12 min ago". */
  relative: string;
};

export type IdTokenTimes = Partial<Record<"iat" | "nbf" | "exp" | "auth_time", IdTokenTime>>;

/** What the checks of one token found: the envelope plus the decoded token, readable times and the key used. */
export type IdTokenInspection = ToolResult<"id-token"> & {
  header: Record<string, unknown> | null;
  claims: Record<string, unknown> | null;
  times: IdTokenTimes;
  /** The key the kid resolved to (and the signature was checked with). */
  key?: KeyRow;
};

/** The CLI's result: the inspection plus where discovery and the keys were fetched. */
export type IdTokenResult = IdTokenInspection & {
  issuer: string;
  discovery_url: string;
  jwks_uri: string | null;
  /** False when discovery or the key set could not be fetched at all. */
  reachable: boolean;
};

/** The key set and metadata the checks compare with; null when the caller could not get them. */
export type IdTokenData = {
  jwks: { keys: readonly unknown[] } | null;
  metadata: Record<string, unknown> | null;
  /** Milliseconds since the epoch. */
  now: number;
};

const specs = {
  jws: "RFC 7515 §7.1; RFC 7519 §7.2",
  alg: "OpenID Connect Core 1.0 §3.1.3.7 (6, 7); RFC 8725 §3.1",
  signature: "OpenID Connect Core 1.0 §3.1.3.7 (6); RFC 7515 §5.2",
  iss: "OpenID Connect Core 1.0 §3.1.3.7 (2)",
  sub: "OpenID Connect Core 1.0 §2",
  aud: "OpenID Connect Core 1.0 §3.1.3.7 (3, 4)",
  azp: "OpenID Connect Core 1.0 §3.1.3.7 (5)",
  exp: "OpenID Connect Core 1.0 §3.1.3.7 (9); RFC 7519 §4.1.4",
  iat: "OpenID Connect Core 1.0 §3.1.3.7 (10); RFC 7519 §4.1.6",
  nbf: "RFC 7519 §4.1.5",
  nonce: "OpenID Connect Core 1.0 §3.1.3.7 (11)",
  typ: "RFC 9068 §2.1",
} as const;

// ---- 1. decoding ---------------------------------------------------------------------------

export type DecodedIdToken = { header: Record<string, unknown>; claims: Record<string, unknown> };

export type DecodeResult = { ok: true; token: DecodedIdToken } | { ok: false; error: DiagnosticError };

function decodeError(message: string): DecodeResult {
  return { ok: false, error: { error: "invalid_token", message: `id-token: ${message}` } };
}

/** UTF-8 JSON bytes that hold an object; null for invalid UTF-8 or anything else. */
function parseJsonBytes(bytes: Uint8Array): Record<string, unknown> | null {
  try {
    return parseJsonObject(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

/** Without a leading "Bearer " and surrounding whitespace, as a token is often copied. */
function toCompact(token: string): string {
  return token.trim().replace(/^bearer\s+/i, "");
}

/**
 * Decodes a compact JWS into its header and claims, without verifying anything. The messages
 * name the part that is wrong and never repeat the token.
 */
export function decodeIdToken(token: string): DecodeResult {
  const compact = toCompact(token);
  if (compact === "") return decodeError("the token is empty; paste the id_token (header.payload.signature).");
  if (compact.length > maxTokenLength) return decodeError(`the token is ${compact.length} characters, over the ${maxTokenLength} accepted.`);
  const parts = compact.split(".");
  if (parts.length === 5) {
    return decodeError("this is an encrypted token (JWE, five dot-separated parts), not a signed id_token; only the recipient's private key can read its claims. logi's id_tokens are signed JWS with three parts; opaque access tokens often look like this one.");
  }
  if (parts.length !== 3) {
    return decodeError(`the token has ${parts.length} dot-separated part${parts.length === 1 ? "" : "s"}; a signed id_token (JWS compact serialization) has three: header.payload.signature.`);
  }
  const [headerPart = "", payloadPart = "", signaturePart = ""] = parts;
  const names = ["header (first part)", "payload (second part)", "signature (third part)"];
  const decoded = [headerPart, payloadPart, signaturePart].map((part) => (part.includes("=") ? null : decodeBase64url(part)));
  const broken = decoded.findIndex((bytes) => bytes === null);
  if (broken !== -1) return decodeError(`the ${names[broken] ?? "token"} is not base64url (only A–Z a–z 0–9 - _ without padding); the token was cut or altered while copying.`);
  const [headerBytes, payloadBytes] = decoded;
  const header = headerBytes ? parseJsonBytes(headerBytes) : null;
  if (header === null) return decodeError("the header (first part) does not decode to a JSON object, so this is not a JWT.");
  if (payloadPart === "") return decodeError("the payload (second part) is empty (a detached payload); an id_token carries its claims.");
  const claims = payloadBytes ? parseJsonBytes(payloadBytes) : null;
  if (claims === null) return decodeError("the payload (second part) does not decode to a JSON object of claims, so this is not an id_token.");
  return { ok: true, token: { header, claims } };
}

function toTokenHeader(header: Record<string, unknown>): TokenHeader {
  return {
    ...(typeof header.alg === "string" ? { alg: header.alg } : {}),
    ...(typeof header.kid === "string" ? { kid: header.kid } : {}),
    ...(typeof header.typ === "string" ? { typ: header.typ } : {}),
  };
}

export function checkTokenFormat(token: DecodedIdToken): Finding {
  const header = toTokenHeader(token.header);
  const typ = header.typ?.toLowerCase();
  if (typ === "at+jwt" || typ === "application/at+jwt") {
    return finding("token.format", "warn", `The header's typ is "${header.typ}": this is an OAuth access token (RFC 9068), not an id_token. An id_token is checked by the RP with its client_id; an access token is checked by the API with the API's audience.`, { entry: explainedIn.accessTokenAsIdToken, spec: specs.typ });
  }
  const shown = ["alg", "kid", "typ"].filter((name) => typeof token.header[name] === "string").map((name) => `${name} ${String(token.header[name])}`);
  return finding("token.format", "pass", `A signed JWT (JWS compact serialization): header ${shown.join(", ") || "without alg, kid or typ"}; ${Object.keys(token.claims).length} claims.`, { spec: specs.jws });
}

// ---- 2–4. algorithm, key and signature ---------------------------------------------------

function signingKeys(keys: readonly RawKey[]): RawKey[] {
  return keys.filter((key) => key.use === undefined || key.use === "sig");
}

/** The one key a verifier would pick: by kid, or the only signing key when the header has none. */
export function resolveSigningKey(header: TokenHeader, keys: readonly RawKey[]): RawKey | null {
  const signing = signingKeys(keys);
  if (header.kid !== undefined) {
    const matches = signing.filter((key) => key.kid === header.kid);
    return matches.length === 1 ? (matches[0] ?? null) : null;
  }
  return signing.length === 1 ? (signing[0] ?? null) : null;
}

function isHmac(alg: string): boolean {
  return /^HS(256|384|512)$/.test(alg);
}

function advertisedAlgs(metadata: Record<string, unknown> | null): string[] | null {
  const value = metadata?.id_token_signing_alg_values_supported;
  return Array.isArray(value) ? value.filter((alg): alg is string => typeof alg === "string") : null;
}

/** token.alg and token.kid: the JWKS check's header rules, plus the ones only a whole token needs. */
export function checkAlgAndKid(header: TokenHeader, keys: readonly RawKey[] | null, metadata: Record<string, unknown> | null): Finding[] {
  const advertised = advertisedAlgs(metadata);
  const [fromHeader, kid] = checkTokenHeader(header, keys ?? [], advertised);
  let alg = fromHeader ?? finding("token.alg", "fail", "The token's alg could not be read.", { entry: explainedIn.algDoesNotMatchKey, spec: specs.alg });
  const key = keys === null ? null : resolveSigningKey(header, keys);
  if (header.alg !== undefined && isHmac(header.alg)) {
    alg = advertised?.includes(header.alg)
      ? finding("token.alg", "warn", `The token is signed with ${header.alg}, an HMAC algorithm keyed with the client_secret (OIDC Core §10.1); discovery advertises it, but no public key set can verify it, so this inspector cannot check the signature. Prefer RS256 or ES256.`, { entry: explainedIn.algDoesNotMatchKey, spec: specs.alg })
      : finding("token.alg", "fail", `The token is signed with ${header.alg}, a shared-secret (HMAC) algorithm that no public key set can verify${advertised !== null ? ` and that discovery does not advertise ([${advertised.join(", ")}])` : ""}. A verifier that accepts it from a JWKS can be fooled into using a public key as the HMAC secret; expected an asymmetric algorithm such as RS256 or ES256.`, { entry: explainedIn.algDoesNotMatchKey, spec: specs.alg });
  } else if (alg.status === "pass" && header.alg !== undefined && key !== null) {
    const mismatch = algKeyMismatch(header.alg, key);
    if (mismatch !== null) alg = finding("token.alg", "fail", `The token's alg does not fit the key it names: ${mismatch}.`, { entry: explainedIn.algDoesNotMatchKey, spec: specs.alg });
  }
  if (keys === null) {
    return [alg, finding("token.kid", "skip", `The token's kid${header.kid !== undefined ? ` "${header.kid}"` : ""} was not looked up: the issuer's key set is not available.`)];
  }
  return kid ? [alg, kid] : [alg];
}

function describeKey(key: RawKey): string {
  return `${typeof key.kid === "string" ? `kid "${key.kid}"` : "the only key"} (${String(key.kty)}${typeof key.crv === "string" ? ` ${key.crv}` : ""})`;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/** token.signature: the token as pasted, verified with the resolved key's public members only. */
export async function checkSignature(token: string, header: TokenHeader, keys: readonly RawKey[] | null): Promise<Finding> {
  const id = "token.signature";
  const alg = header.alg;
  if (alg === undefined || alg === "none") return finding(id, "skip", "Not verified: the token is unsigned (see token.alg).");
  if (isHmac(alg)) return finding(id, "skip", `Not verified: ${alg} needs the client_secret, which the inspector does not have (see token.alg).`);
  if (keys === null) return finding(id, "skip", "Not verified: the issuer's key set is not available.");
  const key = resolveSigningKey(header, keys);
  if (key === null) return finding(id, "skip", "Not verified: the token's kid does not resolve to exactly one key (see token.kid).");
  const mismatch = algKeyMismatch(alg, key);
  if (mismatch !== null) return finding(id, "skip", `Not verified: ${mismatch} (see token.alg).`);
  let verifyKey;
  try {
    verifyKey = await importJWK(publicJwk(key), alg);
  } catch (error) {
    return finding(id, "fail", `The key ${describeKey(key)} does not import for ${alg} (${error instanceof Error ? error.message : String(error)}), so no verifier can check this token.`, { entry: explainedIn.keyMembersInvalid, spec: specs.signature });
  }
  try {
    await compactVerify(toCompact(token), verifyKey, { algorithms: [alg] });
  } catch (error) {
    if (errorCode(error) === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED") {
      return finding(id, "fail", `The signature does not verify with ${describeKey(key)}: the token was altered after signing, or it was signed by another key published under the same kid (new key material reusing an old kid, or a token from another environment whose keys share kids). Expected a ${alg} signature by that key.`, { entry: explainedIn.kidReusedAfterRotation, spec: specs.signature });
    }
    return finding(id, "fail", `The signature could not be checked with ${describeKey(key)}: ${error instanceof Error ? error.message : String(error)}.`, { entry: explainedIn.algDoesNotMatchKey, spec: specs.signature });
  }
  return finding(id, "pass", `The ${alg} signature verifies with ${describeKey(key)} from the issuer's key set.`, { spec: specs.signature });
}

// ---- 5–8. issuer, subject, audience ----------------------------------------------------

function withoutTrailingSlash(value: string): string {
  return value.replace(/\/+$/, "");
}

/** claims.iss: exact string equality with the declared issuer and the expected one (no normalisation). */
export function checkIssuerClaim(iss: unknown, metadata: Record<string, unknown> | null, expected: string | undefined): Finding {
  const id = "claims.iss";
  if (typeof iss !== "string" || iss === "") {
    return finding(id, "fail", `The token has no iss (saw ${JSON.stringify(iss) ?? "nothing"}); an id_token must name its issuer.`, { entry: explainedIn.idTokenContents, spec: specs.iss });
  }
  const declared = typeof metadata?.issuer === "string" ? metadata.issuer : undefined;
  const problems: Array<{ message: string; entry: string }> = [];
  if (expected !== undefined && iss !== expected) {
    if (withoutTrailingSlash(iss) === withoutTrailingSlash(expected)) {
      problems.push({ message: `iss is "${iss}" but the expected issuer is "${expected}": they differ only by a trailing slash, and libraries compare issuers as exact strings (openid-client, oauth4webapi, jose's issuer option, .NET's ValidIssuer), so every login fails. ${declared !== undefined && declared !== expected ? `The discovery document for "${expected}" itself declares "${declared}", so the IdP must make its issuer the URL it is served under.` : "Configure the RP with exactly the issuer discovery declares."}`, entry: explainedIn.issuerTrailingSlash });
    } else if (declared !== undefined && declared === iss) {
      problems.push({ message: `iss is "${iss}" but the expected issuer is "${expected}", and the discovery document at ${expected} itself declares "${declared}": the IdP's configured issuer differs from the URL it is served under. The IdP must declare, and sign with, exactly the URL RPs use.`, entry: explainedIn.issuerDeclaredElsewhere });
    } else {
      problems.push({ message: `iss is "${iss}" but the expected issuer is "${expected}": the token comes from another issuer or environment than the one the RP is configured for.`, entry: explainedIn.issuerFromOtherEnvironment });
    }
  }
  if (declared !== undefined && iss !== declared && !(expected !== undefined && declared === expected && problems.length > 0)) {
    problems.push(
      withoutTrailingSlash(iss) === withoutTrailingSlash(declared)
        ? { message: `iss is "${iss}" but discovery declares "${declared}": they differ only by a trailing slash, which exact comparison rejects. The IdP must use one string in both places.`, entry: explainedIn.issuerTrailingSlash }
        : { message: `iss is "${iss}" but the discovery document fetched for it declares "${declared}"; an RP that takes its issuer from discovery rejects every such token.`, entry: expected === undefined ? explainedIn.issuerDeclaredElsewhere : explainedIn.issuerFromOtherEnvironment },
    );
  }
  const first = problems[0];
  if (first !== undefined) return finding(id, "fail", problems.map((problem) => problem.message).join(" Also: "), { entry: first.entry, spec: specs.iss });
  if (declared === undefined && expected === undefined) return finding(id, "skip", `iss is "${iss}"; not compared (no discovery document and no expected issuer).`, { spec: specs.iss });
  const against = [declared !== undefined ? "the issuer discovery declares" : null, expected !== undefined ? "the expected issuer" : null].filter((part) => part !== null).join(" and ");
  return finding(id, "pass", `iss is "${iss}", exactly ${against}.`, { spec: specs.iss });
}

export function checkSubject(sub: unknown): Finding {
  if (typeof sub === "string" && sub !== "" && sub.length <= 255) return finding("claims.sub", "pass", `sub is "${sub}".`, { spec: specs.sub });
  const seen = typeof sub === "string" && sub.length > 255 ? `${sub.length} characters (at most 255 are allowed)` : JSON.stringify(sub) ?? "nothing";
  return finding("claims.sub", "fail", `The token's sub is ${seen}; an id_token must identify the user with a non-empty string.`, { entry: explainedIn.idTokenContents, spec: specs.sub });
}

function audienceList(aud: unknown): string[] | null {
  if (typeof aud === "string" && aud !== "") return [aud];
  if (Array.isArray(aud) && aud.length > 0 && aud.every((item) => typeof item === "string" && item !== "")) return aud;
  return null;
}

export function checkAudience(aud: unknown, azp: unknown, clientId: string | undefined): Finding {
  const id = "claims.aud";
  const list = audienceList(aud);
  if (list === null) return finding(id, "fail", `The token's aud is ${JSON.stringify(aud) ?? "missing"}; expected the client_id (a string, or an array of strings that contains it).`, { entry: explainedIn.idTokenContents, spec: specs.aud });
  const shown = list.length === 1 ? `"${list[0]}"` : `[${list.map((item) => `"${item}"`).join(", ")}]`;
  if (clientId !== undefined && !list.includes(clientId)) {
    return finding(id, "fail", `aud is ${shown}, which does not contain the client_id "${clientId}": the token was issued to another client (or is an access token for an API).`, { entry: explainedIn.audOtherClient, spec: specs.aud });
  }
  if (list.length > 1 && azp === undefined) {
    return finding(id, "warn", `aud lists ${list.length} audiences (${shown}) and the token has no azp. OIDC Core §3.1.3.7 says the RP should then require azp; openid-client@5 fails with "missing required JWT property azp", and oauth4webapi refuses additional audiences it does not trust.`, { entry: explainedIn.extraAudiences, spec: specs.aud });
  }
  return finding(id, "pass", clientId !== undefined ? `aud is ${shown}, which contains the client_id "${clientId}".` : `aud is ${shown}; give the client_id to check it is yours.`, { spec: specs.aud });
}

export function checkAuthorizedParty(azp: unknown, aud: unknown, clientId: string | undefined): Finding {
  const id = "claims.azp";
  if (azp === undefined) {
    const several = (audienceList(aud)?.length ?? 0) > 1;
    return several ? finding(id, "skip", "No azp (see claims.aud: with several audiences it should be there).") : finding(id, "pass", "No azp, which is fine with a single audience.", { spec: specs.azp });
  }
  if (typeof azp !== "string" || azp === "") return finding(id, "fail", `azp is ${JSON.stringify(azp)}; when present it must be the client_id as a string.`, { entry: explainedIn.extraAudiences, spec: specs.azp });
  if (clientId === undefined) return finding(id, "skip", `azp is "${azp}"; give the client_id to compare.`, { spec: specs.azp });
  return azp === clientId
    ? finding(id, "pass", `azp is "${azp}", the client_id.`, { spec: specs.azp })
    : finding(id, "fail", `azp is "${azp}" but the client_id is "${clientId}": the token was issued to another party, and RPs must refuse it.`, { entry: explainedIn.extraAudiences, spec: specs.azp });
}

// ---- 9. times ------------------------------------------------------------------------------

/** Larger than any seconds value before the year 5000, smaller than any millisecond value after 1973. */
const millisecondsThreshold = 100_000_000_000;

export function describeRelative(epochSeconds: number, nowMs: number): string {
  const diff = Math.round(epochSeconds - nowMs / 1000);
  const abs = Math.abs(diff);
  if (abs === 0) return "now";
  const [amount, unit] =
    abs < 60 ? [abs, "s"] : abs < 3600 ? [Math.round(abs / 60), "min"] : abs < 2 * 86_400 ? [Math.round(abs / 3600), "h"] : abs < 2 * 31_536_000 ? [Math.round(abs / 86_400), "d"] : [Math.round(abs / 31_536_000), "years"];
  const text = `${amount.toLocaleString("en-US")} ${unit}`;
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

export function toIdTokenTime(epochSeconds: number, nowMs: number): IdTokenTime {
  const date = new Date(epochSeconds * 1000);
  return { epoch: epochSeconds, iso: Number.isNaN(date.getTime()) ? null : date.toISOString(), relative: describeRelative(epochSeconds, nowMs) };
}

type TimeClaim = { kind: "absent" } | { kind: "invalid"; value: unknown } | { kind: "milliseconds"; value: number } | { kind: "seconds"; value: number };

function readTimeClaim(value: unknown): TimeClaim {
  if (value === undefined) return { kind: "absent" };
  if (typeof value !== "number" || !Number.isFinite(value)) return { kind: "invalid", value };
  return value > millisecondsThreshold ? { kind: "milliseconds", value } : { kind: "seconds", value };
}

function stamp(name: string, seconds: number, nowMs: number): string {
  const time = toIdTokenTime(seconds, nowMs);
  return `${name} is ${time.iso ?? seconds} (${time.relative})`;
}

function timeProblem(name: string, claim: TimeClaim, required: boolean, spec: string, nowMs: number): Finding | null {
  const id = `claims.${name}`;
  if (claim.kind === "absent") {
    return required ? finding(id, "fail", `The token has no ${name}; an id_token must carry it (seconds since the epoch).`, { entry: explainedIn.idTokenContents, spec }) : null;
  }
  if (claim.kind === "invalid") return finding(id, "fail", `${name} is ${JSON.stringify(claim.value)}; expected a number of seconds since the epoch.`, { entry: explainedIn.idTokenContents, spec });
  if (claim.kind === "milliseconds") {
    const asMilliseconds = new Date(claim.value);
    const reading = Number.isNaN(asMilliseconds.getTime()) ? "" : ` Read as milliseconds it is ${asMilliseconds.toISOString()} (${describeRelative(claim.value / 1000, nowMs)}).`;
    const asSeconds = new Date(claim.value * 1000);
    const year = Number.isNaN(asSeconds.getTime()) ? "a date no clock reaches" : `the year ${asSeconds.getUTCFullYear().toLocaleString("en-US")}`;
    return finding(id, "fail", `${name} is ${claim.value}, which as seconds since the epoch is ${year}: the timestamp is in milliseconds (Date.now()) instead of seconds.${reading}`, { entry: explainedIn.millisecondsTimestamps, spec });
  }
  return null;
}

export function checkExpiry(exp: unknown, iat: unknown, nowMs: number, skew: number): Finding {
  const claim = readTimeClaim(exp);
  const problem = timeProblem("exp", claim, true, specs.exp, nowMs);
  if (problem !== null || claim.kind !== "seconds") return problem ?? finding("claims.exp", "fail", "exp is unreadable.", { spec: specs.exp });
  const issued = readTimeClaim(iat);
  if (issued.kind === "seconds" && claim.value <= issued.value) {
    return finding("claims.exp", "fail", `exp (${claim.value}) is not after iat (${issued.value}): the token was issued already expired.`, { entry: explainedIn.idTokenContents, spec: specs.exp });
  }
  const past = Math.round(nowMs / 1000 - claim.value);
  if (past > skew) {
    return finding("claims.exp", "fail", `The token expired: ${stamp("exp", claim.value, nowMs)}, ${past} s before now, beyond the ${skew} s clock tolerance. It is too old to check now (sign in again); if it was issued moments ago, this machine's clock is ahead of the IdP's.`, { entry: explainedIn.tokenCheckedTooLate, spec: specs.exp });
  }
  if (past > 0) {
    return finding("claims.exp", "warn", `The token just expired: ${stamp("exp", claim.value, nowMs)}, ${past} s before now, within the ${skew} s clock tolerance; libraries without a tolerance (jose, openid-client@5 by default) already reject it.`, { entry: explainedIn.noClockTolerance, spec: specs.exp });
  }
  return finding("claims.exp", "pass", `Not expired: ${stamp("exp", claim.value, nowMs)}, ${-past} s from now (tolerance ${skew} s).`, { spec: specs.exp });
}

/** iat and nbf fail the same way: a time that is still ahead of this clock. */
function checkNotInFuture(name: "iat" | "nbf", value: unknown, nowMs: number, skew: number): Finding {
  const id = `claims.${name}`;
  const spec = specs[name];
  const claim = readTimeClaim(value);
  const problem = timeProblem(name, claim, name === "iat", spec, nowMs);
  if (problem !== null) return problem;
  if (claim.kind !== "seconds") return finding(id, "pass", "No nbf claim (optional in id_tokens): the token is valid from its issue time.", { spec });
  const ahead = Math.round(claim.value - nowMs / 1000);
  const what = name === "iat" ? "issued" : "valid from";
  if (ahead > skew) {
    return finding(id, "fail", `The token is ${what} ${ahead} s in the future (${stamp(name, claim.value, nowMs)}), beyond the ${skew} s clock tolerance: this machine's clock is behind the IdP's (or the IdP's is ahead). Verifiers reject it until the clocks agree.`, { entry: explainedIn.serverClockDrift, spec });
  }
  if (ahead > 0) {
    return finding(id, "warn", `The token is ${what} ${ahead} s in the future (${stamp(name, claim.value, nowMs)}), within the ${skew} s clock tolerance; libraries without a tolerance (jose, openid-client@5 by default) reject it.`, { entry: explainedIn.noClockTolerance, spec });
  }
  return finding(id, "pass", `${name === "iat" ? "Issued in the past" : "Already valid"}: ${stamp(name, claim.value, nowMs)}, ${-ahead} s before now (tolerance ${skew} s).`, { spec });
}

export function checkTimes(claims: Record<string, unknown>, nowMs: number, skew: number): { checks: Finding[]; times: IdTokenTimes } {
  const times: IdTokenTimes = {};
  for (const name of ["iat", "nbf", "exp", "auth_time"] as const) {
    const value = claims[name];
    if (typeof value === "number" && Number.isFinite(value)) times[name] = toIdTokenTime(value, nowMs);
  }
  return {
    checks: [checkExpiry(claims.exp, claims.iat, nowMs, skew), checkNotInFuture("iat", claims.iat, nowMs, skew), checkNotInFuture("nbf", claims.nbf, nowMs, skew)],
    times,
  };
}

// ---- 10. nonce -----------------------------------------------------------------------------

function short(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

export function checkNonce(nonce: unknown, expected: string | undefined): Finding {
  const id = "claims.nonce";
  if (expected === undefined) {
    return finding(id, "skip", typeof nonce === "string" ? `nonce is "${short(nonce)}"; give the nonce the RP sent to compare.` : "No nonce claim, and none was expected.", { spec: specs.nonce });
  }
  if (nonce === undefined) {
    return finding(id, "fail", `The token has no nonce, but "${short(expected)}" was expected: the authorization request that produced it carried no nonce (or not this one).`, { entry: explainedIn.nonceNotSent, spec: specs.nonce });
  }
  if (nonce !== expected) {
    return finding(id, "fail", `nonce is "${typeof nonce === "string" ? short(nonce) : JSON.stringify(nonce)}" but "${short(expected)}" was expected: the token belongs to another login attempt (a second tab, or a stored nonce that was overwritten).`, { entry: explainedIn.nonceOverwritten, spec: specs.nonce });
  }
  return finding(id, "pass", "nonce equals the expected value.", { spec: specs.nonce });
}

// ---- the inspection ----------------------------------------------------------------------

function toRawKeys(jwks: IdTokenData["jwks"]): RawKey[] | null {
  if (jwks === null) return null;
  return jwks.keys.filter((key): key is object => typeof key === "object" && key !== null && !Array.isArray(key)).map((key) => Object.fromEntries(Object.entries(key)));
}

/** Every check on one token, given the key set and metadata (either may be null). Pure: no fetch. */
export async function inspectIdToken(input: IdTokenOptions, data: IdTokenData): Promise<IdTokenInspection> {
  const decoded = decodeIdToken(input.token);
  if (!decoded.ok) {
    const checks = [finding("token.format", "fail", decoded.error.message.replace(/^id-token: /, ""), { spec: specs.jws })];
    return { tool: "id-token", ok: false, checks, header: null, claims: null, times: {} };
  }
  const { header, claims } = decoded.token;
  const tokenHeader = toTokenHeader(header);
  const keys = toRawKeys(data.jwks);
  const skew = input.clock_skew_seconds ?? defaultClockSkewSeconds;
  const resolved = keys === null ? null : resolveSigningKey(tokenHeader, keys);
  const { checks: timeChecks, times } = checkTimes(claims, data.now, skew);
  const checks: Finding[] = [
    checkTokenFormat(decoded.token),
    ...checkAlgAndKid(tokenHeader, keys, data.metadata),
    await checkSignature(input.token, tokenHeader, keys),
    checkIssuerClaim(claims.iss, data.metadata, input.issuer),
    checkSubject(claims.sub),
    checkAudience(claims.aud, claims.azp, input.client_id),
    checkAuthorizedParty(claims.azp, claims.aud, input.client_id),
    ...timeChecks,
    checkNonce(claims.nonce, input.nonce),
  ];
  return { tool: "id-token", ok: isOk(checks), checks, header, claims, times, ...(resolved !== null ? { key: await toKeyRow(resolved) } : {}) };
}

// ---- the run (CLI): fetch discovery and keys for the issuer, then inspect ------------------

/** The issuer whose discovery and keys are fetched: the expected one, else the token's own iss. */
export function inspectionIssuer(input: Pick<IdTokenInput, "token" | "issuer">): string | null {
  if (input.issuer !== undefined) return input.issuer;
  const decoded = decodeIdToken(input.token);
  const iss = decoded.ok ? decoded.token.claims.iss : undefined;
  return typeof iss === "string" && URL.canParse(iss) ? iss : null;
}

type IssuerData = { metadata: Record<string, unknown> | null; jwks: { keys: unknown[] } | null; jwksUri: string | null; checks: Finding[]; reachable: boolean };

function readJsonObject(body: string): Record<string, unknown> | null {
  return parseJsonObject(body);
}

async function fetchIssuerData(issuer: string, fetch: DiagnosticFetch): Promise<IssuerData | { refused: DiagnosticRun<never> }> {
  const discoveryUrl = openIdConfigurationUrl(issuer);
  const discovery = await fetch(discoveryUrl, { headers: { accept: "application/json" } });
  if (!discovery.ok) {
    const refused = toRefusal(discovery.error);
    if (refused) return { refused };
    return { metadata: null, jwks: null, jwksUri: null, reachable: false, checks: [finding("issuer.discovery", "fail", `${discoveryUrl} could not be fetched (${discovery.error.message}), so neither the declared issuer nor the keys are known.`, { entry: explainedIn.noMetadataDocument })] };
  }
  const metadata = discovery.response.status === 200 ? readJsonObject(discovery.response.body) : null;
  if (metadata === null) {
    return { metadata: null, jwks: null, jwksUri: null, reachable: true, checks: [finding("issuer.discovery", "fail", `${discoveryUrl} answered HTTP ${discovery.response.status} without a JSON metadata object; run the discovery check on ${issuer}.`, { entry: explainedIn.noMetadataDocument })] };
  }
  const checks = [finding("issuer.discovery", "pass", `Discovery read from ${discoveryUrl}.`)];
  const jwksUri = typeof metadata.jwks_uri === "string" && URL.canParse(metadata.jwks_uri) ? metadata.jwks_uri : null;
  if (jwksUri === null) {
    checks.push(finding("issuer.jwks", "fail", `The discovery document has no usable jwks_uri (saw ${JSON.stringify(metadata.jwks_uri) ?? "nothing"}), so no key can verify the token.`, { entry: explainedIn.missingJwksUri }));
    return { metadata, jwks: null, jwksUri: null, reachable: true, checks };
  }
  const keySet = await fetch(jwksUri, { headers: { accept: "application/jwk-set+json, application/json" } });
  if (!keySet.ok) {
    const refused = toRefusal(keySet.error);
    if (refused) return { refused };
    checks.push(finding("issuer.jwks", "fail", `${jwksUri} could not be fetched (${keySet.error.message}).`, { entry: keySet.error.code === "timeout" ? explainedIn.jwksTimeout : explainedIn.jwksServerError }));
    return { metadata, jwks: null, jwksUri, reachable: false, checks };
  }
  if (keySet.response.status !== 200) {
    checks.push(finding("issuer.jwks", "fail", `${jwksUri} answered HTTP ${keySet.response.status}; expected 200 with the key set.`, { entry: keySet.response.status >= 500 ? explainedIn.jwksServerError : explainedIn.jwksNotAKeySet }));
    return { metadata, jwks: null, jwksUri, reachable: true, checks };
  }
  const parsed = parseJwksKeys(keySet.response.body);
  if (!parsed.ok) {
    checks.push(finding("issuer.jwks", "fail", `${jwksUri} is not a key set: ${parsed.problem}.`, { entry: explainedIn.jwksNotAKeySet }));
    return { metadata, jwks: null, jwksUri, reachable: true, checks };
  }
  checks.push(finding("issuer.jwks", "pass", `${parsed.keys.length} key${parsed.keys.length === 1 ? "" : "s"} read from ${jwksUri}.`));
  return { metadata, jwks: { keys: parsed.keys }, jwksUri, reachable: true, checks };
}

/** Fetches the issuer's discovery document and key set with deps.fetch (never sending the token), then inspects. */
export async function runIdTokenInspection(input: IdTokenInput, deps: DiagnosticDeps): Promise<DiagnosticRun<IdTokenResult>> {
  const decoded = decodeIdToken(input.token);
  if (!decoded.ok) return { ok: false, status: 400, error: decoded.error };
  const issuer = inspectionIssuer(input);
  if (issuer === null) {
    return { ok: false, status: 400, error: { error: "invalid_request", message: "id-token: the token's iss is not a URL, so there is no issuer to fetch discovery and keys from; give the expected issuer (--issuer <url>)." } };
  }
  const fetched = await fetchIssuerData(issuer, deps.fetch);
  if ("refused" in fetched) return fetched.refused;
  const inspection = await inspectIdToken(input, { metadata: fetched.metadata, jwks: fetched.jwks, now: (deps.now ?? Date.now)() });
  const checks = [...fetched.checks, ...inspection.checks];
  return {
    ok: true,
    result: { ...inspection, ok: isOk(checks), checks, issuer, discovery_url: openIdConfigurationUrl(issuer), jwks_uri: fetched.jwksUri, reachable: fetched.reachable },
  };
}
