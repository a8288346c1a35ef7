// The production server the server-side benchmarks measure: build once when no build exists,
// `next start` on a loopback port with generous rate limits (a benchmark from one address would
// otherwise measure the limiter), stopped by its pid on exit, error or Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

const projectRoot = process.cwd();
const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");

/** `NEXT_DIST_DIR` as next.config.mjs reads it, absolute. */
export function distDir(): string {
  return path.resolve(projectRoot, process.env.NEXT_DIST_DIR || ".next");
}

/** Whether this module is the script node was started with (a benchmark run alone). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(path.resolve(entry)).href === moduleUrl;
}

/** Reads `--name value` or `--name=value` from argv. */
export function argValue(name: string, argv: readonly string[] = process.argv): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** Parses a target origin, refusing anything but loopback: the load and benchmarks never leave the machine. */
export function parseLoopbackOrigin(input: string): { ok: true; origin: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, message: `${input} is not a URL: pass e.g. http://127.0.0.1:3000` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, message: `${input}: only http(s) targets are supported` };
  const host = url.hostname.toLowerCase();
  if (!loopbackHosts.has(host) && !/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) {
    return { ok: false, message: `${input} is not a loopback address: load is only ever sent to 127.0.0.1, ::1 or localhost` };
  }
  return { ok: true, origin: url.origin };
}

/** Limits high enough that one benchmarking address is never throttled (each within its setting's allowed range). */
const benchLimits: Record<string, string> = {
  SEARCH_RATE_LIMIT: "100000",
  DIAGNOSTICS_RATE_LIMIT: "10000",
  DIAGNOSTICS_MAX_CONCURRENCY: "1000",
  MCP_RATE_LIMIT: "10000",
  MOCK_IDP_RATE_LIMIT: "1000000",
};

/** Builds (`npm run build`, honouring NEXT_DIST_DIR) unless a build exists or `force` is set. */
export function ensureBuild(force = false): void {
  if (!force && existsSync(path.join(distDir(), "BUILD_ID"))) return;
  console.log(`building the site into ${path.relative(projectRoot, distDir()) || "."} (npm run build) …`);
  const built = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) throw new Error(`npm run build failed (exit ${built.status ?? built.signal}); fix the build, then run the benchmark again`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** `BENCH_PORT` (or the first free port after it, 10 tries), else any free loopback port. */
async function choosePort(): Promise<number> {
  const wanted = Number(process.env.BENCH_PORT ?? "0");
  if (Number.isInteger(wanted) && wanted > 0) {
    for (let port = wanted; port < wanted + 10; port++) if (await portIsFree(port)) return port;
    throw new Error(`no free port in ${wanted}–${wanted + 9}: set BENCH_PORT to another range`);
  }
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export type BenchServer = { origin: string; pid: number | undefined; stop: () => Promise<void> };

async function waitUntilUp(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode} before answering`);
    try {
      const response = await fetch(`${origin}/robots.txt`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer ${origin}/robots.txt within ${timeoutMs / 1000} s`);
}

/** Starts `next start` on 127.0.0.1; the returned `stop` kills exactly that process. */
export async function startServer(): Promise<BenchServer> {
  const port = await choosePort();
  const origin = `http://127.0.0.1:${port}`;
  const limits = Object.fromEntries(Object.entries(benchLimits).filter(([name]) => process.env[name] === undefined));
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...limits, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    process.off("exit", killNow);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  // A crash or Ctrl-C in the benchmark must not leave the server running.
  const killNow = () => {
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  process.once("exit", killNow);
  try {
    await waitUntilUp(origin, child, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}${stderr ? `\n${stderr}` : ""}`);
  }
  console.log(`next start: ${origin} (pid ${child.pid})`);
  return { origin, pid: child.pid, stop };
}

/** Makes Ctrl-C and `kill` end the process through its exit handlers (which stop the server). */
export function exitOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping`);
      process.exit(130);
    });
  }
}

/** The server the server-side benchmarks use: `--url` (loopback only) if given, else one started here. */
export async function serverFor(argv: readonly string[] = process.argv): Promise<BenchServer> {
  const url = argValue("url", argv);
  if (url !== undefined) {
    const parsed = parseLoopbackOrigin(url);
    if (!parsed.ok) throw new Error(parsed.message);
    return { origin: parsed.origin, pid: undefined, stop: async () => {} };
  }
  exitOnSignals();
  ensureBuild(argv.includes("--build"));
  return startServer();
}
