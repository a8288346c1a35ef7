// Builds in-process dependencies for unit tests (no HTTP server).
import { defaultMockIdpConfig, type MockIdpConfig } from "@/lib/mock-idp/config";
import type { MockIdpDeps } from "@/lib/mock-idp/context";
import { loadDemoKeys } from "@/lib/mock-idp/keys.server";
import { loadRegistryFile } from "@/lib/mock-idp/registry.server";
import { createMockIdpState } from "@/lib/mock-idp/state";

export async function testDeps(config: Partial<MockIdpConfig> = {}, now = () => Date.now()): Promise<MockIdpDeps> {
  return {
    config: { ...defaultMockIdpConfig, ...config },
    registry: loadRegistryFile("content/mock-idp/clients.json"),
    keys: await loadDemoKeys(undefined),
    state: createMockIdpState(),
    now,
  };
}
