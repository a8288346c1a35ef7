// The JWKS widget's token field: whatever is pasted is cut down to the protected header in the
// browser, so the claims and the signature never reach the URL or the API.
import { base64url, CompactEncrypt, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { toTokenHeaderParam } from "@/components/diagnostics/token-header";

const header = { alg: "ES256", kid: "unit-key-1", typ: "JWT" };
const claims = { iss: "https://idp.example.com", sub: "secret-subject-42", email: "someone@example.com", nonce: "n-0S6_WzA2Mj" };

let jwt: string;
let jwe: string;

beforeAll(async () => {
  const { privateKey } = await generateKeyPair("ES256");
  jwt = await new SignJWT(claims).setProtectedHeader(header).setIssuedAt().setExpirationTime("5m").sign(privateKey);
  const { publicKey } = await generateKeyPair("RSA-OAEP-256");
  jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg: "RSA-OAEP-256", enc: "A256GCM", kid: "enc-1" }).encrypt(publicKey);
});

function expectNoClaims(value: string | undefined, token: string) {
  const [, payload = "", signature = ""] = token.split(".");
  expect(value).toBeDefined();
  for (const secret of [payload, signature, claims.sub, claims.email, claims.nonce, claims.iss]) expect(value).not.toContain(secret);
}

describe("toTokenHeaderParam", () => {
  it("cuts a whole JWS down to its protected header", () => {
    const result = toTokenHeaderParam(jwt);
    expect(result).toEqual({ ok: true, value: JSON.stringify(header), fromWholeToken: true });
    if (result.ok) expectNoClaims(result.value, jwt);
  });

  it("accepts the token with a Bearer prefix and surrounding whitespace", () => {
    const result = toTokenHeaderParam(`  Bearer ${jwt}\n`);
    expect(result).toMatchObject({ ok: true, fromWholeToken: true });
    if (result.ok) {
      expect(JSON.parse(result.value ?? "")).toEqual(header);
      expectNoClaims(result.value, jwt);
    }
  });

  it("cuts a JWE down to its protected header (the encrypted parts never appear)", () => {
    const result = toTokenHeaderParam(jwe);
    expect(result).toMatchObject({ ok: true, fromWholeToken: true });
    if (!result.ok) return;
    expect(JSON.parse(result.value ?? "")).toEqual({ alg: "RSA-OAEP-256", enc: "A256GCM", kid: "enc-1" });
    for (const part of jwe.split(".").slice(1)) if (part !== "") expect(result.value).not.toContain(part);
  });

  it("takes the header segment alone", () => {
    const [first = ""] = jwt.split(".");
    expect(toTokenHeaderParam(first)).toEqual({ ok: true, value: JSON.stringify(header), fromWholeToken: false });
  });

  it("takes the header as JSON, normalised", () => {
    expect(toTokenHeaderParam(' { "kid": "k1",  "alg": "RS256" } ')).toEqual({ ok: true, value: JSON.stringify({ kid: "k1", alg: "RS256" }), fromWholeToken: false });
  });

  it("treats an empty field as no token", () => {
    expect(toTokenHeaderParam("   ")).toEqual({ ok: true, fromWholeToken: false });
  });

  it("refuses a token with the wrong number of parts, naming the count", () => {
    const [first = "", second = ""] = jwt.split(".");
    const result = toTokenHeaderParam(`${first}.${second}`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/2 dot-separated parts/);
      expect(result.message).not.toContain(second);
    }
    expect(toTokenHeaderParam("a.b.c.d").ok).toBe(false);
  });

  it("refuses text that does not decode to a header, without repeating it", () => {
    for (const input of ["not a token", "%%%.e30.sig", "{not json", "e30.e30.c2ln"]) {
      const result = toTokenHeaderParam(input);
      expect(result.ok, input).toBe(false);
      if (!result.ok) expect(result.message).not.toContain(input);
    }
  });

  it("refuses JSON without alg or kid: claims pasted as a header are not sent", () => {
    const result = toTokenHeaderParam(JSON.stringify(claims));
    expect(result.ok).toBe(false);
    const asSegment = toTokenHeaderParam(base64url.encode(JSON.stringify(claims)));
    expect(asSegment.ok).toBe(false);
    expect(toTokenHeaderParam("[1,2]").ok).toBe(false);
  });
});
