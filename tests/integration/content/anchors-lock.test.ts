// The anchors lock end to end on a copy of the real content: rename an entry and one of its
// causes, watch the content check fail naming the lines to add, add them, record the new anchors.
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent, updateAnchorsLock } from "@/lib/content/check-content.server";
import { formatProblem } from "@/lib/content/check";

const project = path.resolve(__dirname, "../../..");
const oldSlug = "no-refresh-token-offline-access";
const newSlug = "refresh-token-not-returned";
const oldFile = `content/entries/other-idps/${oldSlug}.mdx`;
const newFile = `content/entries/other-idps/${newSlug}.mdx`;

let root: string;
// The same cache the CLI uses for this root, so the second and later runs compile one file.
const cacheDir = () => path.join(root, ".cache", "content");

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const absolute = path.join(root, file);
  const before = await readFile(absolute, "utf8");
  const after = change(before);
  expect(after, `edit of ${file} changed nothing`).not.toBe(before);
  await writeFile(absolute, after);
}

/** What an author does along with a rename: point `related` lists and links of other entries at the new slug. */
async function updateReferences(from: string, to: string): Promise<void> {
  const files = await readdir(path.join(root, "content/entries"), { recursive: true });
  for (const file of files.filter((name) => name.endsWith(".mdx"))) {
    const absolute = path.join(root, "content/entries", file);
    const text = await readFile(absolute, "utf8");
    const updated = text.replace(new RegExp(`(?<![a-z0-9-])${from}(?![a-z0-9-])`, "g"), to);
    if (updated !== text) await writeFile(absolute, updated);
  }
}

async function problems(): Promise<string[]> {
  const result = await checkContent(root, { cacheDir: cacheDir() });
  return result.ok ? [] : result.problems.map(formatProblem);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "kb-anchors-"));
  await cp(path.join(project, "content"), path.join(root, "content"), { recursive: true });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the anchors lock on the real content", () => {
  it("passes on the content as committed", async () => {
    expect(await problems()).toEqual([]);
  }, 60_000);

  it("fails on a renamed entry and cause with the lines to add, then passes once they are added and recorded", async () => {
    await rename(path.join(root, oldFile), path.join(root, newFile));
    await updateReferences(oldSlug, newSlug);
    // A renamed cause takes the messages that point at it along.
    await edit(newFile, (text) => text.replace('<Cause id="google-access-type"', '<Cause id="google-access-type-offline"').replace(/^(\s+cause: )google-access-type$/gm, "$1google-access-type-offline"));
    const source = await readFile(path.join(root, newFile), "utf8");
    const causeLine = source.split("\n").findIndex((line) => line.startsWith('<Cause id="google-access-type-offline"')) + 1;
    const kept = [...source.matchAll(/<Cause id="([a-z0-9-]+)"/g)].map((match) => match[1]).filter((id) => id !== "google-access-type-offline");
    const added = [`/troubleshooting/${newSlug}`, ...[...kept, "google-access-type-offline"].sort().map((id) => `/troubleshooting/${newSlug}#${newSlug}--${id}`)];

    expect(await problems()).toEqual([
      `${newFile}: aliases: the published entry /troubleshooting/${oldSlug} no longer exists: add "${oldSlug}" to aliases in the frontmatter of the entry that replaced it; this entry looks like it (it is new since the lock and it has the cause ids ${kept.join(", ")}): write \`aliases: [${oldSlug}]\``,
      `${newFile}:${causeLine}: Cause.aliases: the published anchor /troubleshooting/${oldSlug}#${oldSlug}--google-access-type is gone: add aliases="google-access-type" to the <Cause> that replaced it; <Cause id="google-access-type-offline"> looks like it (it is new since the lock): write <Cause id="google-access-type-offline" aliases="google-access-type" …>`,
      `content/anchors.lock: anchors: ${added.length} published anchor(s) not recorded yet (${added.slice(0, 5).join(", ")}${added.length > 5 ? ` and ${added.length - 5} more` : ""}): run \`npm run anchors:update\` and commit content/anchors.lock`,
    ]);

    // The update command refuses too, and writes nothing.
    const lockBefore = await readFile(path.join(root, "content/anchors.lock"), "utf8");
    const refused = await updateAnchorsLock(root, { cacheDir: cacheDir() });
    expect(refused.ok).toBe(false);
    expect(await readFile(path.join(root, "content/anchors.lock"), "utf8")).toBe(lockBefore);

    // Add exactly what the messages say.
    await edit(newFile, (text) => text.replace("\nrank: ", `\naliases: [${oldSlug}]\nrank: `));
    await edit(newFile, (text) => text.replace('<Cause id="google-access-type-offline"', '<Cause id="google-access-type-offline" aliases="google-access-type"'));
    expect(await problems()).toEqual([expect.stringMatching(new RegExp(`^content/anchors\\.lock: anchors: ${added.length} published anchor\\(s\\) not recorded yet .*npm run anchors:update`))]);

    const updated = await updateAnchorsLock(root, { cacheDir: cacheDir() });
    if (!updated.ok) throw new Error(updated.problems.map(formatProblem).join("\n"));
    expect(updated.added).toEqual(added);
    expect(updated.written).toBe("updated");
    expect(await problems()).toEqual([]);

    // The old anchors stay in the lock: they resolve through the aliases now.
    const lock = await readFile(path.join(root, "content/anchors.lock"), "utf8");
    expect(lock).toContain(`\n/troubleshooting/${oldSlug}\n`);
    expect(lock).toContain(`\n/troubleshooting/${oldSlug}#${oldSlug}--google-access-type\n`);
    expect(lock).toContain(`\n/troubleshooting/${newSlug}#${newSlug}--google-access-type-offline\n`);
  }, 60_000);

  it("the CLI prints the same lines and exits 1 when an alias is taken away again", async () => {
    await edit(newFile, (text) => text.replace(' aliases="google-access-type"', ""));
    const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/check-content.ts", "--root", root], {
      cwd: project,
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    const ids = [...(await readFile(path.join(root, newFile), "utf8")).matchAll(/<Cause id="([a-z0-9-]+)"/g)].map((match) => match[1]);
    expect(result.stderr).toContain(
      `${path.join(path.relative(project, root), newFile)}: Cause.aliases: the published anchor /troubleshooting/${oldSlug}#${oldSlug}--google-access-type is gone: add aliases="google-access-type" to the <Cause> that replaced it (causes in this entry: ${ids.join(", ")})`,
    );
  }, 60_000);
});
