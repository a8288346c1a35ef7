// `npm run bench:prefetch`: what each page type makes the browser prefetch. Each page is loaded in
// Chromium, scrolled to the bottom a viewport at a time (links prefetch as they come into view),
// and left until the network is quiet; every request Next's router sends for another page (an
// `RSC` / `Next-Router-Prefetch` / `Next-Router-Segment-Prefetch` header, an `_rsc=` query or a
// `.rsc` path) is summed by its transfer size (the encoded body, gzip as served).
// Bar: nothing on any page prefetches more than 30 KB, judged per prefetched page (all requests for
// one linked path, e.g. a nav link's route tree and segments); each page's total over all its links
// is reported beside it. 1 KB = 1,000 bytes.
import { chromium, type Browser, type Request } from "@playwright/test";
// @ts-expect-error: plain ESM helper without type declarations
import { findChromium } from "../ensure-browser.mjs";
import { judged, kb, printRows, type BenchRow } from "./rows";
import { isMain, serverFor } from "./server";
import { table } from "./table";

export const pageTypes: ReadonlyArray<{ label: string; path: string }> = [
  { label: "home", path: "/" },
  { label: "catalogue", path: "/troubleshooting" },
  { label: "entry", path: "/troubleshooting/invalid-client" },
  { label: "codes", path: "/codes" },
  { label: "code", path: "/codes/invalid_client" },
  { label: "tools", path: "/tools" },
  { label: "tool", path: "/tools/discovery" },
  { label: "libraries", path: "/libraries" },
];

export const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];

export function isRouterPrefetch(url: string, headers: Record<string, string>): boolean {
  if ("rsc" in headers || "next-router-prefetch" in headers || "next-router-segment-prefetch" in headers) return true;
  const parsed = new URL(url);
  return parsed.searchParams.has("_rsc") || parsed.pathname.endsWith(".rsc");
}

/** The page a prefetch request is for: its path without Next's segment suffixes. */
function prefetchedPath(url: string): string {
  const { pathname } = new URL(url);
  return pathname.replace(/\.segments\/.*$/, "").replace(/\.rsc$/, "") || "/";
}

type PagePrefetch = { label: string; path: string; requests: number; totalBytes: number; largest: { path: string; bytes: number } };

async function measurePage(browser: Browser, origin: string, label: string, pagePath: string): Promise<PagePrefetch> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const pending: Array<Promise<{ path: string; bytes: number }>> = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  page.on("request", () => {
    inFlight++;
    lastActivity = Date.now();
  });
  const settle = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  };
  page.on("requestfailed", settle);
  page.on("requestfinished", (request: Request) => {
    settle();
    if (!isRouterPrefetch(request.url(), request.headers())) return;
    pending.push(request.sizes().then((sizes) => ({ path: prefetchedPath(request.url()), bytes: sizes.responseBodySize })));
  });
  try {
    const response = await page.goto(`${origin}${pagePath}`, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`${pagePath} answered ${response?.status() ?? "nothing"}`);
    // Scroll a viewport at a time so every link passes through the viewport, as a reader's would.
    for (;;) {
      const atBottom = await page.evaluate(() => {
        window.scrollBy(0, window.innerHeight);
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      });
      await page.waitForTimeout(150);
      if (atBottom) break;
    }
    // Network idle: nothing in flight and nothing new for a second (at most 20 s).
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastActivity < 1000)) await page.waitForTimeout(100);
    const sizes = await Promise.all(pending);
    const byPath = new Map<string, number>();
    for (const size of sizes) byPath.set(size.path, (byPath.get(size.path) ?? 0) + size.bytes);
    let largest = { path: "—", bytes: 0 };
    for (const [target, bytes] of byPath) if (bytes > largest.bytes) largest = { path: target, bytes };
    return { label, path: pagePath, requests: sizes.length, totalBytes: sizes.reduce((sum, size) => sum + size.bytes, 0), largest };
  } finally {
    await context.close();
  }
}

export async function measurePrefetch(origin: string): Promise<BenchRow[]> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const measured: PagePrefetch[] = [];
  try {
    for (const type of pageTypes) measured.push(await measurePage(browser, origin, type.label, type.path));
  } finally {
    await browser.close();
  }
  console.log("\nprefetches per page (Next's router requests after scrolling to the bottom; transfer sizes)");
  console.log(
    table(
      ["page", "requests", "total", "largest single page"],
      measured.map((page) => [`${page.label} (${page.path})`, String(page.requests), `${kb(page.totalBytes).toFixed(1)} KB`, `${page.largest.path}: ${kb(page.largest.bytes).toFixed(1)} KB`]),
    ),
  );
  return measured.map((page) =>
    judged(
      `largest prefetch on ${page.label} (${page.largest.path}; page total ${kb(page.totalBytes).toFixed(0)} KB in ${page.requests} req)`,
      kb(page.largest.bytes),
      { max: 30 },
      " KB",
      1,
    ),
  );
}

if (isMain(import.meta.url)) {
  const server = await serverFor();
  try {
    printRows("prefetch per page type", await measurePrefetch(server.origin));
  } finally {
    await server.stop();
  }
}
