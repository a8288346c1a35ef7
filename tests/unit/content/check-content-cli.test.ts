import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");

function runCheck(...args: string[]) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/check-content.ts", ...args], {
    cwd: root,
    encoding: "utf8",
  });
}

describe("npm run check:content", () => {
  it("exits 1 on the broken fixture and names file and field", () => {
    const result = runCheck("--root", "tests/fixtures/content/broken");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("tests/fixtures/content/broken/content/entries/alpha/broken-entry.mdx: updated:");
    expect(result.stderr).toContain("tests/fixtures/content/broken/content/entries/alpha/wrong-area.mdx: related[0]:");
  });

  it("exits 0 on valid content", () => {
    const result = runCheck("--root", "tests/fixtures/content/valid");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/content ok: 3 entries/);
  });

  it("exits 2 on bad usage", () => {
    expect(runCheck("--nope").status).toBe(2);
  });
});
