// The diagnostics routes' budget: per-client requests per minute, and the in-flight caps.
import { describe, expect, it, vi } from "vitest";
import { createDiagnosticsLimits, parseDiagnosticsLimits, withDiagnosticsLimits } from "@/lib/net/diagnostics-limits.server";

vi.mock("server-only", () => ({}));

// The tests stand in for one trusted proxy (TRUST_PROXY_HOPS=1), which appends the caller's address.
const behindOneProxy = { hops: 1 };
const addresses = new Map<string, string>();

/** A request from the named client: a stable documentation-range address per name. */
function requestFrom(client: string): Request {
  if (!addresses.has(client)) addresses.set(client, /^\d+\.\d+\.\d+\.\d+$/.test(client) ? client : `203.0.113.${addresses.size + 1}`);
  return new Request("http://kb.test/api/diagnostics/discovery", { headers: { "x-forwarded-for": `10.0.0.1, ${addresses.get(client)}` } });
}

function answer(): Promise<Response> {
  return Promise.resolve(new Response("checked"));
}

/** A run that stays in flight until released. */
function heldRun(): { run: () => Promise<Response>; release: () => void } {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  async function run(): Promise<Response> {
    await held;
    return new Response("checked");
  }
  return { run, release };
}

describe("rate limit", () => {
  it("answers 429 JSON with Retry-After once a client spends its budget, while another client passes", async () => {
    const limits = createDiagnosticsLimits({ requestsPerMinute: 3 }, behindOneProxy);
    for (let i = 0; i < 3; i += 1) expect((await limits.run(requestFrom("198.51.100.1"), answer)).status).toBe(200);

    const refused = await limits.run(requestFrom("198.51.100.1"), answer);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toMatch(/^application\/json/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body: unknown = await refused.json();
    expect(body).toMatchObject({ error: "rate_limited", message: expect.stringContaining("3 a minute") });

    expect((await limits.run(requestFrom("198.51.100.2"), answer)).status).toBe(200);
  });

  it("does not run the handler when refusing", async () => {
    const limits = createDiagnosticsLimits({ requestsPerMinute: 1 }, behindOneProxy);
    const run = vi.fn(answer);
    await limits.run(requestFrom("a"), run);
    await limits.run(requestFrom("a"), run);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe("who counts as one client", () => {
  // Regression: the first X-Forwarded-For value was the key, so a new value per request reset the budget.
  it("without a trusted proxy, a forged X-Forwarded-For per request buys no fresh budget", async () => {
    const limits = createDiagnosticsLimits({ requestsPerMinute: 2 });
    const forged = (index: number) => new Request("http://kb.test/api/diagnostics/discovery", { headers: { "x-forwarded-for": `198.51.100.${index}` } });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await limits.run(forged(index), answer)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("behind a trusted proxy, what the client writes left of the proxy's entry changes nothing", async () => {
    const limits = createDiagnosticsLimits({ requestsPerMinute: 2 }, behindOneProxy);
    const forged = (index: number) => new Request("http://kb.test/api/diagnostics/discovery", { headers: { "x-forwarded-for": `198.51.100.${index}, 203.0.113.77` } });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await limits.run(forged(index), answer)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe("concurrency caps", () => {
  it("answers 429 when too many runs are in flight overall, and frees the slot when one ends", async () => {
    const limits = createDiagnosticsLimits({ maxConcurrency: 2, maxConcurrencyPerClient: 2 }, behindOneProxy);
    const first = heldRun();
    const second = heldRun();
    const running = [limits.run(requestFrom("c1"), first.run), limits.run(requestFrom("c2"), second.run)];

    const refused = await limits.run(requestFrom("c3"), answer);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toMatchObject({ error: "rate_limited" });

    first.release();
    second.release();
    expect((await Promise.all(running)).map((response) => response.status)).toEqual([200, 200]);
    expect((await limits.run(requestFrom("c3"), answer)).status).toBe(200);
  });

  it("caps one client's runs in flight while another client still passes", async () => {
    const limits = createDiagnosticsLimits({ maxConcurrency: 8, maxConcurrencyPerClient: 2 }, behindOneProxy);
    const held = [heldRun(), heldRun()];
    const running = held.map((h) => limits.run(requestFrom("busy"), h.run));

    const refused = await limits.run(requestFrom("busy"), answer);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ message: expect.stringContaining("already has 2") });
    expect((await limits.run(requestFrom("other"), answer)).status).toBe(200);

    for (const h of held) h.release();
    await Promise.all(running);
    expect((await limits.run(requestFrom("busy"), answer)).status).toBe(200);
  });

  it("frees the slot when the handler throws", async () => {
    const limits = createDiagnosticsLimits({ maxConcurrency: 1 }, behindOneProxy);
    await expect(limits.run(requestFrom("x"), () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect((await limits.run(requestFrom("x"), answer)).status).toBe(200);
  });
});

describe("configuration", () => {
  it("reads DIAGNOSTICS_RATE_LIMIT and DIAGNOSTICS_MAX_CONCURRENCY, with defaults", () => {
    expect(parseDiagnosticsLimits({})).toEqual({ ok: true, options: { requestsPerMinute: 30, maxConcurrency: 8, maxConcurrencyPerClient: 2 } });
    expect(parseDiagnosticsLimits({ DIAGNOSTICS_RATE_LIMIT: "120", DIAGNOSTICS_MAX_CONCURRENCY: "1" })).toEqual({
      ok: true,
      options: { requestsPerMinute: 120, maxConcurrency: 1, maxConcurrencyPerClient: 1 },
    });
  });

  it.each(["0", "-1", "1.5", "lots", "10001"])("refuses DIAGNOSTICS_RATE_LIMIT=%s", (value) => {
    expect(parseDiagnosticsLimits({ DIAGNOSTICS_RATE_LIMIT: value })).toMatchObject({ ok: false, message: expect.stringContaining("DIAGNOSTICS_RATE_LIMIT") });
  });

  it("refuses a bad DIAGNOSTICS_MAX_CONCURRENCY", () => {
    expect(parseDiagnosticsLimits({ DIAGNOSTICS_MAX_CONCURRENCY: "0" })).toMatchObject({ ok: false, message: expect.stringContaining("DIAGNOSTICS_MAX_CONCURRENCY") });
  });

  it("withDiagnosticsLimits runs the handler under the shared budget", async () => {
    expect((await withDiagnosticsLimits(requestFrom("shared"), answer)).status).toBe(200);
  });
});
