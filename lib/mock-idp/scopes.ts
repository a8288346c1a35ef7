// The scopes the mock understands and the claims each releases.

export const supportedScopes = ["openid", "profile", "profile:basic", "email", "offline_access"] as const;

export function isSupportedScope(scope: string): boolean {
  return supportedScopes.some((supported) => supported === scope);
}

/** Splits a space-delimited scope string (RFC 6749 §3.3), dropping repeats. */
export function splitScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? "").split(" ").filter((part) => part !== ""))];
}

export function unsupportedScopes(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => !isSupportedScope(scope));
}
