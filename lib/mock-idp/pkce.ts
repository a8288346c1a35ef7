// PKCE (RFC 7636), S256 only: the verifier's shape, and the challenge check in constant time.
import { base64url } from "jose";

const verifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;
const challengePattern = /^[A-Za-z0-9_-]{43}$/;

export function isValidCodeVerifier(verifier: string): boolean {
  return verifierPattern.test(verifier);
}

/** An S256 challenge is a base64url SHA-256 digest: exactly 43 characters. */
export function isValidCodeChallenge(challenge: string): boolean {
  return challengePattern.test(challenge);
}

export async function s256(verifier: string): Promise<string> {
  return base64url.encode(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
}

/** Compares without an early exit, so timing reveals nothing about where strings differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index++) difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  return difference === 0;
}

export async function verifyPkce(verifier: string, challenge: string): Promise<boolean> {
  return constantTimeEqual(await s256(verifier), challenge);
}
