// Runnable examples through the real loader: problems name file and line and fail the load, the
// report counts them, and the catalogue's own blocks keep the rules the bundled IdP enforces.
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue, loadKnownCodes } from "@/lib/content/catalogue.server";
import type { Catalogue } from "@/lib/content/entry";
import { formatProblem } from "@/lib/content/check";
import { formatRunnableReport } from "@/lib/content/runnable-report";

const root = path.resolve(__dirname, "../../..");
const fixtures = path.resolve(__dirname, "../../fixtures/content");
const temporary: string[] = [];
const fence = "```";

afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The valid fixture plus extra entries under content/entries/alpha/. */
async function fixtureWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "kb-runnable-"));
  temporary.push(dir);
  await cp(path.join(fixtures, "valid", "content"), path.join(dir, "content"), { recursive: true });
  for (const [name, body] of Object.entries(files)) {
    await writeFile(path.join(dir, "content", "entries", "alpha", name), body);
  }
  return dir;
}

function entry(slug: string, verify: string): string {
  return `---
title: "${slug}"
area: alpha
summary: "A test entry."
rank: 9
updated: 2026-11-18
---

## Symptom

It fails.

## Cause

<Cause id="a-cause" title="A cause">

Because.

</Cause>

## Fix

Fix it.

## Verify

${verify}
`;
}

describe("runnable examples in the loader", () => {
  it("refuses bad fence meta and missing expectations with file, line and what to write", async () => {
    const dir = await fixtureWith({
      "bad-meta.mdx": entry("bad-meta", `${fence}bash runnable=maybe\ncurl -s http://localhost:3000/mock-idp/\n# expect: …\n${fence}\n\n${fence}bash runnable\ncurl -s http://localhost:3000/mock-idp/\n# expect 200\n${fence}`),
    });
    const result = await loadCatalogue({ root: dir, cacheDir: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(formatProblem);
    expect(lines).toContain('content/entries/alpha/bad-meta.mdx:27: runnable: unknown runnable role "maybe": write runnable, runnable=failure or runnable=fixed');
    expect(lines).toContain('content/entries/alpha/bad-meta.mdx:34: runnable: "# expect 200" is not checked: write "# expect: <a line the block prints>" (lower case, a colon, then the text)');
  });

  it("asks for a runnable block when the body uses the bundled mock IdP", async () => {
    const dir = await fixtureWith({
      "uses-mock.mdx": entry("uses-mock", `${fence}bash\ncurl -s http://localhost:3000/mock-idp/.well-known/openid-configuration\n${fence}`),
    });
    const result = await loadCatalogue({ root: dir, cacheDir: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/entries\/alpha\/uses-mock\.mdx: runnable: its body uses the bundled mock IdP \(line 27\), but no code block is marked runnable: mark the blocks/),
    ]);
  });

  it("keeps the examples on the entry and strips the flag from the exported Markdown", async () => {
    const dir = await fixtureWith({
      "runs.mdx": entry("runs", `${fence}bash runnable=failure\ncurl -s -o /dev/null -w '%{http_code}\\n' http://localhost:3000/mock-idp/oauth/token\n# expect: 405\n${fence}`),
    });
    const result = await loadCatalogue({ root: dir, cacheDir: false });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const runs = result.catalogue.bySlug.get("runs");
    expect(runs?.runnable.examples).toEqual([
      expect.objectContaining({ block: 1, section: "Verify", line: 27, role: "failure", expectations: [{ kind: "line", text: "405", line: 29 }] }),
    ]);
    expect(runs?.runnable.reproducedBy).toBe("its body uses the bundled mock IdP (line 27)");
    expect(runs?.verify?.markdown).toContain("**Reproduce it:** the failing request\n\n```bash\ncurl");
    expect(runs?.verify?.markdown).not.toContain("runnable");
    expect(formatRunnableReport(result.catalogue.entries)).toMatch(/^runnable examples: 1 block\(s\) in 1 of 4 entries \(1 failure\)/);
  });

  it("check:content --runnable prints the per-entry report", () => {
    const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/check-content.ts", "--root", "tests/fixtures/content/valid", "--runnable"], { cwd: root, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("runnable examples: 0 block(s) in 0 of 3 entries");
    expect(result.stdout).toMatch(/\n {2}alpha\/first-in-alpha +-\n/);
  });
});

describe("the catalogue's runnable examples", () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    const known = await loadKnownCodes(root);
    const result = await loadCatalogue({ root, knownCodes: known.codes });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    catalogue = result.catalogue;
  });

  it("every entry a mock IdP scenario reproduces has one", () => {
    const scenarioEntries = catalogue.entries.filter((candidate) => candidate.runnable.reproducedBy?.includes("scenario"));
    expect(scenarioEntries.length).toBeGreaterThan(5);
    for (const candidate of scenarioEntries) expect(candidate.runnable.examples.length, candidate.slug).toBeGreaterThan(0);
  });

  // Regression: a Verify step sent code_challenge=x, which the bundled IdP answers with a redirect
  // carrying error=invalid_request once it trusts the redirect_uri, not with the promised login page.
  it("sends only well-formed PKCE challenges (43 base64url characters, or a variable)", () => {
    const challenges = catalogue.entries.flatMap((candidate) =>
      candidate.runnable.examples.flatMap((example) => [...example.code.matchAll(/code_challenge=([^&"'\s\\]+)/g)].map((match) => ({ slug: candidate.slug, value: match[1] ?? "" }))),
    );
    expect(challenges.length).toBeGreaterThan(10);
    for (const { slug, value } of challenges) expect(value, slug).toMatch(/^(\$[A-Z_]+|\$\{[A-Z_]+\}|[A-Za-z0-9_-]{43})$/);
  });

  it("web-surface-redirect-uri-missing shows the failure, then the registered callback reaching the login screen", () => {
    const examples = catalogue.bySlug.get("web-surface-redirect-uri-missing")?.runnable.examples ?? [];
    expect(examples.map((example) => example.role)).toEqual(["failure", "fixed"]);
    expect(examples[1]?.expectations.map((expectation) => expectation.text)).toEqual(["302 http://localhost:3000/mock-idp/login?request=…"]);
  });
});
