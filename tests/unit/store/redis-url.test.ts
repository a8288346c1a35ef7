import { describe, expect, it } from "vitest";
import { parseRedisUrl } from "@/lib/store/redis-url";

describe("parseRedisUrl", () => {
  it.each([undefined, "", "   "])("%j: no shared store", (value) => {
    expect(parseRedisUrl(value)).toEqual({ ok: true, url: null });
  });

  it.each([
    ["redis://127.0.0.1:6379", "127.0.0.1:6379"],
    ["redis://redis", "redis:6379"],
    ["redis://:secret@redis.internal:6380/2", "redis.internal:6380"],
    ["rediss://user:secret@cache.example.com", "cache.example.com:6379"],
    ["redis://[::1]:6391/0", "[::1]:6391"],
  ])("%s is read, named %s", (value, address) => {
    expect(parseRedisUrl(value)).toMatchObject({ ok: true, address });
  });

  it.each([
    ["127.0.0.1:6379", "is not a URL"],
    ["http://127.0.0.1:6379", "must start with redis:// or rediss://"],
    ["redis://127.0.0.1:6379/cache", "database number"],
    ["redis://127.0.0.1:6379/0?family=6", "database number"],
    ["redis://127.0.0.1:99999", "is not a URL"],
  ])("%s is refused: %s", (value, problem) => {
    const parsed = parseRedisUrl(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(problem);
      expect(parsed.message).toContain("REDIS_URL");
    }
  });

  it("never repeats a password in its message", () => {
    const parsed = parseRedisUrl("redis://:hunter2@redis.internal:6379/cache");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).not.toContain("hunter2");
  });
});
