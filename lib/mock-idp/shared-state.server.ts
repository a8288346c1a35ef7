// This server instance's mock IdP state: in memory, or in Redis when REDIS_URL is set, so that
// every instance behind a load balancer agrees. (Route bundles and the proxy may hold separate
// module copies, so the state sits on globalThis rather than in a module variable.)
import { getSharedRedis } from "@/lib/store/redis.server";
import { createRedisMockIdpState } from "./redis-state.server";
import { createMockIdpState, type MockIdpState } from "./state";

const stateKey = Symbol.for("oidc-rp-troubleshooting.mock-idp.state");

/** Throws SharedStoreUnavailableError when REDIS_URL is malformed. */
export function getSharedMockIdpState(): MockIdpState {
  const holder: Record<symbol, MockIdpState | undefined> = globalThis;
  if (holder[stateKey] === undefined) {
    const redis = getSharedRedis();
    holder[stateKey] = redis === null ? createMockIdpState() : createRedisMockIdpState(redis);
  }
  return holder[stateKey];
}
