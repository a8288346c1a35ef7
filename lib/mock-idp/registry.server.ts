// Reads the demo registry file at runtime (not bundled), so edits apply without a rebuild.
// Re-read when the file's mtime changes; a broken file fails loudly, naming file and field.
import "server-only";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseRegistry, type MockRegistry } from "./registry";

export const defaultRegistryFile = "content/mock-idp/clients.json";

/** The registry's absolute path: MOCK_IDP_CLIENTS_FILE when given, else the committed demo file. */
function registryPath(file: string | undefined): string {
  // The default stays a literal path so the build traces just this file, not the whole project.
  if (file === undefined) return path.join(process.cwd(), "content", "mock-idp", "clients.json");
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), file);
}

let cached: { file: string; mtimeMs: number; registry: MockRegistry } | undefined;

export function loadRegistryFile(file: string | undefined = process.env.MOCK_IDP_CLIENTS_FILE): MockRegistry {
  const absolute = registryPath(file);
  const label = file ?? defaultRegistryFile;
  const mtimeMs = statSync(/* turbopackIgnore: true */ absolute).mtimeMs;
  if (cached && cached.file === absolute && cached.mtimeMs === mtimeMs) return cached.registry;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(/* turbopackIgnore: true */ absolute, "utf8"));
  } catch (error) {
    throw new Error(`${label}: not valid JSON (${error instanceof Error ? error.message : String(error)}); fix the file and reload.`);
  }
  const parsed = parseRegistry(data, label);
  if (!parsed.ok) throw new Error(`The mock IdP client registry is invalid:\n${parsed.problems.join("\n")}`);
  cached = { file: absolute, mtimeMs, registry: parsed.registry };
  return parsed.registry;
}
