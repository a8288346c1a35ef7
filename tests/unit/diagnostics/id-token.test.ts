// The id_token inspector's checks on tokens signed here with jose: one healthy token, then one
// token per way an RP sees an id_token fail. The clock is fixed, so every time check is exact.
import { CompactSign, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import type { DiagnosticFetch } from "@/lib/diagnostics/fetcher";
import type { Finding } from "@/lib/diagnostics/findings";
import { decodeIdToken, describeRelative, inspectIdToken, parseIdTokenInput, runIdTokenInspection, type IdTokenData, type IdTokenOptions } from "@/lib/diagnostics/id-token";

const issuer = "https://idp.example.com";
const clientId = "rp-client";
const nowMs = 1_800_000_000_000;
const now = nowMs / 1000;
const metadata = { issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ["RS256", "ES256"] };

let rsaPrivate: CryptoKey;
let rsaPublic: JWK;
let ecPrivate: CryptoKey;
let ecPublic: JWK;
let strangerPrivate: CryptoKey;

beforeAll(async () => {
  const rsa = await generateKeyPair("RS256", { extractable: true });
  rsaPrivate = rsa.privateKey;
  rsaPublic = { ...(await exportJWK(rsa.publicKey)), kid: "rsa-1", alg: "RS256", use: "sig" };
  const ec = await generateKeyPair("ES256", { extractable: true });
  ecPrivate = ec.privateKey;
  ecPublic = { ...(await exportJWK(ec.publicKey)), kid: "ec-1", alg: "ES256", use: "sig" };
  strangerPrivate = (await generateKeyPair("RS256")).privateKey;
});

function data(overrides: Partial<IdTokenData> = {}): IdTokenData {
  return { jwks: { keys: [rsaPublic, ecPublic] }, metadata, now: nowMs, ...overrides };
}

const healthyClaims: JWTPayload = { iss: issuer, sub: "user-1", aud: clientId, azp: clientId, iat: now - 30, exp: now + 3600, nonce: "n-123" };

async function sign(claims: JWTPayload = {}, options: { header?: Record<string, unknown>; key?: CryptoKey; omit?: string[] } = {}): Promise<string> {
  const payload: JWTPayload = { ...healthyClaims, ...claims };
  for (const name of options.omit ?? []) delete payload[name];
  const header = { alg: "RS256", kid: "rsa-1", typ: "JWT", ...options.header };
  return new SignJWT(payload).setProtectedHeader({ ...header, alg: String(header.alg) }).sign(options.key ?? rsaPrivate);
}

function base64url(value: unknown): string {
  return Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
}

async function inspect(token: string, options: Partial<IdTokenOptions> = {}, overrides: Partial<IdTokenData> = {}) {
  return inspectIdToken({ token, issuer, client_id: clientId, nonce: "n-123", ...options }, data(overrides));
}

function check(checks: readonly Finding[], id: string): Finding {
  const found = checks.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no finding ${id} in ${checks.map((candidate) => candidate.id).join(", ")}`);
  return found;
}

describe("input", () => {
  it("takes the token and optional expectations; the tolerance defaults to 60 s and is capped", () => {
    expect(parseIdTokenInput({ token: " a.b.c \n" })).toEqual({ ok: true, input: { token: "a.b.c", clock_skew_seconds: 60 } });
    expect(parseIdTokenInput(new URLSearchParams({ token: "a.b.c", clock_skew_seconds: "5", client_id: "x", nonce: "n", issuer })).ok).toBe(true);
    expect(parseIdTokenInput({ token: "a.b.c", clock_skew_seconds: 601 }).ok).toBe(false);
    expect(parseIdTokenInput({ token: "" }).ok).toBe(false);
    expect(parseIdTokenInput({ token: "a.b.c", issuer: "not a url" }).ok).toBe(false);
    expect(parseIdTokenInput({ token: "a.b.c", extra: 1 }).ok).toBe(false);
  });

  it("refuses a token over 16 KiB without repeating it", () => {
    const huge = `${"x".repeat(17_000)}.y.z`;
    const parsed = parseIdTokenInput({ token: huge });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).not.toContain("xxxxxxxx");
  });
});

describe("decodeIdToken", () => {
  it("reads header and claims of a compact JWS, with or without a Bearer prefix", async () => {
    const token = await sign();
    const decoded = decodeIdToken(`Bearer ${token}\n`);
    expect(decoded).toMatchObject({ ok: true, token: { header: { alg: "RS256", kid: "rsa-1" }, claims: { iss: issuer, sub: "user-1" } } });
  });

  it.each([
    ["a.b", "2 dot-separated parts"],
    ["onlyone", "1 dot-separated part;"],
    ["a.b.c.d.e", "encrypted token (JWE"],
    [`${base64url({ alg: "RS256" })}.@@@.sig`, "payload (second part) is not base64url"],
    [`${base64url("not json")}.${base64url({})}.sig`, "header (first part) does not decode to a JSON object"],
    [`${base64url({ alg: "RS256" })}.${base64url("[1,2]")}.sig`, "payload (second part) does not decode to a JSON object"],
    [`${base64url({ alg: "RS256" })}..sig`, "payload (second part) is empty"],
  ])("says what is wrong with %s", (token, message) => {
    const decoded = decodeIdToken(token);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.message).toContain(message);
  });
});

describe("a healthy token", () => {
  it("passes every check, with readable times and the key it was verified with", async () => {
    const result = await inspect(await sign({ nbf: now - 30 }));
    expect(result.checks.filter((finding) => finding.status !== "pass")).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checks.map((finding) => finding.id)).toEqual(["token.format", "token.alg", "token.kid", "token.signature", "claims.iss", "claims.sub", "claims.aud", "claims.azp", "claims.exp", "claims.iat", "claims.nbf", "claims.nonce"]);
    expect(result.times.exp).toEqual({ epoch: now + 3600, iso: new Date((now + 3600) * 1000).toISOString(), relative: "in 1 h" });
    expect(result.times.iat?.relative).toBe("30 s ago");
    expect(result.key).toMatchObject({ kid: "rsa-1", kty: "RSA", alg: "RS256", bits: 2048 });
    expect(result.claims).toMatchObject({ sub: "user-1" });
  });

  it("verifies ES256 too", async () => {
    const result = await inspect(await sign({}, { header: { alg: "ES256", kid: "ec-1" }, key: ecPrivate }));
    expect(check(result.checks, "token.signature").status).toBe("pass");
  });

  it("never repeats the token or its signature in a message", async () => {
    const token = await sign({ aud: "someone-else", exp: now - 7200, iat: now - 9000 });
    const signature = token.split(".")[2] ?? "";
    const result = await inspect(token);
    for (const finding of result.checks) {
      expect(finding.message).not.toContain(signature);
      expect(finding.message).not.toContain(token.split(".")[1]);
    }
  });

  it("without expectations, reports iss, aud and nonce instead of comparing them", async () => {
    const result = await inspectIdToken({ token: await sign() }, data({ metadata: null }));
    expect(check(result.checks, "claims.iss").status).toBe("skip");
    expect(check(result.checks, "claims.aud").message).toContain("give the client_id");
    expect(check(result.checks, "claims.azp").status).toBe("skip");
    expect(check(result.checks, "claims.nonce").status).toBe("skip");
    expect(result.ok).toBe(true);
  });
});

describe("times", () => {
  it("an expired token fails with the difference and the tolerance", async () => {
    const result = await inspect(await sign({ iat: now - 4200, exp: now - 600 }));
    const exp = check(result.checks, "claims.exp");
    expect(exp).toMatchObject({ status: "fail", entry: "/troubleshooting/clock-skew#clock-skew--token-checked-too-late" });
    expect(exp.message).toContain("600 s before now, beyond the 60 s clock tolerance");
    expect(result.times.exp?.relative).toBe("10 min ago");
    expect(result.ok).toBe(false);
  });

  it("just past exp but within the tolerance warns about libraries without one", async () => {
    const exp = check((await inspect(await sign({ exp: now - 20 }))).checks, "claims.exp");
    expect(exp).toMatchObject({ status: "warn", entry: "/troubleshooting/clock-skew#clock-skew--no-clock-tolerance" });
    expect(exp.message).toContain("20 s ago");
  });

  it("a tolerance of 0 fails what 60 s forgives", async () => {
    expect(check((await inspect(await sign({ exp: now - 20 }), { clock_skew_seconds: 0 })).checks, "claims.exp").status).toBe("fail");
  });

  it("not yet valid (nbf ahead) fails as clock drift", async () => {
    const nbf = check((await inspect(await sign({ nbf: now + 300 }))).checks, "claims.nbf");
    expect(nbf).toMatchObject({ status: "fail", entry: "/troubleshooting/clock-skew#clock-skew--server-clock-drift" });
    expect(nbf.message).toContain("300 s in the future");
  });

  it("iat in the future fails beyond the tolerance and warns within it", async () => {
    expect(check((await inspect(await sign({ iat: now + 120 }))).checks, "claims.iat")).toMatchObject({ status: "fail", entry: "/troubleshooting/clock-skew#clock-skew--server-clock-drift" });
    expect(check((await inspect(await sign({ iat: now + 5 }))).checks, "claims.iat")).toMatchObject({ status: "warn", entry: "/troubleshooting/clock-skew#clock-skew--no-clock-tolerance" });
  });

  it("millisecond timestamps are named as such", async () => {
    const result = await inspect(await sign({ iat: nowMs - 30_000, exp: nowMs + 3_600_000 }));
    for (const id of ["claims.iat", "claims.exp"]) {
      const finding = check(result.checks, id);
      expect(finding).toMatchObject({ status: "fail", entry: "/troubleshooting/clock-skew#clock-skew--milliseconds-timestamps" });
      expect(finding.message).toContain("in milliseconds");
    }
    expect(check(result.checks, "claims.iat").message).toContain("Read as milliseconds it is 2027-01-15T07:59:30.000Z (30 s ago)");
  });

  it("missing exp or iat fails; a missing nbf is fine", async () => {
    const result = await inspect(await sign({}, { omit: ["exp", "iat"] }));
    expect(check(result.checks, "claims.exp").status).toBe("fail");
    expect(check(result.checks, "claims.iat").status).toBe("fail");
    expect(check(result.checks, "claims.nbf").status).toBe("pass");
  });

  it("describes times relative to now", () => {
    expect(describeRelative(now + 240, nowMs)).toBe("in 4 min");
    expect(describeRelative(now - 720, nowMs)).toBe("12 min ago");
    expect(describeRelative(now, nowMs)).toBe("now");
    expect(describeRelative(now - 3 * 86_400, nowMs)).toBe("3 d ago");
  });
});

describe("audience and authorized party", () => {
  it("a token for another client fails aud", async () => {
    expect(check((await inspect(await sign({ aud: "other-client", azp: "other-client" }))).checks, "claims.aud")).toMatchObject({ status: "fail", entry: "/troubleshooting/aud-mismatch#aud-mismatch--other-client-id" });
  });

  it("several audiences without azp warn (OIDC Core §3.1.3.7)", async () => {
    const result = await inspect(await sign({ aud: [clientId, "https://api.example.com"] }, { omit: ["azp"] }));
    expect(check(result.checks, "claims.aud")).toMatchObject({ status: "warn", entry: "/troubleshooting/aud-mismatch#aud-mismatch--extra-audiences" });
    expect(check(result.checks, "claims.azp").status).toBe("skip");
  });

  it("several audiences with azp = client_id pass", async () => {
    const result = await inspect(await sign({ aud: [clientId, "https://api.example.com"] }));
    expect(check(result.checks, "claims.aud").status).toBe("pass");
    expect(check(result.checks, "claims.azp").status).toBe("pass");
  });

  it("azp naming another party fails", async () => {
    expect(check((await inspect(await sign({ aud: [clientId, "other"], azp: "other" }))).checks, "claims.azp")).toMatchObject({ status: "fail", entry: "/troubleshooting/aud-mismatch#aud-mismatch--extra-audiences" });
  });

  it("a missing sub or aud fails", async () => {
    const result = await inspect(await sign({}, { omit: ["sub", "aud"] }));
    expect(check(result.checks, "claims.sub").status).toBe("fail");
    expect(check(result.checks, "claims.aud").status).toBe("fail");
  });
});

describe("nonce", () => {
  it("a different nonce fails", async () => {
    expect(check((await inspect(await sign({ nonce: "n-other" }))).checks, "claims.nonce")).toMatchObject({ status: "fail", entry: "/troubleshooting/nonce-mismatch#nonce-mismatch--second-login-overwrote-nonce" });
  });

  it("a missing nonce fails when one is expected", async () => {
    expect(check((await inspect(await sign({}, { omit: ["nonce"] }))).checks, "claims.nonce")).toMatchObject({ status: "fail", entry: "/troubleshooting/nonce-mismatch#nonce-mismatch--nonce-generated-twice" });
  });
});

describe("issuer", () => {
  it("another issuer fails against the expected one", async () => {
    const finding = check((await inspect(await sign({ iss: "https://staging.idp.example.com" }))).checks, "claims.iss");
    expect(finding).toMatchObject({ status: "fail", entry: "/troubleshooting/iss-mismatch#iss-mismatch--issuer-from-other-environment" });
  });

  it("a trailing-slash-only difference has its own message", async () => {
    const finding = check((await inspect(await sign({ iss: `${issuer}/` }))).checks, "claims.iss");
    expect(finding).toMatchObject({ status: "fail", entry: "/troubleshooting/iss-mismatch#iss-mismatch--trailing-slash" });
    expect(finding.message).toContain("differ only by a trailing slash");
  });

  it("a discovery document declaring another issuer than its URL is blamed on the IdP", async () => {
    const finding = check((await inspect(await sign({ iss: "https://internal.example.com" }), {}, { metadata: { ...metadata, issuer: "https://internal.example.com" } })).checks, "claims.iss");
    expect(finding).toMatchObject({ status: "fail", entry: "/troubleshooting/iss-mismatch#iss-mismatch--discovery-declares-other-issuer" });
  });

  it("without an expected issuer, iss is compared with discovery only", async () => {
    const result = await inspectIdToken({ token: await sign() }, data());
    expect(check(result.checks, "claims.iss")).toMatchObject({ status: "pass", message: expect.stringContaining("exactly the issuer discovery declares") });
  });
});

describe("algorithm, key and signature", () => {
  it("an unsigned token (alg none) fails and is not verified", async () => {
    const token = `${base64url({ alg: "none", typ: "JWT" })}.${base64url(healthyClaims)}.`;
    const result = await inspect(token);
    expect(check(result.checks, "token.alg")).toMatchObject({ status: "fail", entry: "/troubleshooting/jwks-key-unusable#jwks-key-unusable--alg-does-not-match-key" });
    expect(check(result.checks, "token.signature").status).toBe("skip");
  });

  it("an HS256 token fails: no public key set can verify it", async () => {
    const token = await new SignJWT(healthyClaims).setProtectedHeader({ alg: "HS256", kid: "rsa-1" }).sign(new TextEncoder().encode("a-shared-secret-of-32-characters!"));
    const result = await inspect(token);
    expect(check(result.checks, "token.alg")).toMatchObject({ status: "fail", message: expect.stringContaining("shared-secret (HMAC)") });
    expect(check(result.checks, "token.signature").status).toBe("skip");
  });

  it("an algorithm discovery does not advertise fails", async () => {
    const result = await inspect(`${base64url({ alg: "PS256", kid: "rsa-1" })}.${base64url(healthyClaims)}.c2ln`);
    expect(check(result.checks, "token.alg")).toMatchObject({ status: "fail", message: expect.stringContaining("does not advertise") });
  });

  it("an alg that does not fit the key fails", async () => {
    const result = await inspect(await sign({}, { header: { alg: "ES256", kid: "rsa-1" }, key: ecPrivate }));
    expect(check(result.checks, "token.alg").message).toContain("ES256 needs a EC key");
    expect(check(result.checks, "token.signature").status).toBe("skip");
  });

  it("a token signed by another key under the same kid fails the signature", async () => {
    const result = await inspect(await sign({}, { key: strangerPrivate }));
    expect(check(result.checks, "token.kid").status).toBe("pass");
    expect(check(result.checks, "token.signature")).toMatchObject({ status: "fail", entry: "/troubleshooting/jwks-duplicate-kid#jwks-duplicate-kid--kid-reused-after-rotation" });
  });

  it("an altered payload fails the signature", async () => {
    const [header, , signature] = (await sign()).split(".");
    const result = await inspect(`${header}.${base64url({ ...healthyClaims, sub: "admin" })}.${signature}`);
    expect(check(result.checks, "token.signature").status).toBe("fail");
  });

  it("an unknown kid fails token.kid (key rotation) and skips the signature", async () => {
    const result = await inspect(await sign({}, { header: { kid: "rsa-2" } }));
    expect(check(result.checks, "token.kid")).toMatchObject({ status: "fail", entry: "/troubleshooting/jwks-key-rotation#jwks-key-rotation--no-refetch-on-unknown-kid" });
    expect(check(result.checks, "token.signature").status).toBe("skip");
    expect(result.key).toBeUndefined();
  });

  it("no kid with a single key warns and still verifies", async () => {
    const result = await inspect(await sign({}, { header: { kid: undefined } }), {}, { jwks: { keys: [rsaPublic] } });
    expect(check(result.checks, "token.kid").status).toBe("warn");
    expect(check(result.checks, "token.signature").status).toBe("pass");
  });

  it("without a key set, kid and signature are skipped, the claims still checked", async () => {
    const result = await inspect(await sign(), {}, { jwks: null });
    expect(check(result.checks, "token.kid").status).toBe("skip");
    expect(check(result.checks, "token.signature").status).toBe("skip");
    expect(check(result.checks, "claims.aud").status).toBe("pass");
  });

  it("private members in the key set are never used to verify", async () => {
    const withPrivate = { ...rsaPublic, d: "AAAA", p: "AAAA", q: "AAAA" };
    const result = await inspect(await sign(), {}, { jwks: { keys: [withPrivate] } });
    expect(check(result.checks, "token.signature").status).toBe("pass");
  });

  it("an access token (typ at+jwt) is named as one", async () => {
    const result = await inspect(await sign({}, { header: { typ: "at+jwt" } }));
    expect(check(result.checks, "token.format")).toMatchObject({ status: "warn", entry: "/troubleshooting/aud-mismatch#aud-mismatch--access-token-checked-as-id-token" });
  });

  it("a malformed token is one failing token.format finding", async () => {
    const result = await inspect("a.b");
    expect(result).toMatchObject({ ok: false, header: null, claims: null, checks: [{ id: "token.format", status: "fail" }] });
  });

  it("a JWS whose payload is not JSON claims is refused at decoding", async () => {
    const token = await new CompactSign(new TextEncoder().encode("plain text")).setProtectedHeader({ alg: "RS256", kid: "rsa-1" }).sign(rsaPrivate);
    expect(decodeIdToken(token).ok).toBe(false);
  });
});

describe("runIdTokenInspection", () => {
  function stubFetch(routes: Record<string, { status?: number; body: unknown }>, seen: string[] = []): DiagnosticFetch {
    return async (url, request) => {
      seen.push(`${url} ${request?.body ?? ""}`);
      const route = routes[url];
      if (route === undefined) return { ok: false, error: { code: "connect", message: "connection refused", url } };
      return { ok: true, response: { url, status: route.status ?? 200, headers: new Headers({ "content-type": "application/json" }), body: JSON.stringify(route.body), redirects: [], elapsedMs: 1 } };
    };
  }

  it("fetches discovery and keys for the token's own issuer, and never sends the token", async () => {
    const seen: string[] = [];
    const token = await sign();
    const fetch = stubFetch({ [`${issuer}/.well-known/openid-configuration`]: { body: metadata }, [`${issuer}/jwks`]: { body: { keys: [rsaPublic] } } }, seen);
    const run = await runIdTokenInspection({ token, client_id: clientId, nonce: "n-123", clock_skew_seconds: 60 }, { fetch, now: () => nowMs });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.result).toMatchObject({ tool: "id-token", ok: true, issuer, jwks_uri: `${issuer}/jwks`, reachable: true });
    expect(run.result.checks.slice(0, 2).map((finding) => finding.id)).toEqual(["issuer.discovery", "issuer.jwks"]);
    for (const request of seen) for (const part of token.split(".")) expect(request).not.toContain(part);
  });

  it("an unreachable issuer is reported as unreachable, and the claims are still checked", async () => {
    const run = await runIdTokenInspection({ token: await sign(), issuer, clock_skew_seconds: 60 }, { fetch: stubFetch({}), now: () => nowMs });
    expect(run.ok && run.result.reachable).toBe(false);
    if (run.ok) expect(check(run.result.checks, "claims.exp").status).toBe("pass");
  });

  it("a malformed token or an iss that is no URL is refused as bad input", async () => {
    expect(await runIdTokenInspection({ token: "a.b", clock_skew_seconds: 60 }, { fetch: stubFetch({}) })).toMatchObject({ ok: false, status: 400 });
    expect(await runIdTokenInspection({ token: await sign({ iss: "not-a-url" }), clock_skew_seconds: 60 }, { fetch: stubFetch({}) })).toMatchObject({ ok: false, status: 400, error: { message: expect.stringContaining("--issuer") } });
  });
});
