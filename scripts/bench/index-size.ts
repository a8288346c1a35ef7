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

type Index = ReturnType<typeof buildSearchIndex>;

/** The route answers `Response.json(index)`, so the served body is `JSON.stringify` of the built index. */
function gzipBytes(index: Index): { raw: number; gzip: number } {
  const json = Buffer.from(JSON.stringify(index));
  return { raw: json.length, gzip: gzipSync(json, { level: 9 }).length };
}

function indexBytes(docs: Parameters<typeof buildSearchIndex>[0]): { raw: number; gzip: number } {
  return gzipBytes(buildSearchIndex(docs));
}

/**
 * Where the bytes are: each column's marginal gzip cost (the index without it, emptied per
 * document), largest first, and the index with no display text at all (titles, summaries, cause
 * titles blanked), which is what matching alone needs.
 */
function breakdown(index: Index, total: number): BenchRow[] {
  const columns = Object.keys(index.docs) as Array<keyof Index["docs"]>;
  const costs = columns
    .filter((name) => Array.isArray(index.docs[name]))
    .map((name) => {
      const emptied = (index.docs[name] as unknown[]).map((item) => (Array.isArray(item) ? [] : typeof item === "string" ? "" : 0));
      return { name, cost: total - gzipBytes({ ...index, docs: { ...index.docs, [name]: emptied } }).gzip };
    })
    .sort((a, b) => b.cost - a.cost);
  const shown = costs.filter((column) => column.cost >= 500);
  const rest = costs.length - shown.length;
  const noDisplay = gzipBytes({
    ...index,
    docs: {
      ...index.docs,
      title: index.docs.title.map(() => ""),
      summary: index.docs.summary.map(() => ""),
      causes: index.docs.causes.map((flat) => flat.map((value, at) => (at % 2 === 1 ? "" : value))),
    },
  }).gzip;
  return [
    reported("search index gzip by column (marginal)", `${shown.map((column) => `${column.name} ${kb(column.cost).toFixed(1)}`).join(", ")}; ${rest} smaller columns`),
    reported("search index gzip without display text (titles, summaries, cause titles)", `${kb(noDisplay).toFixed(1)} KB`),
  ];
}

export async function measureIndexSize(): Promise<BenchRow[]> {
  const { docs: real } = await loadCatalogueDocs();
  const index = buildSearchIndex(real);
  const base = gzipBytes(index);
  const rows: BenchRow[] = [
    judged(`search index gzip, real (${real.length} docs; raw ${kb(base.raw).toFixed(1)} KB)`, kb(base.gzip), { max: 25 }, " KB", 1),
    ...breakdown(index, base.gzip),
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
