#!/usr/bin/env node
// Makes sure the tools the catalogue's runnable examples use are installed: bash, curl, jq and
// openssl (tests/e2e/runnable-examples.spec.ts runs the blocks with them, as a reader would).
// Missing ones are installed with `apt-get` on Debian as root, like ensure-browser.mjs does for
// Chromium; anywhere else the script says what to install and exits 1.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Command → the Debian package that provides it. */
const tools = { bash: "bash", curl: "curl", jq: "jq", openssl: "openssl" };

function onPath(command) {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && existsSync(path.join(dir, command)));
}

export function missingExampleTools() {
  return Object.keys(tools).filter((command) => !onPath(command));
}

function run(command, args) {
  console.log(`ensure-example-tools: running ${command} ${args.join(" ")}`);
  execFileSync(command, args, { stdio: "inherit" });
}

export function ensureExampleTools() {
  const missing = missingExampleTools();
  if (missing.length === 0) {
    console.log(`ensure-example-tools: using ${Object.keys(tools).join(", ")} from PATH`);
    return;
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    throw new Error(`ensure-example-tools: ${missing.join(", ")} not found on PATH; install them (Debian/Ubuntu: apt-get install ${missing.map((command) => tools[command]).join(" ")}; macOS: brew install ${missing.join(" ")}) and run again.`);
  }
  console.log(`ensure-example-tools: ${missing.join(", ")} missing; installing Debian packages`);
  run("/usr/bin/apt-get", ["update"]);
  run("/usr/bin/apt-get", ["install", "-y", "--no-install-recommends", ...new Set(missing.map((command) => tools[command]))]);
  const still = missingExampleTools();
  if (still.length > 0) throw new Error(`ensure-example-tools: ${still.join(", ")} still missing after apt-get install.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureExampleTools();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
