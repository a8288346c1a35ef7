// The guarded fetch against real sockets on loopback only. Each server counts the TCP connections
// it accepts, so "refused" means no connection was ever opened, not merely that the answer was
// dropped. Public and metadata addresses appear only in URLs and fake DNS answers the guard
// refuses before connecting; nothing here leaves the machine.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { isIP, type AddressInfo, type LookupFunction } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGuardedConnector, createSafeFetch } from "@/lib/net/safe-fetch.server";

// A self-signed certificate for 127.0.0.1 (valid until 2126), so a TLS failure names its cause.
const selfSigned = {
  key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgCigbxqEatl5dpuTU
YcvULVdSfBgSr6dehZBb7rYnzq+hRANCAASGTtgTW9Jw6xR73c5iVmZ8o0qglUfQ
6X4kFcQaUJgEQCKBTCSxAnCuvEdF4yU7q76WLs0Zkep4qXWrB0zascgK
-----END PRIVATE KEY-----
`,
  cert: `-----BEGIN CERTIFICATE-----
MIIBnzCCAUSgAwIBAgIUNbZXx9HbnZ5vvTGCoSs8cbSSDEkwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQc2VsZi1zaWduZWQudGVzdDAgFw0yNjEyMDEyMDUwNTVaGA8y
MTI2MTEwNzIwNTA1NVowGzEZMBcGA1UEAwwQc2VsZi1zaWduZWQudGVzdDBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABIZO2BNb0nDrFHvdzmJWZnyjSqCVR9DpfiQV
xBpQmARAIoFMJLECcK68R0XjJTurvpYuzRmR6nipdasHTNqxyAqjZDBiMB0GA1Ud
DgQWBBTWHW8kbrosEhschgXrmRZS5FLD2DAfBgNVHSMEGDAWgBTWHW8kbrosEhsc
hgXrmRZS5FLD2DAPBgNVHRMBAf8EBTADAQH/MA8GA1UdEQQIMAaHBH8AAAEwCgYI
KoZIzj0EAwIDSQAwRgIhAIi6/Y5Y8fUc4moXfureskfk2Sfm3v2Eoe0WTg2Uxukt
AiEA79h9tgBdclynYxFj4unp9vCdkICw8ARemRpmBSUAHNg=
-----END CERTIFICATE-----
`,
};

type TestServer = { host: string; port: number; origin: string; connections: () => number; close: () => Promise<void> };

function startServer(host: string, handler: (request: IncomingMessage, response: ServerResponse) => void, tls = false): Promise<TestServer> {
  const server: Server = tls ? createTlsServer(selfSigned, handler) : createServer(handler);
  let connections = 0;
  server.on("connection", () => {
    connections += 1;
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? (address satisfies AddressInfo).port : 0;
      resolve({
        host,
        port,
        origin: `http://${host}:${port}`,
        connections: () => connections,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A dns.lookup stand-in answering from a table; unknown names fail like getaddrinfo does. */
function fakeLookup(answers: Record<string, string[]>): LookupFunction {
  return (hostname, options, callback) => {
    const addresses = (answers[hostname] ?? []).map((address) => ({ address, family: isIP(address) }));
    const first = addresses[0];
    if (first === undefined) {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname }), "", 0);
      return;
    }
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  };
}

let app: TestServer; // 127.0.0.1: the routes the opt-in tests use
let target: TestServer; // 127.0.0.1: must never be reached by a refused request
let exception: TestServer; // 127.0.0.2: reachable through allowAddresses
const seen: Array<{ method: string; headers: IncomingMessage["headers"] }> = [];

beforeAll(async () => {
  target = await startServer("127.0.0.1", (_request, response) => response.end("reached"));
  app = await startServer("127.0.0.1", (request, response) => {
    const url = new URL(request.url ?? "/", "http://app");
    seen.push({ method: request.method ?? "", headers: request.headers });
    const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
    if (chain) {
      const left = Number(chain[1]);
      if (left === 0) response.end("end of chain");
      else response.writeHead(302, { location: `/chain/${left - 1}` }).end();
    } else if (url.pathname === "/json") {
      response.writeHead(200, { "content-type": "application/json", "x-seen-ua": request.headers["user-agent"] ?? "" });
      response.end(JSON.stringify({ issuer: "http://127.0.0.1", accept: request.headers.accept ?? null }));
    } else if (url.pathname === "/to-metadata") {
      response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/iam/" }).end();
    } else if (url.pathname === "/to-metadata-name") {
      response.writeHead(307, { location: "http://metadata.test/computeMetadata/v1/" }).end();
    } else if (url.pathname === "/see-other") {
      response.writeHead(303, { location: "/json" }).end();
    } else if (url.pathname === "/big") {
      response.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 8; i += 1) response.write("x".repeat(1024));
      response.end();
    } else if (url.pathname === "/big-declared") {
      response.writeHead(200, { "content-length": String(1024 * 1024) });
      response.write("x");
    } else if (url.pathname === "/hang") {
      // Never answers: the timeout has to end it.
    } else {
      response.writeHead(404).end();
    }
  });
  exception = await startServer("127.0.0.2", (request, response) => {
    if (request.url === "/ok") response.end("ok from 127.0.0.2");
    else if (request.url === "/to-loopback") response.writeHead(302, { location: `http://127.0.0.1:${target.port}/` }).end();
    else if (request.url === "/to-name") response.writeHead(301, { location: `http://evil.test:${target.port}/` }).end();
    else response.writeHead(404).end();
  });
});

afterAll(async () => {
  await Promise.all([app.close(), target.close(), exception.close()]);
});

describe("without the private-network opt-in", () => {
  const guarded = createSafeFetch();
  const guardedHttp = createSafeFetch({ allowHttp: true });

  function notations(port: number): string[] {
    return [
      `http://127.0.0.1:${port}/`,
      `https://127.0.0.1:${port}/`,
      `https://2130706433:${port}/`,
      `https://0x7f000001:${port}/`,
      `https://0x7f.1:${port}/`,
      `https://0177.0.0.1:${port}/`,
      `https://017700000001:${port}/`,
      `https://127.1:${port}/`,
      `https://[::1]:${port}/`,
      `https://[::ffff:127.0.0.1]:${port}/`,
      `https://[::ffff:7f00:1]:${port}/`,
      `https://[64:ff9b::7f00:1]:${port}/`,
      `https://[2002:7f00:1::]:${port}/`,
      `https://0.0.0.0:${port}/`,
      `https://[::]:${port}/`,
    ];
  }

  it("refuses loopback in every notation, over https and http, without opening a connection", async () => {
    for (const url of notations(target.port)) {
      for (const fetcher of [guarded, guardedHttp]) {
        const outcome = await fetcher(url);
        expect(outcome.ok, url).toBe(false);
        if (!outcome.ok) expect(outcome.error.code, url).toMatch(/^blocked_/);
      }
      const http = await guardedHttp(url.replace(/^https:/, "http:"));
      expect(http).toMatchObject({ ok: false, error: { code: "blocked_address" } });
    }
    expect(target.connections()).toBe(0);
  });

  it("refuses http by scheme", async () => {
    const outcome = await guarded(`http://idp.example.com:${target.port}/`);
    expect(outcome).toMatchObject({ ok: false, error: { code: "blocked_scheme" } });
  });

  it("refuses localhost, which resolves to loopback", async () => {
    const outcome = await guardedHttp(`http://localhost:${target.port}/`);
    expect(outcome).toMatchObject({ ok: false, error: { code: "blocked_address" } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/localhost resolves to .*loopback/);
    expect(target.connections()).toBe(0);
  });

  it("refuses a name that resolves to loopback, and one that hides loopback behind a public answer", async () => {
    const lookup = fakeLookup({ "evil.test": ["127.0.0.1"], "rebind.test": ["93.184.215.14", "127.0.0.1"], "v6.test": ["2606:4700::1111", "::1"] });
    const fetcher = createSafeFetch({ allowHttp: true, lookup });
    for (const host of ["evil.test", "rebind.test", "v6.test"]) {
      const outcome = await fetcher(`http://${host}:${target.port}/`);
      expect(outcome, host).toMatchObject({ ok: false, error: { code: "blocked_address" } });
      if (!outcome.ok) expect(outcome.error.message).toMatch(new RegExp(`^${host} resolves to (127\\.0\\.0\\.1|::1)\\. `));
    }
    expect(target.connections()).toBe(0);
  });

  it("reaches an allowAddresses exception, and refuses its redirect to loopback at the hop", async () => {
    const fetcher = createSafeFetch({ allowHttp: true, allowAddresses: ["127.0.0.2"], lookup: fakeLookup({ "evil.test": ["127.0.0.1"] }) });
    const ok = await fetcher(`${exception.origin}/ok`);
    expect(ok).toMatchObject({ ok: true, response: { status: 200, body: "ok from 127.0.0.2" } });

    const before = exception.connections();
    const literal = await fetcher(`${exception.origin}/to-loopback`);
    expect(literal).toMatchObject({ ok: false, error: { code: "blocked_address", url: `http://127.0.0.1:${target.port}/` } });
    if (!literal.ok) expect(literal.error.message).toContain(`${exception.origin}/to-loopback redirects to`);

    const named = await fetcher(`${exception.origin}/to-name`);
    expect(named).toMatchObject({ ok: false, error: { code: "blocked_address", url: `http://evil.test:${target.port}/` } });

    expect(exception.connections() - before).toBe(2);
    expect(target.connections()).toBe(0);
  });

  it("checks IP literals in the connector itself, before any connection", async () => {
    const connect = createGuardedConnector({});
    const error = await new Promise<Error | null>((resolve) => {
      connect({ hostname: "127.0.0.1", protocol: "http:", port: String(target.port) }, (failure, socket) => {
        socket?.destroy();
        resolve(failure);
      });
    });
    expect(error?.message).toMatch(/loopback/);
    expect(target.connections()).toBe(0);
  });
});

describe("with the private-network opt-in", () => {
  const lookup = fakeLookup({ "metadata.test": ["169.254.169.254"], "nowhere.test": [] });
  const local = createSafeFetch({ allowPrivateNetwork: true, lookup });

  it("fetches JSON and reports status, headers, body, redirects and elapsed time", async () => {
    const outcome = await local(`${app.origin}/json`, { headers: { accept: "application/json", cookie: "session=1", authorization: "Bearer secret" } });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { response } = outcome;
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${app.origin}/json`);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-seen-ua")).toMatch(/^oidc-rp-troubleshooting-diagnostics/);
    expect(JSON.parse(response.body)).toEqual({ issuer: "http://127.0.0.1", accept: "application/json" });
    expect(response.redirects).toEqual([]);
    expect(response.elapsedMs).toBeGreaterThanOrEqual(0);
    const request = seen.at(-1);
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers.authorization).toBeUndefined();
  });

  it("refuses a redirect to the metadata endpoint before connecting, by literal and by name", async () => {
    const literal = await local(`${app.origin}/to-metadata`);
    expect(literal).toMatchObject({ ok: false, error: { code: "blocked_address", url: "http://169.254.169.254/latest/meta-data/iam/" } });
    if (!literal.ok) expect(literal.error.message).toMatch(/no setting allows it/);
    const named = await local(`${app.origin}/to-metadata-name`);
    expect(named).toMatchObject({ ok: false, error: { code: "blocked_address", url: "http://metadata.test/computeMetadata/v1/" } });
    if (!named.ok) expect(named.error.message).toContain("metadata.test resolves to 169.254.169.254");
  });

  it("follows up to three redirects and refuses the fourth", async () => {
    const three = await local(`${app.origin}/chain/3`);
    expect(three).toMatchObject({ ok: true, response: { status: 200, body: "end of chain", url: `${app.origin}/chain/0` } });
    if (three.ok) expect(three.response.redirects).toEqual([`${app.origin}/chain/2`, `${app.origin}/chain/1`, `${app.origin}/chain/0`]);
    const four = await local(`${app.origin}/chain/4`);
    expect(four).toMatchObject({ ok: false, error: { code: "too_many_redirects" } });
  });

  it("continues a 303 after a POST as a GET", async () => {
    const outcome = await local(`${app.origin}/see-other`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect(outcome).toMatchObject({ ok: true, response: { status: 200, url: `${app.origin}/json` } });
    expect(seen.at(-1)?.method).toBe("GET");
  });

  it("stops reading a body past maxBytes, declared or streamed", async () => {
    const small = createSafeFetch({ allowPrivateNetwork: true, maxBytes: 1024 });
    expect(await small(`${app.origin}/big`)).toMatchObject({ ok: false, error: { code: "too_large" } });
    expect(await small(`${app.origin}/big-declared`)).toMatchObject({ ok: false, error: { code: "too_large" } });
  });

  it("gives up on a server that never answers", async () => {
    const impatient = createSafeFetch({ allowPrivateNetwork: true, timeoutMs: 300 });
    const started = Date.now();
    const outcome = await impatient(`${app.origin}/hang`);
    expect(outcome).toMatchObject({ ok: false, error: { code: "timeout" } });
    if (!outcome.ok) expect(outcome.error.message).toContain("0.3 s");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("maps transport failures to dns, connect and tls", async () => {
    expect(await local("http://nowhere.test/")).toMatchObject({ ok: false, error: { code: "dns" } });
    const closed = await startServer("127.0.0.1", () => undefined);
    const closedPort = closed.port;
    await closed.close();
    expect(await local(`http://127.0.0.1:${closedPort}/`)).toMatchObject({ ok: false, error: { code: "connect" } });
    // TLS against a plain-http server: the handshake fails.
    const plain = await local(`https://127.0.0.1:${app.port}/json`);
    expect(plain).toMatchObject({ ok: false, error: { code: "tls" } });
    if (!plain.ok) expect(plain.error.message).toMatch(/wrong version number/);
  });

  it("reports the certificate problem of an untrusted certificate", async () => {
    const https = await startServer("127.0.0.1", (_request, response) => response.end("secret"), true);
    try {
      const outcome = await local(`https://127.0.0.1:${https.port}/`);
      expect(outcome).toMatchObject({ ok: false, error: { code: "tls" } });
      if (!outcome.ok) expect(outcome.error.message).toMatch(/self-signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    } finally {
      await https.close();
    }
  });
});
