import { describe, expect, it } from "vitest";
import { z } from "zod";
import { seal, unseal } from "@/lib/mock-idp/sealed";

const key = new Uint8Array(32).fill(7);
const schema = z.object({ sub: z.string() });

describe("sealed tokens", () => {
  it("round-trips claims of the same kind", async () => {
    const token = await seal(key, "code", { sub: "u1" }, { now: 1_700_000_000_000, ttlSeconds: 600 });
    const opened = await unseal(key, "code", token, schema, { now: 1_700_000_000_000 + 599_000 });
    expect(opened).toMatchObject({ ok: true, claims: { sub: "u1", exp: 1_700_000_600 } });
  });

  it("reports expiry, wrong kind and tampering distinctly", async () => {
    const token = await seal(key, "code", { sub: "u1" }, { now: 1_700_000_000_000, ttlSeconds: 600 });
    expect(await unseal(key, "code", token, schema, { now: 1_700_000_000_000 + 600_000 })).toEqual({ ok: false, reason: "expired" });
    expect(await unseal(key, "refresh_token", token, schema, { now: 1_700_000_000_000 })).toEqual({ ok: false, reason: "wrong_kind" });
    expect(await unseal(new Uint8Array(32), "code", token, schema, { now: 1_700_000_000_000 })).toEqual({ ok: false, reason: "malformed" });
    expect(await unseal(key, "code", `${token}x`, schema, { now: 1_700_000_000_000 })).toEqual({ ok: false, reason: "malformed" });
    expect(await unseal(key, "code", "x".repeat(10_000), schema, { now: 1_700_000_000_000 })).toEqual({ ok: false, reason: "malformed" });
  });

  it("rejects claims that do not fit the schema", async () => {
    const token = await seal(key, "code", { sub: 42 }, { now: 1_700_000_000_000, ttlSeconds: 600 });
    expect(await unseal(key, "code", token, schema, { now: 1_700_000_000_000 })).toEqual({ ok: false, reason: "malformed" });
  });
});
