// A standards-compliant provider that is not ours: node oidc-provider on loopback, with an RSA
// and an EC signing key, must pass the discovery and JWKS checks with no failing finding.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runDiscoveryCheck } from "@/lib/diagnostics/discovery";
import { runJwksCheck } from "@/lib/diagnostics/jwks";
import { createSafeFetch } from "@/lib/net/safe-fetch.server";

vi.mock("server-only", () => ({}));

let server: Server;
let issuer: string;
const deps = { fetch: createSafeFetch({ allowPrivateNetwork: true }), allowPrivateNetwork: true };

async function signingKey(alg: "RS256" | "ES256", kid: string) {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg, use: "sig" };
}

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: "rp", client_secret: "test-only-secret", redirect_uris: ["http://127.0.0.1/cb"] }],
    jwks: { keys: [await signingKey("RS256", "rsa-1"), await signingKey("ES256", "ec-1")] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
  });
  server.on("request", provider.callback());
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("node oidc-provider", () => {
  it("passes the discovery check", async () => {
    const run = await runDiscoveryCheck({ issuer }, deps);
    if (!run.ok) throw new Error(run.error.message);
    const problems = run.result.checks.filter((check) => check.status === "fail");
    expect(problems).toEqual([]);
    expect(run.result.ok).toBe(true);
    expect(run.result.checks.find((check) => check.id === "discovery.algorithms-backed")?.status).toBe("pass");
  });

  it("passes the JWKS check and lists both keys", async () => {
    const run = await runJwksCheck({ issuer, token: '{"alg":"ES256","kid":"ec-1"}' }, deps);
    if (!run.ok) throw new Error(run.error.message);
    expect(run.result.checks.filter((check) => check.status === "fail")).toEqual([]);
    expect(run.result.keys.map((key) => key.kid).sort()).toEqual(["ec-1", "rsa-1"]);
    expect(run.result.checks.find((check) => check.id === "jwks.private-members")?.status).toBe("pass");
  });
});
