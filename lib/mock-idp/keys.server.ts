// The mock IdP's key material, from content/mock-idp/demo-keys.json (DEMO ONLY: the private
// keys are public). Committed rather than generated so every server instance signs alike.
import "server-only";
import { importJWK, type JWK } from "jose";
import { z } from "zod";
import demoKeyFile from "@/content/mock-idp/demo-keys.json";

export type SigningAlg = "RS256" | "ES256";

export type MockSigningKey = {
  kid: string;
  alg: SigningAlg;
  status: "active" | "next";
  privateKey: CryptoKey;
  /** Public members only: what a JWKS may show. */
  publicJwk: JWK;
  /** Every member including the private ones; only the private-key-in-jwks scenario shows it. */
  fullJwk: JWK;
};

export type MockIdpKeys = {
  signing: MockSigningKey[];
  /** 32-byte key for the mock's own encrypted tokens (codes, requests, access/refresh tokens). */
  tokenKey: Uint8Array;
  /** True when `tokenKey` comes from the committed (public) demo secret, not MOCK_IDP_SECRET. */
  demoSecret: boolean;
};

const keyFileSchema = z.object({
  warning: z.string().startsWith("DEMO ONLY"),
  token_secret: z.string().min(16),
  keys: z
    .array(
      z
        .object({
          status: z.enum(["active", "next"]),
          role: z.string(),
          kid: z.string().min(1),
          alg: z.enum(["RS256", "ES256"]),
          use: z.literal("sig"),
          kty: z.enum(["RSA", "EC"]),
        })
        .catchall(z.string()),
    )
    .min(2),
});

const publicMembers = ["kty", "kid", "alg", "use", "n", "e", "crv", "x", "y"];

function pick(jwk: Record<string, string>, members: string[]): JWK {
  return Object.fromEntries(Object.entries(jwk).filter(([member]) => members.includes(member)));
}

async function deriveTokenKey(secret: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret)));
}

/** Loads the demo keys; `MOCK_IDP_SECRET` (when set) replaces the demo token secret. */
export async function loadDemoKeys(secret: string | undefined = process.env.MOCK_IDP_SECRET): Promise<MockIdpKeys> {
  const parsed = keyFileSchema.safeParse(demoKeyFile);
  if (!parsed.success) {
    throw new Error(`content/mock-idp/demo-keys.json is invalid: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  const signing: MockSigningKey[] = [];
  for (const entry of parsed.data.keys) {
    const { status, role: _role, ...jwk } = entry;
    const privateKey = await importJWK(jwk, entry.alg);
    if (privateKey instanceof Uint8Array) throw new Error(`demo key ${entry.kid} is symmetric; only RSA and EC keys sign id_tokens`);
    signing.push({ kid: entry.kid, alg: entry.alg, status, privateKey, publicJwk: pick(jwk, publicMembers), fullJwk: { ...jwk } });
  }
  for (const alg of ["RS256", "ES256"] as const) {
    if (!signing.some((key) => key.alg === alg && key.status === "active")) {
      throw new Error(`content/mock-idp/demo-keys.json needs an active ${alg} key`);
    }
  }
  const demoSecret = secret === undefined || secret.length === 0;
  return { signing, tokenKey: await deriveTokenKey(demoSecret ? parsed.data.token_secret : secret), demoSecret };
}

let loading: Promise<MockIdpKeys> | undefined;

/** Loads once per process. */
export function getDemoKeys(): Promise<MockIdpKeys> {
  loading ??= loadDemoKeys();
  return loading;
}
