// Remembers which single-use tokens (codes, refresh tokens, resume tokens) were redeemed.
// Per instance: another server instance does not see these marks.

export type ReplayGuard = {
  /** Marks `id` as used; true only for the first caller. Synchronous, so concurrent redemptions cannot both win. */
  consume(id: string, expiresAtMs: number, nowMs: number): boolean;
  /** True when `id` was already consumed (without consuming it). */
  isUsed(id: string, nowMs: number): boolean;
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
    consume(id, expiresAtMs, nowMs) {
      sweep(nowMs);
      if (used.has(id)) return false;
      used.set(id, expiresAtMs);
      return true;
    },
    isUsed(id, nowMs) {
      sweep(nowMs);
      return used.has(id);
    },
  };
}
