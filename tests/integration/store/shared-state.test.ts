// The shared state's two backends through one interface: in memory (one instance) and Redis
// (REDIS_URL, several instances). Redis runs for real on 127.0.0.1:6391, and "two instances"
// are two separate clients of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeviceStore, generateUserCode, newDeviceRecord, type DeviceSeed, type DeviceStore } from "@/lib/mock-idp/device-store";
import { pollDeviceRecord } from "@/lib/mock-idp/device";
import { createRedisDeviceStore, createRedisReplayGuard } from "@/lib/mock-idp/redis-state.server";
import { createReplayGuard, type ReplayGuard } from "@/lib/mock-idp/replay-guard";
import type { RateLimitStore } from "@/lib/store/rate-limit";
import { createRateLimitStore } from "@/lib/store/rate-limit.server";
import { createSharedRedis, type SharedRedis } from "@/lib/store/redis.server";
import { startRedis, type TestRedis } from "@/tests/support/redis-server";

const redisPort = 6391;

type Backend = {
  name: string;
  /** Two handles on one store: the same object in memory, two Redis clients otherwise. */
  replay: [ReplayGuard, ReplayGuard];
  devices: [DeviceStore, DeviceStore];
  limits: [RateLimitStore, RateLimitStore];
};

let redis: TestRedis;
const clients: SharedRedis[] = [];
const backends: Backend[] = [];

function connect(): SharedRedis {
  const client = createSharedRedis(redis.url, `127.0.0.1:${redisPort}`, { log: () => undefined });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  redis = await startRedis(redisPort);
  const replay = createReplayGuard();
  const devices = createDeviceStore();
  const limits = createRateLimitStore();
  backends.push({ name: "memory", replay: [replay, replay], devices: [devices, devices], limits: [limits, limits] });
  const [a, b] = [connect(), connect()];
  backends.push({
    name: "redis",
    replay: [createRedisReplayGuard(a), createRedisReplayGuard(b)],
    devices: [createRedisDeviceStore(a), createRedisDeviceStore(b)],
    limits: [createRateLimitStore(a), createRateLimitStore(b)],
  });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await redis?.stop();
});

const unique = () => crypto.randomUUID();

function seed(userCode: string, nowMs: number): DeviceSeed {
  return { userCode, clientId: "logi_demo_device", scope: "openid", expiresAtMs: nowMs + 600_000, intervalSeconds: 5 };
}

describe.each(["memory", "redis"])("%s backend", (name) => {
  const backend = () => {
    const found = backends.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no ${name} backend`);
    return found;
  };

  it("consumes an id once; isUsed sees it without consuming", async () => {
    const [guard, other] = backend().replay;
    const id = `code:${unique()}`;
    const now = Date.now();
    expect(await guard.isUsed(id, now)).toBe(false);
    expect(await guard.consume(id, now + 60_000, now)).toBe(true);
    expect(await other.consume(id, now + 60_000, now)).toBe(false);
    expect(await other.isUsed(id, now)).toBe(true);
  });

  it("50 concurrent consume() of one id on two clients: exactly one wins", async () => {
    const [a, b] = backend().replay;
    const id = `code:${unique()}`;
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 50 }, (_, index) => (index % 2 === 0 ? a : b).consume(id, now + 60_000, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("device records: ensure is a no-op on a known code, find reads across clients in any spelling", async () => {
    const [a, b] = backend().devices;
    const now = Date.now();
    const code = generateUserCode();
    await a.ensure(seed(code, now), now);
    await b.update(code, now, (record) => ({ record: record && { ...record, status: "denied" }, result: null }));
    await a.ensure(seed(code, now), now);
    expect((await b.find(code.toLowerCase().replace("-", ""), now))?.status).toBe("denied");
    expect(await b.find(generateUserCode(), now)).toBeUndefined();
  });

  it("an approval racing 20 polls is never lost: it is redeemed by exactly one poll", async () => {
    const [a, b] = backend().devices;
    const now = Date.now();
    const code = generateUserCode();
    await a.ensure(seed(code, now), now);
    const approve = a.update(code, now, (record) => {
      if (record?.status !== "pending") return { result: "decided" };
      return { record: { ...record, status: "approved", sub: "user-1", anonymous: false }, result: "approved" };
    });
    // Polls far apart in time, so none is slowed down: each reads the approval or the pending state.
    const polls = Array.from({ length: 20 }, (_, index) => b.update(code, now + index * 10_000, (record) => pollDeviceRecord(record ?? newDeviceRecord(seed(code, now)), now + index * 10_000)));
    const [decision, ...outcomes] = await Promise.all([approve, ...polls]);
    expect(decision).toBe("approved");
    const after = await b.update(code, now + 500_000, (record) => pollDeviceRecord(record ?? newDeviceRecord(seed(code, now)), now + 500_000));
    const redeemed = [...outcomes, after].filter((outcome) => outcome.kind === "approved");
    expect(redeemed).toHaveLength(1);
    expect((await a.find(code, now))?.status).toBe("redeemed");
  });

  it("counts a rate limit across clients and tells how long to wait", async () => {
    const [a, b] = backend().limits;
    const bucket = `test-${unique()}`;
    const limit = { max: 3, windowSeconds: 60 };
    for (let index = 0; index < 3; index++) expect(await (index % 2 === 0 ? a : b).hit(bucket, "caller", limit)).toEqual({ ok: true });
    const refused = await b.hit(bucket, "caller", limit);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(await a.hit(bucket, "another caller", limit)).toEqual({ ok: true });
  });

  it("a window ends: after it the budget is whole again", async () => {
    const [a, b] = backend().limits;
    const bucket = `test-${unique()}`;
    const limit = { max: 1, windowSeconds: 1 };
    expect(await a.hit(bucket, "caller", limit)).toEqual({ ok: true });
    expect((await b.hit(bucket, "caller", limit)).ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await b.hit(bucket, "caller", limit)).toEqual({ ok: true });
  });
});

describe("Redis keys", () => {
  it("sit under fixbook: and every one has a TTL", async () => {
    const client = connect();
    const now = Date.now();
    await createRedisReplayGuard(client).consume(`code:${unique()}`, now + 600_000, now);
    await createRedisDeviceStore(client).ensure(seed("TTLS-KEYS", now), now);
    await createRateLimitStore(client).hit("ttl-test", "caller", { max: 5, windowSeconds: 60 });
    const keys = await client.run((redisClient) => redisClient.keys("*"));
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const key of keys) {
      expect(key.startsWith("fixbook:")).toBe(true);
      const ttl = await client.run((redisClient) => redisClient.pttl(key));
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(600_000);
    }
  });
});
