// `npm run bench:catalogue`: the one-page catalogue as served by `next start`: its HTML's transfer
// size with gzip (what the server sends to a browser that accepts gzip) and how many elements it
// holds (start tags in the served HTML outside <script>, <style> and comments, which is what the
// browser's DOM starts from). Bars: ≤ 60 KB gzip, ≤ 2,500 elements. 1 KB = 1,000 bytes.
import { request } from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";
import { judged, kb, printRows, type BenchRow } from "./rows";
import { isMain, serverFor } from "./server";

export type Fetched = { status: number; encoding: string | undefined; transferBytes: number; text: string };

/** GET with `Accept-Encoding: gzip`, keeping the bytes as they came over the wire. */
export function fetchGzip(url: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { "accept-encoding": "gzip", accept: "text/html,*/*" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        const encoding = response.headers["content-encoding"];
        const text = (encoding === "gzip" ? gunzipSync(body) : body).toString("utf8");
        resolve({ status: response.statusCode ?? 0, encoding, transferBytes: body.length, text });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

/** Elements in an HTML document: start tags, with script/style bodies and comments removed first. */
export function countElements(html: string): number {
  const markup = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "<script>")
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, "<style>");
  return markup.match(/<[a-zA-Z][a-zA-Z0-9-]*(?=[\s/>])/g)?.length ?? 0;
}

export async function measureCataloguePage(origin: string): Promise<BenchRow[]> {
  const page = await fetchGzip(`${origin}/troubleshooting`);
  if (page.status !== 200) throw new Error(`/troubleshooting answered ${page.status}`);
  // Without Content-Encoding the server sent it raw; judge what gzip would make of it instead.
  const gzipBytes = page.encoding === "gzip" ? page.transferBytes : gzipSync(page.text, { level: 6 }).length;
  const raw = Buffer.byteLength(page.text);
  return [
    judged(`/troubleshooting HTML, gzip transfer (raw ${kb(raw).toFixed(0)} KB)`, kb(gzipBytes), { max: 60 }, " KB", 1),
    judged("/troubleshooting HTML, elements", countElements(page.text), { max: 2500 }, "", 0),
  ];
}

if (isMain(import.meta.url)) {
  const server = await serverFor();
  try {
    printRows("the one-page catalogue (/troubleshooting) as served", await measureCataloguePage(server.origin));
  } finally {
    await server.stop();
  }
}
