import "server-only";
// content/libraries.json, validated once. Imported statically, like the code reference, so route
// bundles need no filesystem access; the content check reports a broken file by field.
import data from "../../content/libraries.json";
import { librariesFile, librariesSchema, type Library } from "./libraries";
import { formatIssuePath } from "./check";

let cached: Library[] | undefined;

export function getLibraries(): Library[] {
  if (cached) return cached;
  const parsed = librariesSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${librariesFile}: ${formatIssuePath(issue.path)}: ${issue.message}`);
    throw new Error(`${librariesFile} is invalid; fix these and rebuild:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
