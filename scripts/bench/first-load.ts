// `npm run bench:first-load`: the JavaScript a browser must fetch before a page is interactive,
// for our pages against a bare Next.js app (one layout, one page, no dependencies) built with the
// same Next.js, React and settings. The design's bar: an entry page within 1.1× of the bare app.
// A benchmark, not a test: it prints numbers and does not assert. Needs `npm run build` first.
//
// "First-load JS" = every <script src> in the prerendered HTML except the `noModule` polyfills
// (modern browsers skip them), raw and gzip-compressed (level 9, close to what a server sends).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
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
  execFileSync(process.execPath, [nextBin, "build"], { cwd: bareRoot, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return path.join(bareRoot, ".next");
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function main(): Promise<void> {
  const ourDist = path.join(projectRoot, ".next");
  if (!existsSync(path.join(ourDist, ourPages[0]?.html ?? ""))) {
    console.error("No production build found: run `npm run build` first, then `npm run bench:first-load`.");
    process.exit(2);
  }
  const bare = await firstLoadJs(await buildBareApp(), "server/app/index.html");
  const nextVersion = JSON.parse(await readFile(path.join(projectRoot, "node_modules", "next", "package.json"), "utf8")).version;

  console.log(`\nfirst-load JS (modern browsers; Next.js ${nextVersion}), ratios over the bare app, gzip`);
  const rows = [["bare Next.js app", String(bare.scripts), kib(bare.raw), kib(bare.gzip), "1.00×"]];
  for (const page of ourPages) {
    const weight = await firstLoadJs(ourDist, page.html);
    rows.push([page.label, String(weight.scripts), kib(weight.raw), kib(weight.gzip), `${(weight.gzip / bare.gzip).toFixed(2)}×`]);
  }
  console.log(table(["page", "scripts", "raw", "gzip", "× bare"], rows));
  console.log("\ntarget: entry page ≤ 1.10× the bare app");
}

await main();
