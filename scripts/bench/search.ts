// `npm run bench:search`: latency of our search against fuse.js (default options) and MiniSearch
// on the same corpus and queries, at the real catalogue size and at 1k and 10k synthetic entries;
// plus how many typo queries each finds. A benchmark, not a test: it prints, it does not assert.
// Run: tsx --conditions=react-server scripts/bench/search.ts [--quick]
import { readFile } from "node:fs/promises";
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import type { SearchDoc } from "@/lib/search/documents";
import { buildSearchIndex, searchIndex } from "@/lib/search/index";
import { loadCatalogueDocs } from "./catalogue-docs";
import { buildSyntheticCatalogue } from "./synthetic";

type LabelledQuery = { q: string; expect: string[]; kind: string };
type Engine = { name: string; search: (query: string) => string[] };
type Sizing = { label: string; docs: SearchDoc[]; reps: { ours: number; fuse: number; minisearch: number } };

const quick = process.argv.includes("--quick");
// fuse.js with default options needs seconds per pasted query at 10k entries; `--no-fuse` skips it while iterating.
const withFuse = !process.argv.includes("--no-fuse");

async function loadQueries(): Promise<LabelledQuery[]> {
  const json: unknown = JSON.parse(await readFile("tests/fixtures/search-queries.json", "utf8"));
  const list = typeof json === "object" && json !== null && "queries" in json && Array.isArray(json.queries) ? json.queries : [];
  return list.flatMap((item: unknown): LabelledQuery[] => {
    if (typeof item !== "object" || item === null) return [];
    const q = "q" in item && typeof item.q === "string" ? item.q : undefined;
    const kind = "kind" in item && typeof item.kind === "string" ? item.kind : "";
    const expect = "expect" in item && Array.isArray(item.expect) ? item.expect.filter((slug): slug is string => typeof slug === "string") : [];
    return q ? [{ q, expect, kind }] : [];
  });
}

/** The fixed mix the issue asks for: short codes, pasted JSON, long exception messages, typos. */
function queryMix(queries: LabelledQuery[]) {
  return {
    code: queries.filter((query) => (query.kind === "code" || query.kind === "aadsts") && query.q.length <= 24),
    json: queries.filter((query) => query.kind === "json"),
    message: queries.filter((query) => (query.kind === "message" || query.kind === "log") && query.q.length >= 100),
    typo: queries.filter((query) => query.kind === "typo"),
  };
}

function causesText(doc: SearchDoc): string[] {
  return doc.causes.map((cause) => `${cause.title}\n${cause.text}`);
}

function buildOurs(docs: SearchDoc[]): { engine: Engine; buildMs: number; bytes: number } {
  const started = performance.now();
  const index = buildSearchIndex(docs);
  const buildMs = performance.now() - started;
  const bytes = JSON.stringify(index).length;
  return { engine: { name: "ours", search: (query) => searchIndex(index, query, { limit: 10 }).results.map((result) => result.slug) }, buildMs, bytes };
}

function buildFuse(docs: SearchDoc[]): Engine {
  const fuse = new Fuse(
    docs.map((doc) => ({ ...doc, causes: causesText(doc) })),
    { keys: ["title", "summary", "codes", "messages", "symptom", "causes"] },
  );
  return { name: "fuse.js (defaults)", search: (query) => fuse.search(query, { limit: 10 }).map((result) => result.item.slug) };
}

function buildMiniSearch(docs: SearchDoc[]): Engine {
  const mini = new MiniSearch<SearchDoc>({
    idField: "slug",
    fields: ["title", "summary", "codes", "messages", "symptom", "causes"],
    storeFields: ["slug"],
    extractField: (doc, fieldName) => {
      if (fieldName === "slug") return doc.slug;
      if (fieldName === "codes") return doc.codes.join(" ");
      if (fieldName === "messages") return doc.messages.join("\n");
      if (fieldName === "causes") return causesText(doc).join("\n");
      if (fieldName === "title" || fieldName === "summary" || fieldName === "symptom") return doc[fieldName];
      return "";
    },
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 2, codes: 2 } },
  });
  mini.addAll(docs);
  return { name: "MiniSearch", search: (query) => mini.search(query).slice(0, 10).map((result) => String(result.id)) };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

function time(engine: Engine, queries: LabelledQuery[], reps: number): { p50: number; p95: number; samples: number } {
  const samples: number[] = [];
  for (const query of queries) engine.search(query.q); // warm-up: JIT, lazy structures
  for (let rep = 0; rep < reps; rep++) {
    for (const query of queries) {
      const started = performance.now();
      engine.search(query.q);
      samples.push(performance.now() - started);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), samples: samples.length };
}

function recall(engine: Engine, queries: LabelledQuery[]): { at1: number; at3: number } {
  let at1 = 0;
  let at3 = 0;
  for (const query of queries) {
    const slugs = engine.search(query.q);
    if (query.expect.includes(slugs[0] ?? "")) at1++;
    if (slugs.slice(0, 3).some((slug) => query.expect.includes(slug))) at3++;
  }
  return { at1, at3 };
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(3) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

const { docs: real, source, problems } = await loadCatalogueDocs();
const queries = await loadQueries();
const mix = queryMix(queries);
const mixed = [...mix.code, ...mix.json, ...mix.message, ...mix.typo];
console.log(`catalogue: ${real.length} entries (${source === "catalogue" ? "site loader" : `per-file fallback; the site loader reported ${problems.length} problem(s)`})`);
console.log(`query mix: ${mix.code.length} short codes, ${mix.json.length} pasted JSON bodies, ${mix.message.length} exception messages/log lines ≥ 100 chars, ${mix.typo.length} typos (${mixed.length} queries)\n`);

const sizings: Sizing[] = [
  { label: `real (${real.length})`, docs: real, reps: { ours: quick ? 20 : 200, fuse: quick ? 1 : 5, minisearch: quick ? 20 : 100 } },
  { label: "1k", docs: buildSyntheticCatalogue(real, 1000), reps: { ours: quick ? 10 : 50, fuse: 1, minisearch: quick ? 5 : 20 } },
  { label: "10k", docs: buildSyntheticCatalogue(real, 10_000), reps: { ours: quick ? 5 : 20, fuse: 1, minisearch: quick ? 2 : 5 } },
];

const rows: string[][] = [];
const recallRows: string[][] = [];
for (const sizing of sizings) {
  const ours = buildOurs(sizing.docs);
  const fuse = withFuse ? buildFuse(sizing.docs) : undefined;
  const mini = buildMiniSearch(sizing.docs);
  const oursTime = time(ours.engine, mixed, sizing.reps.ours);
  const miniTime = time(mini, mixed, sizing.reps.minisearch);
  const fuseTime = fuse ? time(fuse, mixed, sizing.reps.fuse) : { p50: NaN, p95: NaN, samples: 0 };
  rows.push([
    sizing.label,
    `${ms(oursTime.p50)} / ${ms(oursTime.p95)}`,
    `${ms(fuseTime.p50)} / ${ms(fuseTime.p95)}`,
    `${ms(miniTime.p50)} / ${ms(miniTime.p95)}`,
    `${(fuseTime.p95 / oursTime.p95).toFixed(0)}×`,
    `${(miniTime.p95 / oursTime.p95).toFixed(1)}×`,
    `${ms(ours.buildMs)} ms, ${(ours.bytes / 1024).toFixed(0)} KiB`,
  ]);
  for (const engine of fuse ? [ours.engine, mini, fuse] : [ours.engine, mini]) {
    const typo = recall(engine, mix.typo);
    const all = recall(engine, mixed);
    recallRows.push([sizing.label, engine.name, `${typo.at1}/${mix.typo.length}`, `${typo.at3}/${mix.typo.length}`, `${all.at1}/${mixed.length}`, `${all.at3}/${mixed.length}`]);
  }
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

console.log("latency per query, p50 / p95 in ms (lower is better)");
console.log(table(["size", "ours", "fuse.js defaults", "MiniSearch", "fuse/ours p95", "mini/ours p95", "our index build, JSON"], rows));
console.log("\nrecall: expected entry first (@1) or in the top 3 (@3)");
console.log(table(["size", "engine", "typos @1", "typos @3", "mix @1", "mix @3"], recallRows));
console.log("\ntargets: ours p95 ≤ 2 ms at the real size and ≤ 10 ms at 10k; ours no slower than MiniSearch at 10k and finding more typo queries");
