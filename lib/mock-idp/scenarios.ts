// The fault scenarios: each is its own issuer under /mock-idp/scenarios/<name> and reproduces
// one catalogue entry. Browser-safe data, so diagnostic widgets can list and link to them.
import { mockIdpScenarioIssuer } from "./paths";

export const mockIdpScenarios = [
  {
    name: "wrong-issuer",
    entry: "iss-mismatch",
    description: "Discovery and id_tokens name the parent issuer (/mock-idp) instead of the URL they are served from, so issuer validation fails.",
  },
  {
    name: "trailing-slash-issuer",
    entry: "iss-mismatch",
    description: "The issuer in discovery and in id_tokens ends with a slash that the URL the RP configured does not have.",
  },
  {
    name: "missing-jwks-uri",
    entry: "discovery-document-invalid",
    description: "Discovery omits jwks_uri, so the RP has nowhere to fetch signing keys from.",
  },
  {
    name: "jwks-unavailable",
    entry: "jwks-fetch-failed",
    description: "The JWKS endpoint answers 503, so id_token signatures cannot be checked.",
  },
  {
    name: "rotated-key",
    entry: "jwks-key-rotation",
    description: "id_tokens are signed with a newly rotated key (kid demo-rs256-2025b) that the JWKS does not publish.",
    /** The protected header of the id_tokens this scenario issues (checked by its integration test). */
    tokenHeader: { alg: "RS256", kid: "demo-rs256-2025b", typ: "JWT" },
  },
  {
    name: "duplicate-kid",
    entry: "jwks-duplicate-kid",
    description: "The JWKS lists two different keys under the same kid, so a verifier cannot pick one.",
  },
  {
    name: "private-key-in-jwks",
    entry: "jwks-private-key-exposed",
    description: "The JWKS leaks private key members (d, p, q, …) of the demo signing keys.",
  },
  {
    name: "http-endpoints",
    entry: "discovery-document-invalid",
    description: "Discovery advertises endpoints on the other scheme than the issuer (http:// under an https issuer, or the reverse).",
  },
  {
    name: "slow-discovery",
    entry: "discovery-timeout",
    description: "Discovery stalls for several seconds (5 s by default, at most 15 s) before answering, tripping RP timeouts.",
  },
] as const;

export type MockIdpScenario = (typeof mockIdpScenarios)[number];
export type MockIdpScenarioName = MockIdpScenario["name"];

export function findMockIdpScenario(name: string): MockIdpScenario | undefined {
  return mockIdpScenarios.find((scenario) => scenario.name === name);
}

export function listMockIdpScenarios(origin: string) {
  return mockIdpScenarios.map((scenario) => ({ ...scenario, issuer: mockIdpScenarioIssuer(origin, scenario.name) }));
}
