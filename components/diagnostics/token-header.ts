// The JWKS check's optional token, reduced to its protected header before anything leaves the
// browser: a whole token is decoded here, and only the header (alg, kid, typ, …) is put in the
// URL and sent to the API. The claims and the signature never leave the page.
import { decodeProtectedHeader } from "jose";

export type TokenHeaderParam =
  /** `value` is the header as JSON, or undefined when no token was given. */
  | { ok: true; value?: string; fromWholeToken: boolean }
  | { ok: false; message: string };

function isJoseHeader(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return ("alg" in value && typeof value.alg === "string") || ("kid" in value && typeof value.kid === "string");
}

function decodeHeader(text: string, segments: number): unknown {
  if (text.startsWith("{")) return JSON.parse(text);
  // A JWS has three segments and a JWE five; both start with the protected header.
  if (segments === 3 || segments === 5) return decodeProtectedHeader(text);
  return decodeProtectedHeader({ protected: text });
}

/** Accepts a whole JWT (JWS or JWE), its first segment, or the header as JSON. */
export function toTokenHeaderParam(input: string): TokenHeaderParam {
  const text = input.trim().replace(/^bearer\s+/i, "");
  if (!text) return { ok: true, fromWholeToken: false };
  const segments = text.startsWith("{") ? 1 : text.split(".").length;
  if (segments !== 1 && segments !== 3 && segments !== 5) {
    return { ok: false, message: `This has ${segments} dot-separated parts; a signed token (JWS) has 3 and an encrypted one (JWE) 5. Paste the whole token, its first part, or its header as JSON.` };
  }
  let header: unknown;
  try {
    header = decodeHeader(text, segments);
  } catch {
    return { ok: false, message: "This does not decode to a token header. Paste the whole token, its first (header) part, or the header as JSON." };
  }
  if (!isJoseHeader(header)) {
    return { ok: false, message: "This decodes to JSON without an alg or kid, so it is not a token's protected header. Paste the whole token or its first part." };
  }
  return { ok: true, value: JSON.stringify(header), fromWholeToken: segments > 1 };
}
