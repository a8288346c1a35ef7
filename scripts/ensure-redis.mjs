#!/usr/bin/env node
// Makes sure redis-server is installed for the tests of shared state (REDIS_URL): uses the one
// on PATH, else installs Debian's redis-server package (as root with apt-get), and prints which.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

function findRedisServer() {
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function run(command, args) {
  console.log(`ensure-redis: running ${command} ${args.join(" ")}`);
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

export function ensureRedisServer() {
  const found = findRedisServer();
  if (found) {
    console.log(`ensure-redis: using ${found}`);
    return found;
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !findCommand("apt-get")) {
    throw new Error("ensure-redis: redis-server is not installed and this is not root on Debian; install Redis (e.g. apt-get install redis-server or brew install redis) and run the tests again.");
  }
  console.log("ensure-redis: no redis-server found; installing Debian's redis-server package");
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "--no-install-recommends", "redis-server"]);
  const installed = findRedisServer();
  if (!installed) throw new Error("ensure-redis: redis-server is still missing after installing it.");
  console.log(`ensure-redis: using ${installed}`);
  return installed;
}

function findCommand(name) {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureRedisServer();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
