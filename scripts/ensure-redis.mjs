#!/usr/bin/env node
// Makes sure redis-server is installed for the tests of shared state (REDIS_URL): uses the one
// on PATH, else installs Debian's redis-server package (as root with apt-get), and prints which.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { aptInstall, canAptInstall } from "./apt-install.mjs";

function findRedisServer() {
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function ensureRedisServer() {
  const found = findRedisServer();
  if (found) {
    console.log(`ensure-redis: using ${found}`);
    return found;
  }
  if (!canAptInstall()) {
    throw new Error("ensure-redis: redis-server is not installed and this is not root on Debian; install Redis (e.g. apt-get install redis-server or brew install redis) and run the tests again.");
  }
  console.log("ensure-redis: no redis-server found; installing Debian's redis-server package");
  aptInstall("ensure-redis", ["redis-server"]);
  const installed = findRedisServer();
  if (!installed) throw new Error("ensure-redis: redis-server is still missing after installing it.");
  console.log(`ensure-redis: using ${installed}`);
  return installed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureRedisServer();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
