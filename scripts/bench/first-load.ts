// `npm run bench:first-load`: the JavaScript a browser must fetch before a page is interactive,
// for our pages against a bare Next.js app (one layout, one page, no dependencies) built with the
// same Next.js, React and settings in the same run. The design's bar: an entry page within 1.04×
// of the bare app (gzip). A benchmark, not a test: it prints numbers and does not assert. Needs
// `npm run build` first (NEXT_DIST_DIR is honoured). `measureFirstLoad` returns the judged row.
//
// "First-load JS" = every <script src> in the prerendered HTML except the `noModule` polyfills
// (modern browsers skip them), raw and gzip-compressed (level 9, close to what a server sends).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { judged, reported, type BenchRow } from "./rows";
import { distDir, isMain } from "./server";
import { table } from "./table";

type Weight = { scripts: number; raw: number; gzip: number };

const projectRoot = process.cwd();
const bareRoot = path.join(projectRoot, ".cache", "bench", "bare-next");

const ourPages: Array<{ label: string; html: string }> = [
  { label: "entry page (/troubleshooting/invalid-client)", html: "server/app/troubleshooting/invalid-client.html" },
  { label: "home (/)", html: "server/app/index.html" },
  { label: "catalogue (/troubleshooting)", html: "server/app/troubleshooting.html" },
  { label: "code page (/codes/invalid_client)", html: "server/app/codes/invalid_client.html" },
];

async function firstLoadJs(distDir: string, htmlFile: string): Promise<Weight> {
  const html = await readFile(path.join(distDir, htmlFile), "utf8");
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>/g)) {
    const attributes = match[1] ?? "";
    if (/\bnoModule\b/i.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src?.startsWith("/_next/")) sources.add(src);
  }
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const bytes = await readFile(path.join(distDir, src.replace(/^\/_next\//, "").split("?")[0] ?? ""));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { scripts: sources.size, raw, gzip };
}

async function buildBareApp(): Promise<string> {
  await rm(bareRoot, { recursive: true, force: true });
  await mkdir(path.join(bareRoot, "app"), { recursive: true });
  await writeFile(path.join(bareRoot, "package.json"), JSON.stringify({ private: true, type: "module" }, null, 2));
  // Resolve packages from the project's node_modules (two folders up); pin Turbopack's root there.
  await writeFile(
    path.join(bareRoot, "next.config.mjs"),
    `export default { reactStrictMode: true, poweredByHeader: false, turbopack: { root: ${JSON.stringify(projectRoot)} } };\n`,
  );
  await writeFile(
    path.join(bareRoot, "app", "layout.jsx"),
    `export default function RootLayout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n`,
  );
  await writeFile(path.join(bareRoot, "app", "page.jsx"), `export default function Page() {\n  return <h1>Hello</h1>;\n}\n`);
  const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
  console.log("building a bare Next.js app in .cache/bench/bare-next …");
  // The bare app builds into its own .next, whatever NEXT_DIST_DIR says for ours.
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.NEXT_DIST_DIR;
  execFileSync(process.execPath, [nextBin, "build"], { cwd: bareRoot, stdio: ["ignore", "ignore", "inherit"], env });
  return path.join(bareRoot, ".next");
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Prints the per-page table and returns the entry page's ratio judged against the bar. */
export async function measureFirstLoad(ourDist: string = distDir()): Promise<BenchRow[]> {
  const entryPage = ourPages[0];
  if (!entryPage || !existsSync(path.join(ourDist, entryPage.html))) {
    throw new Error(`No production build in ${path.relative(projectRoot, ourDist)}: run \`npm run build\` first, then \`npm run bench:first-load\`.`);
  }
  const bare = await firstLoadJs(await buildBareApp(), "server/app/index.html");
  const nextVersion = JSON.parse(await readFile(path.join(projectRoot, "node_modules", "next", "package.json"), "utf8")).version;

  console.log(`\nfirst-load JS (modern browsers; Next.js ${nextVersion}), ratios over the bare app, gzip`);
  const rows = [["bare Next.js app", String(bare.scripts), kib(bare.raw), kib(bare.gzip), "1.00×"]];
  const judgedRows: BenchRow[] = [];
  for (const page of ourPages) {
    const weight = await firstLoadJs(ourDist, page.html);
    rows.push([page.label, String(weight.scripts), kib(weight.raw), kib(weight.gzip), `${(weight.gzip / bare.gzip).toFixed(2)}×`]);
    if (page === entryPage) {
      judgedRows.push(judged(`first-load JS gzip, entry page (${kib(weight.gzip)} vs bare ${kib(bare.gzip)})`, weight.gzip / bare.gzip, { max: 1.04 }, "×", 2));
    } else {
      judgedRows.push(reported(`first-load JS gzip, ${page.label}`, `${kib(weight.gzip)}, ${(weight.gzip / bare.gzip).toFixed(2)}× bare`));
    }
  }
  console.log(table(["page", "scripts", "raw", "gzip", "× bare"], rows));
  console.log("\ntarget: entry page ≤ 1.04× the bare app (gzip)");
  return judgedRows;
}

if (isMain(import.meta.url)) {
  try {
    await measureFirstLoad();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
