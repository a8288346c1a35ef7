// A fixed-window request counter per key (route and caller, or route alone), kept in memory per
// server instance.

/**
 * How many callers' worth of requests a route takes in one window, all callers together. Callers
 * are told apart by X-Forwarded-For, which a client can forge; this ceiling still bounds the load.
 */
export const routeCeilingFactor = 20;

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export type RateLimiter = {
  hit(key: string, nowMs: number, limit: { max: number; windowSeconds: number }): RateLimitDecision;
};

const maxTrackedKeys = 10_000;

export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();

  return {
    hit(key, nowMs, limit) {
      const windowMs = limit.windowSeconds * 1000;
      let window = windows.get(key);
      if (window === undefined || nowMs - window.start >= windowMs) {
        // Bound memory: forget every window when too many keys pile up (they are short-lived anyway).
        if (window === undefined && windows.size >= maxTrackedKeys) windows.clear();
        window = { start: nowMs, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= limit.max) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - nowMs) / 1000)) };
    },
  };
}
