// The mock's in-memory state, per server instance: the replay guard for single-use tokens,
// device-flow approvals and the rate limiters. Everything else is stateless.
import { createDeviceStore, type DeviceStore } from "./device-store";
import { createRateLimiter, type RateLimiter } from "./rate-limit";
import { createReplayGuard, type ReplayGuard } from "./replay-guard";

export type MockIdpState = {
  replayGuard: ReplayGuard;
  devices: DeviceStore;
  /** Per route and caller. */
  rateLimiter: RateLimiter;
  /** Per route, all callers together: a handful of keys, never evicted by the per-caller limiter. */
  routeLimiter: RateLimiter;
};

export function createMockIdpState(): MockIdpState {
  return { replayGuard: createReplayGuard(), devices: createDeviceStore(), rateLimiter: createRateLimiter(), routeLimiter: createRateLimiter() };
}
