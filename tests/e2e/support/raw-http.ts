// Requests exactly as written (raw paths, any method, chunked or held-open bodies, repeated headers),
// which Playwright's request API would normalise or refuse. Each one has a deadline: no answer in
// time is a failure, never a hang.
import { request as httpRequest } from "node:http";

export type RawRequest = {
  method: string;
  path: string;
  /** Pairs, so a header can be sent twice. */
  headers?: Array<[string, string]>;
  /** Sent with Content-Length. */
  body?: string | Buffer;
  /** Sent as Transfer-Encoding: chunked, one write per chunk. */
  chunks?: Buffer[];
  /** With `chunks`: do not end the body; the server must answer before the client gives up. */
  holdOpen?: boolean;
};

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string; elapsedMs: number };

export function sendRaw(baseURL: string, spec: RawRequest, timeoutMs: number): Promise<RawResponse> {
  const url = new URL(baseURL);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // A raw header list gets no defaults from Node, so Host is sent here (HTTP/1.1 requires it).
    const flat: string[] = ["Host", url.host];
    for (const [key, value] of spec.headers ?? []) flat.push(key, value);
    if (spec.body !== undefined) flat.push("Content-Length", String(Buffer.byteLength(spec.body)));
    if (spec.chunks !== undefined) flat.push("Transfer-Encoding", "chunked");
    const request = httpRequest({ host: url.hostname, port: url.port, method: spec.method, path: spec.path, headers: flat, agent: false });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${spec.method} ${spec.path}`));
    }, timeoutMs);
    request.on("response", (response) => {
      const parts: Buffer[] = [];
      response.on("data", (chunk: Buffer) => parts.push(chunk));
      response.on("end", () => {
        clearTimeout(timer);
        request.destroy();
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts).toString("utf8"), elapsedMs: Date.now() - started });
      });
      response.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (spec.body !== undefined) request.end(spec.body);
    else if (spec.chunks !== undefined) {
      for (const chunk of spec.chunks) request.write(chunk);
      if (!spec.holdOpen) request.end();
    } else request.end();
  });
}
