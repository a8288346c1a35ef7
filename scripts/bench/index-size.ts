// `npm run bench:index-size`: the bytes of `/search-index.json` (what the browser's search fetches
// on first use) built through the public `buildSearchIndex` from the real catalogue and from
// synthetic catalogues of 1,000 and 10,000 documents, gzip-compressed (level 9).
// Bars: ≤ 25 KB gzip at the real size; ≤ 0.3 KB gzip per document as it grows, where "per
// document" is the marginal cost (size(N) − size(real)) / (N − real), so the fixed part (the
// real catalogue, option tables) does not hide how the index scales. 1 KB = 1,000 bytes.
// `measureServedIndex` checks the real size once more as `next start` sends it (gzip transfer).
import { gzipSync } from "node:zlib";
import { buildSearchIndex } from "@/lib/search/index";
import { fetchGzip } from "./catalogue-page";
import { loadCatalogueDocs } from "./catalogue-docs";
import { judged, kb, printRows, reported, type BenchRow } from "./rows";
import { isMain } from "./server";
import { buildSyntheticCatalogue } from "./synthetic";

/** The route answers `Response.json(index)`, so the served body is `JSON.stringify` of the built index. */
function indexBytes(docs: Parameters<typeof buildSearchIndex>[0]): { raw: number; gzip: number } {
  const json = Buffer.from(JSON.stringify(buildSearchIndex(docs)));
  return { raw: json.length, gzip: gzipSync(json, { level: 9 }).length };
}

export async function measureIndexSize(): Promise<BenchRow[]> {
  const { docs: real } = await loadCatalogueDocs();
  const base = indexBytes(real);
  const rows: BenchRow[] = [
    judged(`search index gzip, real (${real.length} docs; raw ${kb(base.raw).toFixed(1)} KB)`, kb(base.gzip), { max: 25 }, " KB", 1),
  ];
  for (const size of [1000, 10_000]) {
    const grown = indexBytes(buildSyntheticCatalogue(real, size));
    const perDoc = (grown.gzip - base.gzip) / (size - real.length);
    rows.push(reported(`search index gzip, ${size.toLocaleString("en-US")} synthetic docs`, `${kb(grown.gzip).toFixed(1)} KB (raw ${kb(grown.raw).toFixed(0)} KB; ${(kb(grown.gzip) / size).toFixed(3)} KB/doc overall)`));
    rows.push(judged(`search index gzip per added doc, real → ${size.toLocaleString("en-US")}`, kb(perDoc), { max: 0.3 }, " KB", 3));
  }
  return rows;
}

/** `/search-index.json` as served: what the browser's search downloads on first use. */
export async function measureServedIndex(origin: string): Promise<BenchRow[]> {
  const served = await fetchGzip(`${origin}/search-index.json`);
  if (served.status !== 200) throw new Error(`/search-index.json answered ${served.status}`);
  const gzip = served.encoding === "gzip" ? served.transferBytes : gzipSync(served.text).length;
  return [judged(`/search-index.json served, gzip transfer (raw ${kb(Buffer.byteLength(served.text)).toFixed(1)} KB)`, kb(gzip), { max: 25 }, " KB", 1)];
}

if (isMain(import.meta.url)) {
  printRows("search index size (/search-index.json as built by buildSearchIndex; 1 KB = 1,000 bytes)", await measureIndexSize());
}
