import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findClient, parseRegistry, resolveRedirectUris } from "@/lib/mock-idp/registry";

const committed = JSON.parse(readFileSync("content/mock-idp/clients.json", "utf8"));

describe("content/mock-idp/clients.json", () => {
  const parsed = parseRegistry(committed, "content/mock-idp/clients.json");

  it("is valid and labelled demo-only", () => {
    expect(parsed.ok).toBe(true);
    expect(committed.warning).toMatch(/^DEMO ONLY/);
  });

  it("holds the demo clients the design promises", () => {
    if (!parsed.ok) throw new Error("invalid");
    const registry = parsed.registry;
    expect(findClient(registry, "logi_demo_web")).toMatchObject({
      type: "confidential",
      client_secret: "demo-web-secret",
      redirect_uris: ["http://localhost:3000/auth/callback", "https://app.example.com/auth/1pass/callback"],
      login_methods: [],
    });
    expect(findClient(registry, "logi_demo_spa")).toMatchObject({ type: "public", redirect_uris: ["http://localhost:5173/callback"], login_methods: [] });
    expect(findClient(registry, "logi_demo_spa")?.client_secret).toBeUndefined();
    expect(findClient(registry, "logi_demo_google_only")).toMatchObject({ type: "confidential", client_secret: "demo-google-secret", redirect_uris: ["http://localhost:3000/auth/callback"], login_methods: ["google"] });
    expect(findClient(registry, "logi_demo_device")).toMatchObject({ type: "public", redirect_uris: [], grant_types: expect.arrayContaining(["urn:ietf:params:oauth:grant-type:device_code"]) });
    expect(findClient(registry, "logi_demo_identified_only")).toMatchObject({ allow_anonymous_grants: false });
    // Anonymous accounts only where the demo says so; logi's default is identified accounts only.
    const anonymousAllowed = registry.clients.filter((client) => client.allow_anonymous_grants).map((client) => client.client_id);
    expect(anonymousAllowed).toEqual(["logi_demo_web", "logi_demo_spa", "logi_demo_device", "logi_demo_inspector"]);
    expect(findClient(registry, "logi_demo_inspector")).toMatchObject({ type: "public", redirect_uris: ["/tools/id-token"], login_methods: [], allow_anonymous_grants: true });
  });
});

describe("parseRegistry", () => {
  const base = { client_id: "x", client_name: "X", type: "confidential", client_secret: "secret-123", redirect_uris: ["https://rp.example/cb"] };

  it.each([
    [{ ...base, redirect_uris: ["https://rp.example/cb?env=prod"] }, "test.json: clients[0].redirect_uris[0]: \"https://rp.example/cb?env=prod\" has a query string; registered redirect_uris may not"],
    [{ ...base, redirect_uris: ["relative/cb"] }, "test.json: clients[0].redirect_uris[0]: \"relative/cb\" is neither an absolute URL nor a path on the mock IdP's own origin (starting with /)"],
    [{ ...base, redirect_uris: ["//evil.example/cb"] }, "test.json: clients[0].redirect_uris[0]: \"//evil.example/cb\" is not a path on the mock IdP's origin"],
    [{ ...base, redirect_uris: ["/a/../cb"] }, "test.json: clients[0].redirect_uris[0]: \"/a/../cb\" is not a plain path (it resolves to /cb)"],
    [{ ...base, redirect_uris: ["/cb?x=1"] }, "test.json: clients[0].redirect_uris[0]: \"/cb?x=1\" has a query string"],
    [{ ...base, client_secret: undefined }, "test.json: clients[0].client_secret: a confidential client needs a client_secret"],
    [{ ...base, type: "public" }, "test.json: clients[0].client_secret: a public client must not have a client_secret"],
    [{ ...base, login_methods: ["facebook"] }, "test.json: clients[0].login_methods[0]:"],
    [{ ...base, redirect_uris: [] }, "test.json: clients[0].redirect_uris: the authorization_code grant needs at least one redirect_uri"],
    [{ ...base, secret: "typo" }, "test.json: clients[0]:"],
  ])("names the failing field (%#)", (client, message) => {
    const parsed = parseRegistry({ clients: [client] }, "test.json");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toContain(message);
  });

  it("accepts a path as a redirect_uri on the mock's own origin, resolved per request", () => {
    const parsed = parseRegistry({ clients: [{ ...base, redirect_uris: ["/tools/id-token", "https://rp.example/cb"] }] }, "test.json");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const client = parsed.registry.clients[0];
    if (client === undefined) throw new Error("no client");
    expect(resolveRedirectUris(client, "http://127.0.0.1:3100")).toEqual(["http://127.0.0.1:3100/tools/id-token", "https://rp.example/cb"]);
  });

  it("refuses anonymous accounts unless a client says otherwise", () => {
    const parsed = parseRegistry({ clients: [base, { ...base, client_id: "y", allow_anonymous_grants: true }] }, "test.json");
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    expect(parsed.registry.clients.map((client) => client.allow_anonymous_grants)).toEqual([false, true]);
  });

  it("rejects duplicate client_ids", () => {
    const parsed = parseRegistry({ clients: [base, base] }, "test.json");
    expect(parsed).toEqual({ ok: false, problems: ['test.json: clients[1].client_id: duplicate client_id "x"'] });
  });
});
