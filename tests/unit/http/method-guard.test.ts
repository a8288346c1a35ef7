import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installMethodGuard } from "@/lib/http/method-guard.server";

let server: Server;
let port = 0;

beforeAll(async () => {
  installMethodGuard();
  installMethodGuard(); // twice is harmless
  server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/plain" });
    response.end("reached the app");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function send(method: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, method, path, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("installMethodGuard", () => {
  it("answers TRACE with 405, the path's Allow and the security headers, before the app", async () => {
    const response = await send("TRACE", "/api/search?q=x");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(JSON.parse(response.body)).toMatchObject({ error: "method_not_allowed" });
  });

  it("answers a page's TRACE with a short HTML page", async () => {
    const response = await send("TRACE", "/troubleshooting/invalid-client");
    expect(response.status).toBe(405);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect(response.body).toContain("405 Method not allowed");
  });

  it("answers other methods Next.js cannot route (PROPFIND, PURGE) the same way", async () => {
    for (const method of ["PROPFIND", "PURGE", "MKCOL"]) {
      const response = await send(method, "/mock-idp/oauth/token");
      expect(response.status, method).toBe(405);
      expect(response.headers.allow, method).toBe("GET, HEAD, POST, OPTIONS");
    }
  });

  it("lets the seven methods Next.js routes through", async () => {
    for (const method of ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) expect((await send(method, "/")).status, method).toBe(200);
  });
});
