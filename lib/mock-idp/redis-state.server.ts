// The mock IdP's state in Redis (REDIS_URL), shared by every instance behind a load balancer.
// Keys (all under fixbook:, each with a TTL):
// - fixbook:replay:<id>          "1", until the token it marks expires. SET NX decides a race:
//                                exactly one redemption of a code wins, on whichever instance.
// - fixbook:device:<USERCODE>    the device record as JSON, until the device_code expires.
//                                Changed only by compare-and-set (a Lua script): an update that
//                                raced another is retried on the fresh record, so an approval
//                                and a poll never overwrite each other.
// - fixbook:rl:<bucket>:<key>    rate-limit counters (lib/store/rate-limit.server.ts).
import type { Redis } from "ioredis";
import { createRateLimitStore } from "@/lib/store/rate-limit.server";
import { redisKeyPrefix, type SharedRedis } from "@/lib/store/redis.server";
import { newDeviceRecord, normalizeUserCode, type DeviceRecord, type DeviceStore } from "./device-store";
import type { ReplayGuard } from "./replay-guard";
import type { MockIdpState } from "./state";

const replayPrefix = `${redisKeyPrefix}replay:`;
const devicePrefix = `${redisKeyPrefix}device:`;

/** Redis needs a positive TTL; a mark for an already expired token still lives a moment. */
function ttlMs(expiresAtMs: number, nowMs: number): number {
  return Math.max(1000, Math.ceil(expiresAtMs - nowMs));
}

export function createRedisReplayGuard(redis: SharedRedis): ReplayGuard {
  return {
    async consume(id, expiresAtMs, nowMs) {
      const set = await redis.run((client) => client.set(`${replayPrefix}${id}`, "1", "PX", ttlMs(expiresAtMs, nowMs), "NX"));
      return set === "OK";
    },
    async isUsed(id) {
      return (await redis.run((client) => client.exists(`${replayPrefix}${id}`))) === 1;
    },
  };
}

// KEYS[1] the record; ARGV[1] the value read before (empty: there was none), ARGV[2] the new
// value, ARGV[3] its TTL in ms. Writes only when the record is still what was read.
const compareAndSet = `
local current = redis.call('GET', KEYS[1])
if (current or '') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

/** Conflicts need another writer on the same user_code within one round trip; a handful of retries is plenty. */
const maxAttempts = 50;

function parseRecord(raw: string | null, nowMs: number): DeviceRecord | undefined {
  if (raw === null) return undefined;
  const record: DeviceRecord = JSON.parse(raw);
  return record.expiresAtMs > nowMs ? record : undefined;
}

export function createRedisDeviceStore(redis: SharedRedis): DeviceStore {
  const keyOf = (userCode: string) => `${devicePrefix}${normalizeUserCode(userCode)}`;
  const read = (client: Redis, key: string) => client.get(key);

  return {
    async ensure(seed, nowMs) {
      const record = newDeviceRecord(seed);
      await redis.run((client) => client.set(keyOf(seed.userCode), JSON.stringify(record), "PX", ttlMs(record.expiresAtMs, nowMs), "NX"));
    },
    async find(userCode, nowMs) {
      return parseRecord(await redis.run((client) => read(client, keyOf(userCode))), nowMs);
    },
    async update(userCode, nowMs, change) {
      const key = keyOf(userCode);
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        const raw = await redis.run((client) => read(client, key));
        const { record, result } = change(parseRecord(raw, nowMs));
        if (record === undefined) return result;
        const written = await redis.run((client) => client.eval(compareAndSet, 1, key, raw ?? "", JSON.stringify(record), String(ttlMs(record.expiresAtMs, nowMs))));
        if (written === 1) return result;
      }
      throw new Error(`device record ${normalizeUserCode(userCode)} kept changing under ${maxAttempts} attempts to update it`);
    },
  };
}

export function createRedisMockIdpState(redis: SharedRedis): MockIdpState {
  return { replayGuard: createRedisReplayGuard(redis), devices: createRedisDeviceStore(redis), rateLimits: createRateLimitStore(redis) };
}
