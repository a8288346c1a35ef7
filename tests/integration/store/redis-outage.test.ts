// When Redis is down: every caller that needs shared state gets SharedStoreUnavailableError fast
// (503 temporarily_unavailable naming host:port over HTTP), the outage is logged once, and the
// client recovers by itself when Redis is back.
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisMockIdpState, createRedisReplayGuard } from "@/lib/mock-idp/redis-state.server";
import { handleMockIdpRequest } from "@/lib/mock-idp/router";
import { createDiagnosticsLimits } from "@/lib/net/diagnostics-limits.server";
import { createRateLimitStore } from "@/lib/store/rate-limit.server";
import { createSharedRedis, type SharedRedis } from "@/lib/store/redis.server";
import { SharedStoreUnavailableError } from "@/lib/store/unavailable";
import { startRedis, type TestRedis } from "@/tests/support/redis-server";
import { testDeps } from "@/tests/unit/mock-idp/deps";

/** A port nothing listens on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

const opened: SharedRedis[] = [];
const started: TestRedis[] = [];

function connect(port: number, log: (line: string) => void = () => undefined): SharedRedis {
  const client = createSharedRedis(`redis://127.0.0.1:${port}`, `127.0.0.1:${port}`, { log, connectTimeoutMs: 500 });
  opened.push(client);
  return client;
}

afterAll(async () => {
  await Promise.all(opened.map((client) => client.close()));
  await Promise.all(started.map((redis) => redis.stop()));
});

describe("Redis unreachable", () => {
  it("refuses with SharedStoreUnavailableError naming host:port, and logs the outage once", async () => {
    const port = await freePort();
    const lines: string[] = [];
    const guard = createRedisReplayGuard(connect(port, (line) => lines.push(line)));
    for (let attempt = 0; attempt < 3; attempt++) {
      const failure = await guard.consume("code:x", Date.now() + 60_000, Date.now()).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SharedStoreUnavailableError);
      expect(String((failure as Error).message)).toContain(`Redis at 127.0.0.1:${port} is unreachable`);
    }
    expect(lines.filter((line) => line.includes("is unreachable"))).toHaveLength(1);
  });

  it("the mock IdP answers 503 temporarily_unavailable JSON, not 500", async () => {
    const port = await freePort();
    const deps = { ...(await testDeps()), state: createRedisMockIdpState(connect(port)) };
    const response = await handleMockIdpRequest(new Request("http://127.0.0.1:3000/mock-idp/.well-known/openid-configuration"), deps);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = await response.json();
    expect(body).toMatchObject({ error: "temporarily_unavailable" });
    expect(body.message).toContain(`Redis at 127.0.0.1:${port} is unreachable`);
    expect(body.error_description).toBe(body.message);
  });

  it("the diagnostics budget refuses with 503 rather than running the check", async () => {
    const port = await freePort();
    const limits = createDiagnosticsLimits({}, { hops: 0 }, createRateLimitStore(connect(port)));
    let ran = false;
    const outcome = await limits.attempt(new Request("http://127.0.0.1/api/diagnostics/discovery"), async () => {
      ran = true;
      return null;
    });
    expect(ran).toBe(false);
    expect(outcome).toMatchObject({ ok: false, refusal: { status: 503, error: "temporarily_unavailable" } });
  });
});

describe("Redis going away and coming back", () => {
  it("fails while it is down, then works again on its own, logging each change once", async () => {
    const port = await freePort();
    started.push(await startRedis(port));
    const lines: string[] = [];
    const guard = createRedisReplayGuard(connect(port, (line) => lines.push(line)));
    const now = Date.now();
    expect(await guard.consume("code:before", now + 60_000, now)).toBe(true);

    await started[0]?.stop();
    await expect(guard.consume("code:during", now + 60_000, now)).rejects.toBeInstanceOf(SharedStoreUnavailableError);
    await expect(guard.isUsed("code:during", now)).rejects.toBeInstanceOf(SharedStoreUnavailableError);

    started.push(await startRedis(port));
    let back = false;
    for (let attempt = 0; attempt < 50 && !back; attempt++) {
      back = await guard.consume("code:after", now + 60_000, now).then(() => true, () => false);
      if (!back) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(back).toBe(true);
    expect(lines.filter((line) => line.includes("is unreachable"))).toHaveLength(1);
    expect(lines.filter((line) => line.includes("reachable again"))).toHaveLength(1);
  });
});
