// `npm run bench:lighthouse`: Lighthouse 12 (mobile preset, its default simulated throttling) on
// the page types the design names, against `next start` of the production build on loopback; the
// median of 3 runs per page (`--runs <n>` to change). Bars: performance ≥ 95, accessibility,
// best practices and SEO 100. Audits that cost points are listed under the table, so a miss says
// what to fix (SEO's canonical check, for one, depends on the SITE_URL the build was made with).
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
// @ts-expect-error: plain ESM helper without type declarations
import { findChromium } from "../ensure-browser.mjs";
import { argValue, isMain, serverFor } from "./server";
import { judged, median, printRows, type BenchRow } from "./rows";

export const lighthousePages: ReadonlyArray<{ label: string; path: string }> = [
  { label: "home", path: "/" },
  { label: "catalogue", path: "/troubleshooting" },
  { label: "entry", path: "/troubleshooting/invalid-client" },
  { label: "codes", path: "/codes" },
  { label: "tool", path: "/tools/discovery" },
];

const categories = [
  { id: "performance", label: "performance", min: 95 },
  { id: "accessibility", label: "accessibility", min: 100 },
  { id: "best-practices", label: "best practices", min: 100 },
  { id: "seo", label: "SEO", min: 100 },
] as const;

const chromeFlags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

type Run = { scores: Record<string, number>; failing: string[]; error?: string };

/** One run in a Chromium of its own, so a page that hung a run cannot spoil the next one. */
async function runOnce(url: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({ chromePath: findChromium(), chromeFlags });
  let result: Awaited<ReturnType<typeof lighthouse>>;
  try {
    result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories.map((category) => category.id) });
  } finally {
    chrome.kill();
  }
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  // A page Lighthouse cannot finish (e.g. a protocol timeout on a huge DOM) scores nothing in this run.
  if (lhr.runtimeError) return { scores: {}, failing: [], error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` };
  const scores: Record<string, number> = {};
  const failing: string[] = [];
  for (const category of categories) {
    const found = lhr.categories[category.id];
    scores[category.id] = found?.score === null || found?.score === undefined ? NaN : Math.round(found.score * 100);
    for (const ref of found?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      // Weighted audits that lost points (performance metrics are weighted too; they show as their value).
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      failing.push(`${category.label}: ${audit.id} (${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ""}; score ${audit.score.toFixed(2)})`);
    }
  }
  return { scores, failing };
}

export async function measureLighthouse(origin: string, runs = 3): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  for (const page of lighthousePages) {
    const results: Run[] = [];
    for (let run = 0; run < runs; run++) results.push(await runOnce(`${origin}${page.path}`));
    for (const category of categories) {
      const values = results.map((result) => result.scores[category.id] ?? NaN);
      const shown = values.map((value) => (Number.isFinite(value) ? String(value) : "failed")).join(", ");
      // The median of the runs that finished; none finished is "not measured".
      rows.push(judged(`Lighthouse ${category.label}, ${page.label} (${page.path}; runs ${shown})`, median(values.filter(Number.isFinite)), { min: category.min }, "", 0));
    }
    // What cost points in any run, once each.
    for (const line of new Set(results.flatMap((result) => result.failing))) notes.push(`${page.path}: ${line}`);
    for (const result of results) if (result.error) notes.push(`${page.path}: run failed: ${result.error}`);
  }
  if (notes.length > 0) console.log(`\nLighthouse audits that lost points, and failed runs:\n${notes.map((note) => `  ${note}`).join("\n")}`);
  return rows;
}

if (isMain(import.meta.url)) {
  const server = await serverFor();
  try {
    printRows("Lighthouse (mobile, median of runs)", await measureLighthouse(server.origin, Number(argValue("runs") ?? "3")));
  } finally {
    await server.stop();
  }
}
