// The mock's stateless tokens: authorization codes, pending login requests, access and
// refresh tokens, device codes, resume tokens and demo sessions are all JWE-encrypted JWTs
// (dir + A256GCM) under one key, each tagged with its kind so one can never pass for another.
import { EncryptJWT, errors, jwtDecrypt } from "jose";
import type { z } from "zod";

export type SealedKind = "authorization_request" | "code" | "access_token" | "refresh_token" | "device_code" | "resume_token" | "session";

export type UnsealResult<T> =
  | { ok: true; claims: T & { jti: string; exp: number; iat: number } }
  | { ok: false; reason: "malformed" | "expired" | "wrong_kind" };

// Tokens the mock issues stay well below this; anything longer is rejected unread.
const maxTokenLength = 8192;

export async function seal(
  key: Uint8Array,
  kind: SealedKind,
  claims: Record<string, unknown>,
  options: { now: number; ttlSeconds: number },
): Promise<string> {
  const iat = Math.floor(options.now / 1000);
  return new EncryptJWT({ ...claims, knd: kind })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setJti(crypto.randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + options.ttlSeconds)
    .encrypt(key);
}

export async function unseal<S extends z.ZodType<Record<string, unknown>>>(
  key: Uint8Array,
  kind: SealedKind,
  token: string,
  schema: S,
  options: { now: number },
): Promise<UnsealResult<z.infer<S>>> {
  if (token.length > maxTokenLength || token.split(".").length !== 5) return { ok: false, reason: "malformed" };
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtDecrypt(token, key, { currentDate: new Date(options.now), clockTolerance: 0 }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      return error.payload.knd === kind ? { ok: false, reason: "expired" } : { ok: false, reason: "wrong_kind" };
    }
    return { ok: false, reason: "malformed" };
  }
  if (payload.knd !== kind) return { ok: false, reason: "wrong_kind" };
  const { jti, exp, iat } = payload;
  if (typeof jti !== "string" || typeof exp !== "number" || typeof iat !== "number") return { ok: false, reason: "malformed" };
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  return { ok: true, claims: { ...parsed.data, jti, exp, iat } };
}
