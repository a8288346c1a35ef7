import { describe, expect, it } from "vitest";
import { authenticateClient, parseBasicCredentials } from "@/lib/mock-idp/client-auth";
import { parseRegistry, type MockRegistry } from "@/lib/mock-idp/registry";

function registry(): MockRegistry {
  const parsed = parseRegistry(
    {
      clients: [
        { client_id: "conf", client_name: "Conf", type: "confidential", client_secret: "s3cret:with+chars", redirect_uris: ["https://rp.example/cb"] },
        { client_id: "pub", client_name: "Pub", type: "public", redirect_uris: ["https://rp.example/cb"] },
      ],
    },
    "test",
  );
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return parsed.registry;
}

const encode = (id: string, secret: string) => `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`;
const request = (authorization?: string) => new Request("http://idp.test/token", { method: "POST", headers: authorization ? { authorization } : {} });

describe("parseBasicCredentials", () => {
  it("form-decodes both halves (RFC 6749 §2.3.1)", () => {
    expect(parseBasicCredentials(encode("conf", "s3cret:with+chars"))).toEqual({ clientId: "conf", secret: "s3cret:with+chars" });
    expect(parseBasicCredentials(`Basic ${btoa("a+b:c%20d")}`)).toEqual({ clientId: "a b", secret: "c d" });
  });

  it.each(["Basic", "Basic ???", `Basic ${btoa("nocolon")}`, `Basic ${btoa(":secret")}`, `Basic ${btoa("%E0%A4%A:x")}`, "Bearer abc"])("rejects %s", (header) => {
    expect(parseBasicCredentials(header)).toBeNull();
  });
});

describe("authenticateClient", () => {
  it("accepts Basic, post and none (public) and says which", () => {
    expect(authenticateClient(request(encode("conf", "s3cret:with+chars")), new URLSearchParams(), registry())).toMatchObject({ ok: true, value: { method: "client_secret_basic" } });
    expect(authenticateClient(request(), new URLSearchParams({ client_id: "conf", client_secret: "s3cret:with+chars" }), registry())).toMatchObject({ ok: true, value: { method: "client_secret_post" } });
    expect(authenticateClient(request(), new URLSearchParams({ client_id: "pub" }), registry())).toMatchObject({ ok: true, value: { method: "none" } });
  });

  it("refuses a public client that sends a secret, and a confidential one that does not", () => {
    expect(authenticateClient(request(), new URLSearchParams({ client_id: "pub", client_secret: "x" }), registry())).toMatchObject({ ok: false, error: { error: "invalid_client", status: 401 } });
    expect(authenticateClient(request(), new URLSearchParams({ client_id: "conf" }), registry())).toMatchObject({ ok: false, error: { error: "invalid_client", status: 401 } });
  });

  it("refuses a body client_id that contradicts the Basic one", () => {
    expect(authenticateClient(request(encode("conf", "s3cret:with+chars")), new URLSearchParams({ client_id: "pub" }), registry())).toMatchObject({ ok: false, error: { error: "invalid_request", status: 400 } });
  });
});
