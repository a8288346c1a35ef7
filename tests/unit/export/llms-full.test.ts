// llms-full.txt at the real catalogue's size and at 1,000 entries made from the real ones: the
// stamp line is right, every entry is there once and whole, in order, and the heading outline holds.
import { createHash } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getCodeReference } from "@/lib/codes/reference";
import { loadCatalogue, loadKnownCodes } from "@/lib/content/catalogue.server";
import { formatProblem } from "@/lib/content/check";
import type { Catalogue, Entry } from "@/lib/content/entry";
import { buildLlmsFull, buildLlmsTxt, parseLlmsFullStamp } from "@/lib/export/markdown";
import { absoluteUrl, causeUrl, entryUrl } from "@/lib/urls";

const root = path.resolve(__dirname, "../../..");
const origin = "https://fixbook.example";
const now = new Date("2026-12-01T08:30:15.250Z");
let real: Catalogue;

beforeAll(async () => {
  const known = await loadKnownCodes(root);
  const result = await loadCatalogue({ root, knownCodes: known.codes });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  real = result.catalogue;
}, 120_000);

/** `size` entries cycled from the real ones, each with its own slug and title, sorted like the loader sorts. */
function syntheticCatalogue(size: number): Catalogue {
  const order = new Map(real.areas.map((area) => [area.id, area.order]));
  const entries: Entry[] = Array.from({ length: size }, (_, index) => {
    const template = real.entries[index % real.entries.length];
    if (!template) throw new Error("the real catalogue is empty");
    return { ...template, slug: `synthetic-${index}-${template.slug}`, title: `${template.title} (copy ${index})`, rank: index + 1, aliases: [], related: [] };
  });
  entries.sort((a, b) => (order.get(a.area) ?? 0) - (order.get(b.area) ?? 0) || a.rank - b.rank);
  return { areas: real.areas, entries, bySlug: new Map(entries.map((entry) => [entry.slug, entry])), aliases: new Map() };
}

type Heading = { level: number; text: string; line: number };

/** Markdown headings outside fenced code blocks; throws on a fence left open (a cut-off file). */
function outline(text: string): Heading[] {
  const headings: Heading[] = [];
  let fence: string | undefined;
  text.split("\n").forEach((line, index) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker))) {
      fence = fence === undefined ? marker : undefined;
      return;
    }
    const heading = fence === undefined ? /^(#{1,6}) (.+)$/.exec(line) : null;
    if (heading?.[1] && heading[2]) headings.push({ level: heading[1].length, text: heading[2], line: index + 1 });
  });
  if (fence !== undefined) throw new Error(`a ${fence} code fence is never closed`);
  return headings;
}

/** Line numbers of every `URL:` and `Link:` line, by line (one pass over the file). */
function linkLines(lines: readonly string[]): Map<string, number[]> {
  const found = new Map<string, number[]>();
  lines.forEach((line, index) => {
    if (line.startsWith("URL: ") || line.startsWith("Link: ")) found.set(line, [...(found.get(line) ?? []), index]);
  });
  return found;
}

function expectWellFormed(text: string, catalogue: Catalogue) {
  const [first = "", ...rest] = text.split("\n");
  const stamp = parseLlmsFullStamp(first);
  expect(stamp, `first line is not a stamp: ${first}`).toBeDefined();
  expect(stamp?.entries).toBe(catalogue.entries.length);
  expect(stamp?.generated).toBe("2026-12-01T08:30:15Z");
  expect(stamp?.sha256).toBe(createHash("sha256").update(rest.join("\n")).digest("hex"));
  expect(text.endsWith("\n")).toBe(true);

  // Every entry once, in catalogue order, each cause's link after its entry's URL.
  const lines = text.split("\n");
  const links = linkLines(lines);
  let previous = -1;
  for (const entry of catalogue.entries) {
    const [position, ...repeats] = links.get(`URL: ${absoluteUrl(entryUrl(entry.slug), origin)}`) ?? [];
    expect(position, `${entry.slug} is missing`).toBeDefined();
    expect(repeats, `${entry.slug} is repeated`).toEqual([]);
    expect(lines[(position ?? 0) - 2], `${entry.slug}: heading before its URL`).toBe(`## ${entry.title}`);
    expect(position, `${entry.slug} is out of order`).toBeGreaterThan(previous);
    previous = position ?? previous;
    for (const cause of entry.causes) {
      const [causeLine, ...causeRepeats] = links.get(`Link: ${absoluteUrl(causeUrl(entry.slug, cause.id), origin)}`) ?? [];
      expect(causeRepeats, `${entry.slug}: ${cause.id} is repeated`).toEqual([]);
      expect(causeLine, `${entry.slug}: ${cause.id}`).toBeGreaterThan(previous);
    }
  }

  // The outline: the title, then areas (h1) holding entries (h2) holding their sections (h3),
  // causes (h4) under Cause, and never a level skipped; the code reference closes the file.
  const headings = outline(text);
  expect(headings[0]).toMatchObject({ level: 1, text: "OIDC FixBook" });
  for (const [index, heading] of headings.entries()) {
    const before = headings[index - 1];
    if (before) expect(heading.level, `line ${heading.line}: "${heading.text}" skips a level after "${before.text}"`).toBeLessThanOrEqual(before.level + 1);
  }
  const titles = new Set(catalogue.entries.map((entry) => entry.title));
  const entryOutline = headings.filter((heading) => heading.level === 2 && titles.has(heading.text));
  expect(entryOutline.map((heading) => heading.text)).toEqual(catalogue.entries.map((entry) => entry.title));
  const sectionsByTitle = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const heading of headings) {
    if (heading.level <= 2) sectionsByTitle.set(heading.text, (current = []));
    else if (heading.level === 3) current?.push(heading.text);
  }
  for (const entry of catalogue.entries) {
    const sections = sectionsByTitle.get(entry.title);
    const expected = ["Symptom", "Cause", "Fix", ...(entry.verify ? ["Verify"] : []), ...(entry.prevention ? ["Prevention"] : [])];
    expect(sections, entry.slug).toEqual(expected);
  }
  expect(headings.at(-1)?.level).toBeGreaterThanOrEqual(2);
  expect(headings.filter((heading) => heading.level === 1).at(-1)?.text).toBe("Error-code reference");
}

describe("llms-full.txt", () => {
  it("is well formed for the real catalogue", async () => {
    const { text } = await buildLlmsFull(real, origin, { codes: getCodeReference(), now });
    expectWellFormed(text, real);
  });

  it("stays well formed and complete at 1,000 entries", async () => {
    const catalogue = syntheticCatalogue(1000);
    const { text, stamp } = await buildLlmsFull(catalogue, origin, { codes: getCodeReference(), now });
    expect(stamp.entries).toBe(1000);
    expectWellFormed(text, catalogue);
  });

  it("changes its hash with its content, not with the date", async () => {
    const codes = getCodeReference();
    const today = await buildLlmsFull(real, origin, { codes, now });
    const tomorrow = await buildLlmsFull(real, origin, { codes, now: new Date("2026-12-02T00:00:00Z") });
    expect(tomorrow.stamp.sha256).toBe(today.stamp.sha256);
    expect(tomorrow.stamp.generated).not.toBe(today.stamp.generated);
    const edited = await buildLlmsFull(syntheticCatalogue(real.entries.length), origin, { codes, now });
    expect(edited.stamp.sha256).not.toBe(today.stamp.sha256);
  });

  it("llms.txt names the current entry count and hash", async () => {
    const { stamp } = await buildLlmsFull(real, origin, { codes: getCodeReference(), now });
    expect(buildLlmsTxt(real, origin, stamp)).toContain(`Current llms-full.txt: ${real.entries.length} entries, SHA-256 ${stamp.sha256}`);
  });
});
