// Where each diagnostic finding is explained: one catalogue cause per problem. Kept in one
// table so a test can prove every link resolves to an entry and cause that exist.
import { causeUrl } from "@/lib/urls";

export const explainedIn = {
  // Discovery
  issuerDeclaredElsewhere: causeUrl("iss-mismatch", "discovery-declares-other-issuer"),
  issuerTrailingSlash: causeUrl("iss-mismatch", "trailing-slash"),
  issuerNotMatchingUrl: causeUrl("discovery-document-invalid", "issuer-not-matching-url"),
  missingRequiredField: causeUrl("discovery-document-invalid", "missing-required-field"),
  missingJwksUri: causeUrl("discovery-document-invalid", "missing-jwks-uri"),
  httpEndpoints: causeUrl("discovery-document-invalid", "http-endpoints"),
  weakOptions: causeUrl("discovery-document-invalid", "weak-options"),
  algorithmWithoutKey: causeUrl("discovery-document-invalid", "algorithm-without-key"),
  noMetadataDocument: causeUrl("playground-discovery-failed", "no-metadata-document"),
  slowDiscovery: causeUrl("discovery-timeout", "timeout-shorter-than-network"),
  endpointUnreachable: causeUrl("discovery-document-invalid", "endpoint-unreachable"),
  // JWKS
  jwksServerError: causeUrl("jwks-fetch-failed", "jwks-endpoint-5xx"),
  jwksTimeout: causeUrl("jwks-fetch-failed", "jwks-timeout"),
  jwksRedirects: causeUrl("jwks-fetch-failed", "jwks-uri-redirects"),
  jwksNotAKeySet: causeUrl("jwks-key-unusable", "not-a-key-set"),
  privateMembers: causeUrl("jwks-private-key-exposed", "private-members-published"),
  duplicateKid: causeUrl("jwks-duplicate-kid", "same-kid-two-keys"),
  kidMissing: causeUrl("jwks-key-unusable", "kid-missing"),
  keyMembersInvalid: causeUrl("jwks-key-unusable", "key-members-invalid"),
  algDoesNotMatchKey: causeUrl("jwks-key-unusable", "alg-does-not-match-key"),
  rsaKeyTooShort: causeUrl("jwks-key-unusable", "rsa-key-too-short"),
  x5cMismatch: causeUrl("jwks-key-unusable", "x5c-does-not-match"),
  staleJwksCache: causeUrl("jwks-key-rotation", "stale-jwks-cache"),
  unknownKid: causeUrl("jwks-key-rotation", "no-refetch-on-unknown-kid"),
} as const;
