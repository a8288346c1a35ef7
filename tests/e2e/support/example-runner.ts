// Runs one runnable example the way a reader would paste it: real bash, curl and jq. Blocks are
// written against http://localhost:3000; a per-run curlrc sends that origin to the server under
// test (curl's connect-to keeps the Host header, so the mock IdP still names its issuer
// http://localhost:3000/mock-idp, exactly as the entries print it). Every other host goes to a
// closed loopback port, so a block can never reach the network.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exampleOrigin, exampleTimeoutSeconds, type ExampleRun, type RunnableExample } from "../../../lib/content/runnable";

export type CatalogueExamples = { entries: Array<{ slug: string; file: string; examples: RunnableExample[] }> };

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** The catalogue's runnable examples, from the build's own strict loader (a Node process with the react-server condition). */
export function listCatalogueExamples(): CatalogueExamples {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const output = execFileSync(process.execPath, [tsx, "--conditions=react-server", "scripts/runnable-examples.ts", "--json"], { cwd: root, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(output);
}

/** A stable private address per caller: what the one trusted proxy of the e2e server (TRUST_PROXY_HOPS=1) would append. */
function callerAddress(callerId: string): string {
  let hash = 0;
  for (const char of callerId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return `10.${(hash >>> 16) & 255}.${(hash >>> 8) & 255}.${hash & 255}`;
}

function buildCurlrc(target: URL, callerId: string): string {
  const exampleHost = new URL(exampleOrigin);
  return [
    `connect-to = ${exampleHost.hostname}:${exampleHost.port}:${target.hostname}:${target.port}`,
    // Anything else: a proxy on a closed loopback port, so curl fails at once without a DNS lookup.
    "proxy = http://127.0.0.1:9",
    `noproxy = ${exampleHost.hostname}`,
    // Its own rate-limit budget at the mock IdP, like a separate reader.
    `header = "X-Forwarded-For: ${callerAddress(callerId)}"`,
    "",
  ].join("\n");
}

/** Runs `code` under `bash -euo pipefail` with a clean environment; kills it after the timeout. */
export async function runExample(code: string, options: { target: string; callerId: string }): Promise<ExampleRun> {
  const home = mkdtempSync(path.join(os.tmpdir(), "runnable-example-"));
  writeFileSync(path.join(home, ".curlrc"), buildCurlrc(new URL(options.target), options.callerId));
  // A clean environment: nothing from the test process (proxies, tokens) leaks into a block.
  // (NODE_ENV only because the project's types declare it required.)
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, CURL_HOME: home, TMPDIR: home, LANG: "C.UTF-8", TERM: "dumb", NODE_ENV: "production" as const };
  try {
    return await new Promise<ExampleRun>((resolve, reject) => {
      const child = spawn("bash", ["--noprofile", "--norc", "-e", "-u", "-o", "pipefail", "-c", code], { cwd: home, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      let timedOut = false;
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => {
        timedOut = true;
        // The whole process group: curl or sleep started by the block must not outlive it.
        if (child.pid === undefined) return;
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // The group exited between the timer firing and the kill.
        }
      }, exampleTimeoutSeconds * 1000);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", (exitCode) => {
        clearTimeout(timer);
        resolve({ exitCode, stdout, stderr, timedOut });
      });
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
