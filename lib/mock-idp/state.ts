// The mock's state: the replay guard for single-use tokens, device-flow approvals and the rate
// limits. Everything else is stateless. In memory per server instance by default; with
// REDIS_URL, shared by every instance (redis-state.server.ts).
import { createRateLimitStore } from "@/lib/store/rate-limit.server";
import type { RateLimitStore } from "@/lib/store/rate-limit";
import { createDeviceStore, type DeviceStore } from "./device-store";
import { createReplayGuard, type ReplayGuard } from "./replay-guard";

export type MockIdpState = {
  replayGuard: ReplayGuard;
  devices: DeviceStore;
  rateLimits: RateLimitStore;
};

export function createMockIdpState(): MockIdpState {
  return { replayGuard: createReplayGuard(), devices: createDeviceStore(), rateLimits: createRateLimitStore() };
}
