// Installs Debian packages for the test tooling (ensure-browser, ensure-redis, ensure-example-tools):
// only as root where apt-get exists, and without refreshing the package lists again when another
// of these scripts did so in the last hour (a fresh machine would otherwise run `apt-get update`
// once per script).
import { execFileSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const aptGet = "/usr/bin/apt-get";
// Written after each `apt-get update`, so the next script within the hour can skip it.
const updatedStamp = path.join(os.tmpdir(), "fixbook-apt-lists-updated");
const listsFreshForMs = 60 * 60 * 1000;

/** True when `command` is an executable name found on PATH. */
export function onPath(command) {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && existsSync(path.join(dir, command)));
}

/** True when this process may install Debian packages (root, with apt-get). */
export function canAptInstall() {
  return typeof process.getuid === "function" && process.getuid() === 0 && existsSync(aptGet);
}

/** Runs a command with its output shown, prefixed in the log by who asked. */
export function run(label, command, args) {
  console.log(`${label}: running ${command} ${args.join(" ")}`);
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

function listsAreFresh() {
  try {
    return Date.now() - statSync(updatedStamp).mtimeMs < listsFreshForMs;
  } catch {
    return false;
  }
}

/** `apt-get install` of `packages` (update first unless the lists are fresh). Call only when canAptInstall(). */
export function aptInstall(label, packages) {
  if (!listsAreFresh()) {
    run(label, aptGet, ["update"]);
    writeFileSync(updatedStamp, new Date().toISOString());
  }
  run(label, aptGet, ["install", "-y", "--no-install-recommends", ...new Set(packages)]);
}
