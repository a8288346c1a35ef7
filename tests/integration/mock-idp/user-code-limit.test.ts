// RFC 8628 §5.1: tries at a user code are rate limited, per client and for all clients together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userCodeCeilingFactor } from "@/lib/mock-idp/device";
import { startMockIdp, type MockIdpServer } from "./harness";
import { postForm } from "./helpers";

describe("user-code tries at the device form", () => {
  let server: MockIdpServer;
  beforeAll(async () => {
    server = await startMockIdp({ config: { userCodeRateLimit: 3, trustProxyHops: 1 } });
  });
  afterAll(() => server.close());

  const tryCode = (from: string) => postForm(`${server.origin}/mock-idp/device/submit`, { user_code: "ZZZZ-ZZZZ", decision: "approve" }, { "x-forwarded-for": from });

  it("answers a 429 page with Retry-After after the client's tries; another client still gets its own", async () => {
    for (let index = 0; index < 3; index++) expect((await tryCode("198.51.100.7")).status).toBe(303);
    const limited = await tryCode("198.51.100.7");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("content-type")).toContain("text/html");
    expect(await limited.text()).toContain("Too many tries");
    expect((await tryCode("198.51.100.8")).status).toBe(303);
  });

  it("holds a ceiling for all clients together, whatever addresses they use", async () => {
    // 4 tries reached the ceiling above (the refused one stopped at its own budget); spread the rest over fresh addresses.
    const ceiling = 3 * userCodeCeilingFactor;
    const statuses: number[] = [];
    for (let index = 5; index <= ceiling; index++) statuses.push((await tryCode(`203.0.113.${index}`)).status);
    expect(statuses.every((status) => status === 303)).toBe(true);
    expect((await tryCode("192.0.2.1")).status).toBe(429);
  });
});
