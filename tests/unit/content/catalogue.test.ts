import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadCatalogue } from "@/lib/content/catalogue.server";
import { formatProblem } from "@/lib/content/check";

const fixtures = path.resolve(__dirname, "../../fixtures/content");
const temporary: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "kb-content-"));
  temporary.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("loadCatalogue", () => {
  it("loads, sorts by area order then rank, and indexes slugs and aliases", async () => {
    const result = await loadCatalogue({ root: path.join(fixtures, "valid"), cacheDir: false });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const { catalogue } = result;
    expect(catalogue.areas.map((area) => area.id)).toEqual(["alpha", "beta"]);
    expect(catalogue.entries.map((entry) => entry.slug)).toEqual(["first-in-alpha", "token-rejected", "beta-entry"]);
    expect(catalogue.aliases.get("old-token-rejected")).toBe("token-rejected");
    const entry = catalogue.bySlug.get("token-rejected");
    expect(entry?.causes.map((cause) => cause.id)).toEqual(["wrong-secret", "wrong-client"]);
    expect(entry?.messages[1]).toEqual({ text: "unexpected iss value, expected https://a.example, got: https://b.example", source: "openid-client@5" });
    expect(entry?.code).toContain("wrong-secret");
    expect(entry?.file).toBe("content/entries/alpha/token-rejected.mdx");
  });

  it("highlights code at build time and keeps the raw text for the copy button", async () => {
    const result = await loadCatalogue({ root: path.join(fixtures, "valid"), cacheDir: false });
    const code = result.ok ? result.catalogue.bySlug.get("token-rejected")?.code : "";
    expect(code).toContain("data-theme");
    expect(code).toMatch(/"data-raw":'echo "\$SECRET" \| head -c 8'/);
  });

  it("reuses the compile cache when content is unchanged and recompiles only what changed", async () => {
    const root = await tempDir();
    await cp(path.join(fixtures, "valid"), root, { recursive: true });
    const cacheDir = path.join(root, ".cache");
    const first = await loadCatalogue({ root, cacheDir });
    expect(first.ok && first.stats).toEqual({ entries: 3, compiled: 3, cached: 0 });
    const second = await loadCatalogue({ root, cacheDir });
    expect(second.ok && second.stats).toEqual({ entries: 3, compiled: 0, cached: 3 });
    const file = path.join(root, "content/entries/beta/in-beta.mdx");
    await writeFile(file, (await readFile(file, "utf8")).replace("Fix beta.", "Fix beta now."));
    const third = await loadCatalogue({ root, cacheDir });
    expect(third.ok && third.stats).toEqual({ entries: 3, compiled: 1, cached: 2 });
  });

  it("reports every problem of the broken fixture as file: field: problem", async () => {
    const result = await loadCatalogue({ root: path.join(fixtures, "broken"), cacheDir: false });
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        'content/entries/alpha/broken-entry.mdx: updated: "2026-13-45" is not a date: write YYYY-MM-DD',
        'content/entries/alpha/broken-entry.mdx: sections: missing "## Fix" section (Symptom, Cause and Fix are required)',
        expect.stringMatching(/^content\/entries\/alpha\/broken-entry\.mdx:21: Cause\.id: duplicate cause id "the-cause"/),
        expect.stringMatching(/^content\/entries\/alpha\/wrong-area\.mdx:12: mdx: MDX syntax error: Unexpected end of file in expression/),
        expect.stringMatching(/^content\/entries\/alpha\/wrong-area\.mdx: area: unknown area "gamma"/),
        'content/entries/alpha/wrong-area.mdx: related[0]: unknown slug "does-not-exist": use the slug of an existing entry',
      ]),
    );
  });

  it("rejects duplicate slugs, alias clashes, unknown codes and links to missing entries", async () => {
    const root = await tempDir();
    await cp(path.join(fixtures, "valid"), root, { recursive: true });
    await writeFile(
      path.join(root, "content/entries/beta/dup.mdx"),
      `---\ntitle: "Duplicate"\nslug: first-in-alpha\narea: beta\nsummary: "Claims a slug that is taken."\ncodes: [not_a_code]\nrank: 2\naliases: [old-token-rejected]\nupdated: 2026-11-20\n---\n\n## Symptom\n\nSee [x](/troubleshooting/missing-entry).\n\n## Cause\n\n<Cause id="c" title="C">\n\nc\n\n</Cause>\n\n## Fix\n\nf\n`,
    );
    const result = await loadCatalogue({ root, cacheDir: false, knownCodes: new Set(["invalid_client"]) });
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/dup\.mdx: slug: "first-in-alpha" is already used/),
        expect.stringMatching(/dup\.mdx: aliases\[0\]: "old-token-rejected" is already used/),
        expect.stringMatching(/dup\.mdx: codes\[0\]: "not_a_code" is not in content\/codes\.json/),
        expect.stringMatching(/dup\.mdx:14: body: link to unknown entry \/troubleshooting\/missing-entry/),
      ]),
    );
  });
});
