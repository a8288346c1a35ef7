// What every handler receives: the dependencies (injected, so tests control time, keys and
// the registry) and the per-request issuer context.
import type { MockIdpConfig } from "./config";
import type { MockIdpKeys } from "./keys.server";
import type { MockRegistry } from "./registry";
import type { MockIdpScenarioName } from "./scenarios";
import type { MockIdpState } from "./state";

export type MockIdpDeps = {
  config: MockIdpConfig;
  registry: MockRegistry;
  keys: MockIdpKeys;
  state: MockIdpState;
  /** Milliseconds since the epoch. */
  now: () => number;
};

export type IssuerContext = {
  /** The site's origin, e.g. http://127.0.0.1:3100. */
  origin: string;
  /** Where this issuer's endpoints live: <origin>/mock-idp or <origin>/mock-idp/scenarios/<name>. */
  base: string;
  /** The issuer this IdP declares in discovery and in tokens (differs from `base` in some scenarios). */
  issuer: string;
  scenario: MockIdpScenarioName | null;
};
