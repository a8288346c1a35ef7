#!/usr/bin/env node
// Makes sure the tools the catalogue's runnable examples use are installed: bash, curl, jq and
// openssl (tests/e2e/runnable-examples.spec.ts runs the blocks with them, as a reader would).
// Missing ones are installed with `apt-get` on Debian as root, like ensure-browser.mjs does for
// Chromium; anywhere else the script says what to install and exits 1.
import { fileURLToPath } from "node:url";
import { aptInstall, canAptInstall, onPath } from "./apt-install.mjs";

/** Command → the Debian package that provides it. */
const tools = { bash: "bash", curl: "curl", jq: "jq", openssl: "openssl" };

export function missingExampleTools() {
  return Object.keys(tools).filter((command) => !onPath(command));
}

export function ensureExampleTools() {
  const missing = missingExampleTools();
  if (missing.length === 0) {
    console.log(`ensure-example-tools: using ${Object.keys(tools).join(", ")} from PATH`);
    return;
  }
  if (!canAptInstall()) {
    throw new Error(`ensure-example-tools: ${missing.join(", ")} not found on PATH; install them (Debian/Ubuntu: apt-get install ${missing.map((command) => tools[command]).join(" ")}; macOS: brew install ${missing.join(" ")}) and run again.`);
  }
  console.log(`ensure-example-tools: ${missing.join(", ")} missing; installing Debian packages`);
  aptInstall("ensure-example-tools", missing.map((command) => tools[command]));
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
