// The JWKS checks on hand-built key sets: real keys generated with jose, broken ones by hand.
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import type { DiagnosticFetch, FetchedResponse } from "@/lib/diagnostics/fetcher";
import { checkCacheLifetime, checkJwksResponse, checkKeys, checkKids, checkPrivateMembers, checkTokenHeader, parseJwksInput, parseTokenHeader, runJwksCheck, toKeyRow } from "@/lib/diagnostics/jwks";
import { rsaModulusBits } from "@/lib/diagnostics/jwks-keys";

let rsa: JWK;
let rsaPrivate: JWK;
let ec: JWK;
let otherRsa: JWK;

beforeAll(async () => {
  const one = await generateKeyPair("RS256", { extractable: true });
  rsa = { ...(await exportJWK(one.publicKey)), kid: "rsa-1", alg: "RS256", use: "sig" };
  rsaPrivate = { ...(await exportJWK(one.privateKey)), kid: "rsa-1", alg: "RS256", use: "sig" };
  ec = { ...(await exportJWK((await generateKeyPair("ES256", { extractable: true })).publicKey)), kid: "ec-1", alg: "ES256", use: "sig" };
  otherRsa = { ...(await exportJWK((await generateKeyPair("RS256", { extractable: true })).publicKey)), kid: "rsa-1", alg: "RS256", use: "sig" };
});

function status(checks: Array<{ id: string; status: string }>, id: string): string | undefined {
  return checks.find((check) => check.id === id)?.status;
}

function response(body: unknown, init: { status?: number; headers?: Record<string, string>; redirects?: string[] } = {}): FetchedResponse {
  return {
    url: "https://idp.example.com/jwks",
    status: init.status ?? 200,
    headers: new Headers({ "content-type": "application/jwk-set+json", ...init.headers }),
    body: typeof body === "string" ? body : JSON.stringify(body),
    redirects: init.redirects ?? [],
    elapsedMs: 12,
  };
}

describe("input", () => {
  it("needs exactly one of issuer and jwks_uri", () => {
    expect(parseJwksInput({ issuer: "https://idp.example.com" }).ok).toBe(true);
    expect(parseJwksInput({ jwks_uri: "https://idp.example.com/jwks", token: "{}" }).ok).toBe(true);
    expect(parseJwksInput({}).ok).toBe(false);
    expect(parseJwksInput({ issuer: "https://a.example", jwks_uri: "https://a.example/jwks" }).ok).toBe(false);
    expect(parseJwksInput({ issuer: "https://a.example", token: "x".repeat(20_000) }).ok).toBe(false);
  });

  it("reads a token header from JSON, its base64url segment, or a whole token, never the claims", () => {
    const header = { alg: "RS256", kid: "rsa-1", typ: "JWT" };
    const segment = Buffer.from(JSON.stringify(header)).toString("base64url");
    const claims = Buffer.from(JSON.stringify({ sub: "secret" })).toString("base64url");
    expect(parseTokenHeader(JSON.stringify(header))).toEqual({ ok: true, header });
    expect(parseTokenHeader(segment)).toEqual({ ok: true, header });
    expect(parseTokenHeader(`${segment}.${claims}.sig`)).toEqual({ ok: true, header });
    expect(parseTokenHeader("not a token").ok).toBe(false);
    expect(parseTokenHeader("[1]").ok).toBe(false);
  });
});

describe("key rows", () => {
  it("RSA size, curve and RFC 7638 thumbprint", async () => {
    const row = await toKeyRow(rsa);
    expect(row).toMatchObject({ kid: "rsa-1", kty: "RSA", alg: "RS256", use: "sig", bits: 2048 });
    expect(row.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await toKeyRow(ec)).crv).toBe("P-256");
    // RFC 7638 §3.1's example key has this thumbprint.
    const example = { kty: "RSA", e: "AQAB", n: "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw" };
    expect((await toKeyRow(example)).thumbprint).toBe("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
  });

  it("modulus size ignores leading zero octets", () => {
    expect(rsaModulusBits(Buffer.from([0, 0x80, 1]).toString("base64url"))).toBe(16);
    expect(rsaModulusBits("not base64url!")).toBeNull();
  });
});

describe("checks", () => {
  it("status: 5xx, 404, redirects and content type", () => {
    expect(checkJwksResponse(response("", { status: 503 }))[0]).toMatchObject({ status: "fail", entry: expect.stringContaining("jwks-endpoint-5xx") });
    expect(checkJwksResponse(response("", { status: 404 }))[0]?.status).toBe("fail");
    expect(checkJwksResponse(response({ keys: [] }, { redirects: ["https://cdn.example.com/jwks"] }))[0]).toMatchObject({ status: "warn", entry: expect.stringContaining("jwks-uri-redirects") });
    expect(status(checkJwksResponse(response({ keys: [] }, { headers: { "content-type": "text/html" } })), "jwks.content-type")).toBe("warn");
  });

  it("private and symmetric members, also in JSON that does not parse", () => {
    expect(checkPrivateMembers([rsa, ec], "").status).toBe("pass");
    const leaked = checkPrivateMembers([rsaPrivate], "");
    expect(leaked.status).toBe("fail");
    expect(leaked.message).toMatch(/d, p, q, dp, dq, qi/);
    expect(checkPrivateMembers([{ kty: "oct", k: "c2VjcmV0" }], "").status).toBe("fail");
    expect(checkPrivateMembers(null, '{"keys": [{"kty": "RSA", "d": "xyz", ]}').status).toBe("fail");
  });

  it("kids: missing with several keys fails, with one key warns; two different keys under one kid fail; exact copies warn", async () => {
    const rows = async (keys: JWK[]) => Promise.all(keys.map(toKeyRow));
    const { kid: _kid, ...noKid } = rsa;
    expect(status(checkKids([noKid, ec], await rows([noKid, ec])), "jwks.kid-missing")).toBe("fail");
    expect(status(checkKids([noKid], await rows([noKid])), "jwks.kid-missing")).toBe("warn");
    expect(status(checkKids([rsa, otherRsa], await rows([rsa, otherRsa])), "jwks.duplicate-kid")).toBe("fail");
    expect(status(checkKids([rsa, rsa], await rows([rsa, rsa])), "jwks.duplicate-kid")).toBe("warn");
    // One kid for a signing and an encryption key is allowed.
    const enc = { ...otherRsa, use: "enc", alg: "RSA-OAEP" };
    expect(status(checkKids([rsa, enc], await rows([rsa, enc])), "jwks.duplicate-kid")).toBe("pass");
  });

  it("members, alg fit, RSA size and import", async () => {
    expect((await checkKeys([rsa, ec])).every((check) => check.status === "pass")).toBe(true);
    expect(status(await checkKeys([{ kty: "RSA", kid: "x", e: "AQAB" }]), "jwks.members")).toBe("fail");
    expect(status(await checkKeys([{ ...ec, alg: "RS256" }]), "jwks.alg")).toBe("fail");
    expect(status(await checkKeys([{ ...ec, alg: "ES384" }]), "jwks.alg")).toBe("fail");
    const short = { ...generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ format: "jwk" }), kid: "short" };
    expect(status(await checkKeys([short]), "jwks.rsa-size")).toBe("fail");
    expect(status(await checkKeys([{ ...ec, x: "AAAA" }]), "jwks.members")).toBe("fail");
  });

  it("an x5c leaf must carry the same key", async () => {
    // A self-signed test-only certificate (its private key was discarded when it was made).
    const certFile = fileURLToPath(new URL("../../fixtures/x5c/self-signed-test-only.pem", import.meta.url));
    const der = readFileSync(certFile, "utf8").replace(/-----[^-]+-----|\s/g, "");
    const certKey = createPublicKey(readFileSync(certFile)).export({ format: "jwk" });
    const matching = { ...certKey, kid: "c1", alg: "RS256", x5c: [der] };
    expect(status(await checkKeys([matching]), "jwks.x5c")).toBe("pass");
    expect(status(await checkKeys([{ ...rsa, x5c: [der] }]), "jwks.x5c")).toBe("fail");
    expect(status(await checkKeys([{ ...rsa, x5c: ["bm90IGEgY2VydA"] }]), "jwks.x5c")).toBe("fail");
  });

  it("cache lifetime over an hour warns", () => {
    expect(checkCacheLifetime(response({}, { headers: { "cache-control": "public, max-age=86400" } })).status).toBe("warn");
    expect(checkCacheLifetime(response({}, { headers: { "cache-control": "max-age=600" } })).status).toBe("pass");
  });

  it("token header: kid resolves to exactly one key, alg advertised and fitting", () => {
    const keys = [rsa, ec];
    expect(status(checkTokenHeader({ alg: "RS256", kid: "rsa-1" }, keys, ["RS256", "ES256"]), "token.kid")).toBe("pass");
    expect(checkTokenHeader({ alg: "RS256", kid: "rsa-2" }, keys, null).find((check) => check.id === "token.kid")).toMatchObject({ status: "fail", entry: expect.stringContaining("jwks-key-rotation") });
    expect(status(checkTokenHeader({ alg: "RS256", kid: "rsa-1" }, [rsa, otherRsa], null), "token.kid")).toBe("fail");
    expect(status(checkTokenHeader({ alg: "PS256", kid: "rsa-1" }, keys, ["RS256"]), "token.alg")).toBe("fail");
    expect(status(checkTokenHeader({ alg: "none" }, keys, null), "token.alg")).toBe("fail");
    expect(status(checkTokenHeader({ alg: "ES256", kid: "rsa-1" }, keys, null), "token.kid")).toBe("fail");
  });
});

describe("the run", () => {
  it("a key set that is not one fails, and private members are still found in the raw text", async () => {
    const fetch: DiagnosticFetch = async (url) => ({ ok: true, response: { ...response('{"keys": {"kty": "RSA", "d": "x"}}'), url } });
    const run = await runJwksCheck({ jwks_uri: "https://idp.example.com/jwks" }, { fetch });
    if (!run.ok) throw new Error(run.error.message);
    expect(status(run.result.checks, "jwks.keys")).toBe("fail");
    expect(status(run.result.checks, "jwks.private-members")).toBe("fail");
  });

  it("a bad token is a 400, before anything is fetched", async () => {
    let fetched = 0;
    const fetch: DiagnosticFetch = async (url) => {
      fetched += 1;
      return { ok: false, error: { code: "connect", url, message: "refused" } };
    };
    const run = await runJwksCheck({ jwks_uri: "https://idp.example.com/jwks", token: "garbage" }, { fetch });
    expect(run).toMatchObject({ ok: false, status: 400 });
    expect(fetched).toBe(0);
  });
});
