// Reads the demo registry file at runtime (not bundled), so edits apply without a rebuild.
// Re-read when the file's mtime changes; a broken file fails loudly, naming file and field.
import "server-only";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseRegistry, type MockRegistry } from "./registry";

export const defaultRegistryFile = "content/mock-idp/clients.json";

let cached: { file: string; mtimeMs: number; registry: MockRegistry } | undefined;

export function loadRegistryFile(file: string = process.env.MOCK_IDP_CLIENTS_FILE ?? defaultRegistryFile): MockRegistry {
  const absolute = path.resolve(process.cwd(), file);
  const mtimeMs = statSync(absolute).mtimeMs;
  if (cached && cached.file === absolute && cached.mtimeMs === mtimeMs) return cached.registry;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(absolute, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}); fix the file and reload.`);
  }
  const parsed = parseRegistry(data, file);
  if (!parsed.ok) throw new Error(`The mock IdP client registry is invalid:\n${parsed.problems.join("\n")}`);
  cached = { file: absolute, mtimeMs, registry: parsed.registry };
  return parsed.registry;
}
