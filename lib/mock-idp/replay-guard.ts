// Remembers which single-use tokens (codes, refresh tokens, resume tokens) were redeemed. This
// file holds the interface and the in-process store; with REDIS_URL every instance shares one
// (redis-state.server.ts), so a code redeemed on one instance is refused on the others.

export type ReplayGuard = {
  /** Marks `id` as used until `expiresAtMs`; true only for the first caller, also under concurrency and across instances. */
  consume(id: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
  /** True when `id` was already consumed (without consuming it). */
  isUsed(id: string, nowMs: number): Promise<boolean>;
};

export function createReplayGuard(): ReplayGuard {
  const used = new Map<string, number>();
  let nextSweep = 0;

  function sweep(nowMs: number): void {
    if (nowMs < nextSweep) return;
    nextSweep = nowMs + 60_000;
    for (const [id, expiresAt] of used) if (expiresAt <= nowMs) used.delete(id);
  }

  return {
    // Check and mark happen in one synchronous step, so concurrent callers cannot both win.
    async consume(id, expiresAtMs, nowMs) {
      sweep(nowMs);
      if (used.has(id)) return false;
      used.set(id, expiresAtMs);
      return true;
    },
    async isUsed(id, nowMs) {
      sweep(nowMs);
      return used.has(id);
    },
  };
}
