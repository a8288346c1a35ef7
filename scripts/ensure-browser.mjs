#!/usr/bin/env node
// Finds a Chromium for Playwright, installing one if none is present. Order: the
// CHROMIUM_PATH override, the system's chromium, Playwright's own cache; otherwise
// `apt-get install chromium` (Debian, as root) or `playwright install chromium`.
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { aptInstall, canAptInstall, run } from "./apt-install.mjs";

const systemPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

function playwrightCachePaths() {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || path.join(os.homedir(), ".cache", "ms-playwright");
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((name) => name.startsWith("chromium"))
    .sort()
    .reverse()
    .flatMap((name) => [
      path.join(cache, name, "chrome-linux", "chrome"),
      path.join(cache, name, "chrome-linux64", "chrome"),
      path.join(cache, name, "chrome-linux", "headless_shell"),
    ]);
}

/** The Chromium executable to use, or undefined when none is installed. */
export function findChromium() {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (existsSync(override)) return override;
    throw new Error(`CHROMIUM_PATH=${override} does not exist: point it at a Chromium executable or unset it.`);
  }
  return [...systemPaths, ...playwrightCachePaths()].find((candidate) => existsSync(candidate));
}

export function ensureChromium() {
  const found = findChromium();
  if (found) {
    console.log(`ensure-browser: using ${found}`);
    return found;
  }
  if (canAptInstall()) {
    console.log("ensure-browser: no Chromium found; installing Debian's chromium package");
    aptInstall("ensure-browser", ["chromium"]);
  } else {
    console.log("ensure-browser: no Chromium found and not root on Debian; asking Playwright to download one");
    run("ensure-browser", "npx", ["playwright", "install", "chromium"]);
  }
  const installed = findChromium();
  if (!installed) throw new Error("ensure-browser: Chromium is still missing after installing; set CHROMIUM_PATH to an executable.");
  console.log(`ensure-browser: using ${installed}`);
  return installed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
