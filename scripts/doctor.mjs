#!/usr/bin/env node
// The `doctor` bin: runs the TypeScript CLI under tsx with the react-server condition (the
// guarded fetch is server-only code) and passes its exit code on.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("./doctor/cli.ts", import.meta.url));
// The project root: `@/…` imports resolve through its tsconfig, and the catalogue is read from it,
// so the bin works from any directory.
const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = import.meta.resolve("tsx");
const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", tsx, cli, ...process.argv.slice(2)], { stdio: "inherit", cwd: root, env: { ...process.env, TSX_TSCONFIG_PATH: `${root}tsconfig.json` } });
process.exit(child.status ?? 2);
