// The dependencies the Next.js routes and pages use: configuration from the environment, the
// registry file, the demo keys, the real clock, and in-memory state shared by every route of
// this server instance. (Route bundles may hold separate module copies, so the state sits on
// globalThis rather than in a module variable.)
import "server-only";
import { parseMockIdpConfig } from "./config";
import type { MockIdpDeps } from "./context";
import { getDemoKeys } from "./keys.server";
import { loadRegistryFile } from "./registry.server";
import { createMockIdpState, type MockIdpState } from "./state";

const stateKey = Symbol.for("oidc-rp-troubleshooting.mock-idp.state");

function getSharedState(): MockIdpState {
  const holder: Record<symbol, MockIdpState | undefined> = globalThis;
  holder[stateKey] ??= createMockIdpState();
  return holder[stateKey];
}

/** False only when switched off; a broken configuration still counts as on, so its error is reported. */
export function isMockIdpEnabled(): boolean {
  const parsed = parseMockIdpConfig(process.env);
  return !parsed.ok || parsed.config.enabled;
}

export async function getMockIdpDeps(): Promise<MockIdpDeps> {
  const parsed = parseMockIdpConfig(process.env);
  if (!parsed.ok) throw new Error(`Mock IdP configuration: ${parsed.message}`);
  return { config: parsed.config, registry: loadRegistryFile(), keys: await getDemoKeys(), state: getSharedState(), now: Date.now };
}
