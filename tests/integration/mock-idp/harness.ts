// Serves the mock IdP's Web handler from a plain node:http server on 127.0.0.1 (ephemeral
// port), with an adjustable clock, so real RP libraries can talk to it over HTTP.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultMockIdpConfig, type MockIdpConfig } from "@/lib/mock-idp/config";
import type { MockIdpDeps } from "@/lib/mock-idp/context";
import { loadDemoKeys } from "@/lib/mock-idp/keys.server";
import type { MockRegistry } from "@/lib/mock-idp/registry";
import { loadRegistryFile } from "@/lib/mock-idp/registry.server";
import { handleMockIdpRequest } from "@/lib/mock-idp/router";
import { createMockIdpState } from "@/lib/mock-idp/state";

export type MockIdpServer = {
  origin: string;
  issuer: string;
  deps: MockIdpDeps;
  /** Moves the mock's clock forward (the RP libraries keep real time). */
  advance(ms: number): void;
  close(): Promise<void>;
};

async function readBody(message: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return new Uint8Array(Buffer.concat(chunks));
}

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [key, value] of Object.entries(message.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else if (value !== undefined) headers.set(key, value);
  }
  const hasBody = message.method !== "GET" && message.method !== "HEAD";
  return new Request(new URL(message.url ?? "/", origin), {
    method: message.method,
    headers,
    body: hasBody ? await readBody(message) : undefined,
  });
}

async function writeResponse(response: Response, target: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  target.writeHead(response.status, headers);
  target.end(Buffer.from(await response.arrayBuffer()));
}

/** `registry` replaces the committed demo clients (content/mock-idp/clients.json). */
export async function startMockIdp(options: { config?: Partial<MockIdpConfig>; registry?: MockRegistry } = {}): Promise<MockIdpServer> {
  let offset = 0;
  const deps: MockIdpDeps = {
    config: { ...defaultMockIdpConfig, ...options.config },
    registry: options.registry ?? loadRegistryFile("content/mock-idp/clients.json"),
    keys: await loadDemoKeys(undefined),
    state: createMockIdpState(),
    now: () => Date.now() + offset,
  };
  let origin = "";
  const server = createServer((message, response) => {
    toRequest(message, origin)
      .then((request) => handleMockIdpRequest(request, deps))
      .then((result) => writeResponse(result, response))
      .catch((error: unknown) => {
        response.writeHead(599);
        response.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  origin = `http://127.0.0.1:${(address satisfies AddressInfo).port}`;
  return {
    origin,
    issuer: `${origin}/mock-idp`,
    deps,
    advance(ms) {
      offset += ms;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type SignInOptions = { method?: string; account?: string; email?: string; password?: string; accept?: string };

/** Starts at an authorize URL and submits the login screen's form as a browser would. Returns the final response (not followed). */
export async function submitLogin(server: MockIdpServer, authorizeUrl: string | URL, options: SignInOptions = {}): Promise<Response> {
  const authorize = await fetch(authorizeUrl, { redirect: "manual" });
  const location = authorize.headers.get("location");
  if (authorize.status !== 302 || location === null || !location.startsWith(`${server.origin}/mock-idp/login?`)) {
    throw new Error(`authorize did not lead to the login screen: ${authorize.status} ${location ?? (await authorize.text())}`);
  }
  const requestToken = new URL(location).searchParams.get("request") ?? "";
  const form = new URLSearchParams({ request: requestToken, method: options.method ?? "google" });
  if (options.account) form.set("account", options.account);
  if (options.email) form.set("email", options.email);
  if (options.password) form.set("password", options.password);
  return fetch(`${server.origin}/mock-idp/login/submit`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: options.accept ?? "text/html,application/xhtml+xml" },
    body: form,
  });
}

/** Signs in and returns the RP callback URL (code, state, iss). */
export async function signIn(server: MockIdpServer, authorizeUrl: string | URL, options: SignInOptions = {}): Promise<URL> {
  const response = await submitLogin(server, authorizeUrl, options);
  const location = response.headers.get("location");
  if (response.status !== 302 || location === null) throw new Error(`login did not redirect: ${response.status} ${await response.text()}`);
  return new URL(location);
}
