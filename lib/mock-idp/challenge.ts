// WWW-Authenticate challenges (RFC 9110 §11.6.1): a scheme and auth-params as quoted strings,
// with `\` and `"` escaped and absent params left out, as node-oidc-provider writes them.

/** The mock IdP's protection space in every challenge. */
export const mockIdpRealm = "mock-idp";

export function challengeHeader(scheme: "Basic" | "Bearer", params: Record<string, string | undefined>): Record<string, string> {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}="${value.replace(/[\\"]/g, "\\$&").replace(/[\r\n]+/g, " ")}"`);
  return { "WWW-Authenticate": `${scheme} ${parts.join(", ")}` };
}
