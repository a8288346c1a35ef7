// The dependencies the Next.js routes and pages use: configuration from the environment, the
// registry file, the demo keys, the real clock, and the state shared by every route of this
// server instance (in memory, or in Redis with REDIS_URL: shared-state.server.ts).
import "server-only";
import { parseMockIdpConfig } from "./config";
import type { MockIdpDeps } from "./context";
import { getDemoKeys } from "./keys.server";
import { loadRegistryFile } from "./registry.server";
import { getSharedMockIdpState } from "./shared-state.server";

/** False only when switched off; a broken configuration still counts as on, so its error is reported. */
export function isMockIdpEnabled(): boolean {
  const parsed = parseMockIdpConfig(process.env);
  return !parsed.ok || parsed.config.enabled;
}

export async function getMockIdpDeps(): Promise<MockIdpDeps> {
  const parsed = parseMockIdpConfig(process.env);
  if (!parsed.ok) throw new Error(`Mock IdP configuration: ${parsed.message}`);
  return { config: parsed.config, registry: loadRegistryFile(), keys: await getDemoKeys(), state: getSharedMockIdpState(), now: Date.now };
}
