// How each fault scenario bends the otherwise correct IdP. The scenario list itself (names,
// entry slugs) lives in scenarios.ts; this file holds what they do.
import type { IssuerContext } from "./context";
import type { MockSigningKey } from "./keys.server";
import { mockIdpIssuer, mockIdpScenarioIssuer } from "./paths";
import type { MockIdpScenarioName } from "./scenarios";

/** The issuer a scenario declares, given the URL it is served from. */
export function declaredIssuer(origin: string, scenario: MockIdpScenarioName | null): string {
  if (scenario === null) return mockIdpIssuer(origin);
  const served = mockIdpScenarioIssuer(origin, scenario);
  if (scenario === "wrong-issuer") return mockIdpIssuer(origin);
  if (scenario === "trailing-slash-issuer") return `${served}/`;
  return served;
}

export function buildIssuerContext(origin: string, scenario: MockIdpScenarioName | null): IssuerContext {
  return {
    origin,
    base: scenario === null ? mockIdpIssuer(origin) : mockIdpScenarioIssuer(origin, scenario),
    issuer: declaredIssuer(origin, scenario),
    scenario,
  };
}

/** Base URL for the endpoints discovery advertises: http-endpoints flips the scheme. */
export function advertisedEndpointBase(context: IssuerContext): string {
  if (context.scenario !== "http-endpoints") return context.base;
  return context.base.startsWith("https://") ? `http://${context.base.slice(8)}` : `https://${context.base.slice(7)}`;
}

/** The key that signs id_tokens. rotated-key signs with the "next" key, which its JWKS leaves out. */
export function selectSigningKey(keys: readonly MockSigningKey[], alg: "RS256" | "ES256", scenario: MockIdpScenarioName | null): MockSigningKey {
  const wanted = scenario === "rotated-key" ? keys.find((key) => key.status === "next") : keys.find((key) => key.alg === alg && key.status === "active");
  const fallback = keys.find((key) => key.alg === alg);
  const key = wanted ?? fallback;
  if (key === undefined) throw new Error(`no ${alg} signing key loaded`);
  return key;
}

/** The JWKS a scenario publishes. */
export function buildJwks(keys: readonly MockSigningKey[], scenario: MockIdpScenarioName | null): { keys: Array<Record<string, unknown>> } {
  switch (scenario) {
    case "rotated-key":
      return { keys: keys.filter((key) => key.status === "active").map((key) => ({ ...key.publicJwk })) };
    case "private-key-in-jwks":
      return { keys: keys.map((key) => ({ ...key.fullJwk })) };
    case "duplicate-kid": {
      // A second, different RSA key published under the active RSA key's kid.
      const active = keys.find((key) => key.alg === "RS256" && key.status === "active");
      const other = keys.find((key) => key.alg === "RS256" && key.status !== "active");
      const published = keys.filter((key) => key.status === "active").map((key) => ({ ...key.publicJwk }));
      if (active && other) published.push({ ...other.publicJwk, kid: active.kid });
      return { keys: published };
    }
    default:
      return { keys: keys.map((key) => ({ ...key.publicJwk })) };
  }
}
