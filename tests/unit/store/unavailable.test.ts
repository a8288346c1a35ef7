import { describe, expect, it } from "vitest";
import { isSharedStoreUnavailable, SharedStoreUnavailableError, storeUnavailableResponse } from "@/lib/store/unavailable";

describe("SharedStoreUnavailableError", () => {
  it("is recognised, also when thrown by another bundle's copy of the class", () => {
    expect(isSharedStoreUnavailable(SharedStoreUnavailableError.unreachable("127.0.0.1:6379", "connect ECONNREFUSED"))).toBe(true);
    // Regression: each Next route bundle holds its own copy of the module, so instanceof failed and the error became a 500.
    const fromOtherCopy = Object.assign(new Error("down"), { [Symbol.for("oidc-rp-troubleshooting.store.unavailable")]: true });
    expect(isSharedStoreUnavailable(fromOtherCopy)).toBe(true);
    expect(isSharedStoreUnavailable(new Error("Redis at x is unreachable"))).toBe(false);
    expect(isSharedStoreUnavailable("temporarily_unavailable")).toBe(false);
  });

  it("becomes 503 JSON { error, message } naming the store", async () => {
    const response = storeUnavailableResponse(SharedStoreUnavailableError.unreachable("redis.internal:6380", "Command timed out"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = await response.json();
    expect(body.error).toBe("temporarily_unavailable");
    expect(body.message).toContain("Redis at redis.internal:6380 is unreachable (Command timed out)");
  });
});
