// Reads the IANA "OAuth Extensions Error Registry" snapshot: the shared copy when this checkout
// sits next to ../shared, else the copy in tests/fixtures (so CI works from a clean clone).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const sharedPath = `${repoRoot}../shared/data/iana-oauth-extensions-errors.tsv`;
const fixturePath = `${repoRoot}tests/fixtures/iana-oauth-extensions-errors.tsv`;

export type IanaRow = { name: string; usageLocation: string; protocolExtension: string; reference: string };

export function readIanaRows(): IanaRow[] {
  const path = existsSync(sharedPath) ? sharedPath : fixturePath;
  const lines = readFileSync(path, "utf8").split("\n");
  const rows: IanaRow[] = [];
  for (const line of lines) {
    if (!line.trim() || line.startsWith("#") || line.startsWith("name\t")) continue;
    const [name = "", usageLocation = "", protocolExtension = "", reference = ""] = line.split("\t");
    rows.push({ name, usageLocation, protocolExtension, reference });
  }
  return rows;
}
