import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");

function runScript(script: string, ...args: string[]) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    cwd: root,
    encoding: "utf8",
  });
}

function runCheck(...args: string[]) {
  return runScript("scripts/check-content.ts", ...args);
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

describe("npm run anchors:update", () => {
  it("refuses while a published entry is gone, then drops it only when asked by name", async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), "kb-anchors-cli-"));
    try {
      await cp(path.join(root, "tests/fixtures/content/valid/content"), path.join(copy, "content"), { recursive: true });
      const file = path.join(copy, "content/entries/beta/in-beta.mdx");
      await writeFile(file, (await readFile(file, "utf8")).replace("slug: beta-entry", "slug: beta-renamed"));
      const lockFile = path.join(copy, "content/anchors.lock");
      const before = await readFile(lockFile, "utf8");

      const refused = runScript("scripts/anchors-update.ts", "--root", copy);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('content/entries/beta/in-beta.mdx: aliases: the published entry /troubleshooting/beta-entry no longer exists: add "beta-entry" to aliases');
      expect(refused.stderr).toContain("content/anchors.lock not written");
      expect(refused.stderr).toContain("add the aliases above");
      expect(await readFile(lockFile, "utf8")).toBe(before);

      const dropped = runScript("scripts/anchors-update.ts", "--root", copy, "--drop", "/troubleshooting/beta-entry");
      expect(dropped.stderr).toBe("");
      expect(dropped.status).toBe(0);
      expect(dropped.stdout).toContain("dropped /troubleshooting/beta-entry#beta-entry--beta-cause");
      expect(dropped.stdout).toContain("added   /troubleshooting/beta-renamed");
      expect(runCheck("--root", copy).status).toBe(0);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it("refuses while an entry does not read, and says to fix it rather than to add aliases", () => {
    const refused = runScript("scripts/anchors-update.ts", "--root", "tests/fixtures/content/broken");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("tests/fixtures/content/broken/content/entries/alpha/broken-entry.mdx: updated:");
    expect(refused.stderr).toContain("Fix the content problems above and run this again.");
    expect(refused.stderr).not.toContain("add the aliases above");
  });

  it("exits 2 on bad usage", () => {
    expect(runScript("scripts/anchors-update.ts", "--nope").status).toBe(2);
  });
});
