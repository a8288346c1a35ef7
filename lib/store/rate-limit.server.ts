// Rate limits with rate-limiter-flexible: counted in memory per process by default, or in Redis
// (REDIS_URL) so that every instance spends the same budget. One limiter per bucket and limit;
// keys are <prefix><bucket>:<caller>, and each lives as long as its window.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateLimit, RateLimitDecision, RateLimitStore } from "./rate-limit";
import { getSharedRedis, redisKeyPrefix, type SharedRedis } from "./redis.server";

function toDecision(rejection: unknown): RateLimitDecision {
  if (!(rejection instanceof RateLimiterRes)) throw rejection;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
}

/** In memory when `redis` is null, else in Redis. */
export function createRateLimitStore(redis: SharedRedis | null = null): RateLimitStore {
  const limiters = new Map<string, RateLimiterAbstract>();

  function limiterFor(bucket: string, limit: RateLimit): RateLimiterAbstract {
    const id = `${bucket}|${limit.max}|${limit.windowSeconds}`;
    const existing = limiters.get(id);
    if (existing) return existing;
    const shape = { points: limit.max, duration: limit.windowSeconds };
    const created =
      redis === null
        ? new RateLimiterMemory({ ...shape, keyPrefix: bucket })
        : new RateLimiterRedis({ ...shape, keyPrefix: `${redisKeyPrefix}rl:${bucket}`, storeClient: redis.client, useRedisPackage: false, rejectIfRedisNotReady: true });
    limiters.set(id, created);
    return created;
  }

  return {
    async hit(bucket, key, limit) {
      const limiter = limiterFor(bucket, limit);
      try {
        if (redis === null) await limiter.consume(key);
        else await redis.run(() => limiter.consume(key));
        return { ok: true };
      } catch (rejection) {
        return toDecision(rejection);
      }
    },
  };
}

const sharedKey = Symbol.for("oidc-rp-troubleshooting.store.rate-limits");

/** This process's limits outside the mock IdP (diagnostics, MCP, search): in Redis when REDIS_URL is set. */
export function getSharedRateLimits(): RateLimitStore {
  const holder: Record<symbol, RateLimitStore | undefined> = globalThis;
  holder[sharedKey] ??= createRateLimitStore(getSharedRedis());
  return holder[sharedKey];
}
