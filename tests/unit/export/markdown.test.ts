import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "@/lib/content/catalogue.server";
import type { Catalogue } from "@/lib/content/entry";
import { buildCodeReference } from "@/lib/codes";
import type { CodeDefinition } from "@/lib/codes/schema";
import { buildLlmsFull, buildLlmsTxt, entryToMarkdown, parseLlmsFullStamp } from "@/lib/export/markdown";

const origin = "https://fixbook.example";
let catalogue: Catalogue;

beforeAll(async () => {
  const result = await loadCatalogue({ root: path.resolve(__dirname, "../../fixtures/content/valid"), cacheDir: false });
  if (!result.ok) throw new Error("fixture catalogue must load");
  catalogue = result.catalogue;
});

describe("entryToMarkdown", () => {
  it("writes every section, cause links and absolute URLs", () => {
    const entry = catalogue.bySlug.get("token-rejected");
    if (!entry) throw new Error("fixture entry missing");
    const markdown = entryToMarkdown(entry, origin);
    expect(markdown.startsWith("# Token request rejected\n\nURL: https://fixbook.example/troubleshooting/token-rejected\n")).toBe(true);
    expect(markdown).toContain("- Message: `unexpected iss value, expected https://a.example, got: https://b.example` (openid-client@5)");
    expect(markdown).toContain("### The secret is wrong\n\nLink: https://fixbook.example/troubleshooting/token-rejected#token-rejected--wrong-secret");
    expect(markdown).toContain("```bash\necho \"$SECRET\" | head -c 8\n```");
    expect(markdown).toContain("## Verify");
    expect(markdown).toContain("[the other entry](https://fixbook.example/troubleshooting/first-in-alpha)");
    expect(markdown.indexOf("## Symptom")).toBeLessThan(markdown.indexOf("## Cause"));
    expect(markdown.indexOf("## Cause")).toBeLessThan(markdown.indexOf("## Fix"));
  });
});

describe("llms.txt and llms-full.txt", () => {
  it("llms.txt lists every entry's Markdown URL under its area", () => {
    const text = buildLlmsTxt(catalogue, origin);
    expect(text.startsWith("# OIDC FixBook\n\n> ")).toBe(true);
    expect(text).toContain("## Alpha area\n\n- [First in alpha](https://fixbook.example/troubleshooting/first-in-alpha.md): ");
    expect(text).toContain("- [In beta](https://fixbook.example/troubleshooting/beta-entry.md)");
  });

  it("llms-full.txt holds every entry in catalogue order", async () => {
    const { text } = await buildLlmsFull(catalogue, origin);
    const positions = catalogue.entries.map((entry) => text.indexOf(`## ${entry.title}\n`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("llms.txt links the error-code reference", () => {
    expect(buildLlmsTxt(catalogue, origin)).toContain("- [Error-code reference](https://fixbook.example/codes): ");
  });

  it("llms-full.txt opens with a line giving the entry count, the generation time and the content hash", async () => {
    const { text, stamp } = await buildLlmsFull(catalogue, origin, { now: new Date("2026-12-01T08:30:15.250Z") });
    const firstLine = text.slice(0, text.indexOf("\n"));
    expect(firstLine).toMatch(/^Entries: 3 · Generated: 2026-12-01T08:30:15Z · SHA-256: [0-9a-f]{64}$/);
    expect(parseLlmsFullStamp(firstLine)).toEqual(stamp);
    expect(text.slice(firstLine.length + 1).startsWith("# OIDC FixBook\n\n> ")).toBe(true);
    expect(parseLlmsFullStamp("Entries: 3 · Generated: yesterday · SHA-256: abc")).toBeUndefined();
  });

  it("llms-full.txt ends with the error-code reference, linking codes to their entries", async () => {
    const definitions: CodeDefinition[] = [
      {
        id: "invalid_client@token-endpoint",
        code: "invalid_client",
        source: "iana",
        meaning: "Client authentication failed at the token endpoint.",
        returned_at: "token-endpoint",
        http: 401,
        spec: { title: "RFC 6749", url: "https://www.rfc-editor.org/rfc/rfc6749#section-5.2", section: "5.2" },
      },
      {
        id: "slow_down@device-token",
        code: "slow_down",
        source: "iana",
        meaning: "The device polls faster than the interval allows.",
        returned_at: "device-token",
        http: 400,
        retry: "Add 5 seconds to the polling interval.",
        spec: { title: "RFC 8628", url: "https://www.rfc-editor.org/rfc/rfc8628#section-3.5", section: "3.5" },
      },
    ];
    const { text } = await buildLlmsFull(catalogue, origin, { codes: buildCodeReference(definitions) });
    const reference = text.slice(text.indexOf("# Error-code reference\n"));
    expect(text.indexOf("# Error-code reference\n")).toBeGreaterThan(text.lastIndexOf(`## ${catalogue.entries.at(-1)?.title}`));
    expect(reference).toContain("### invalid_client: Token endpoint\n\nClient authentication failed at the token endpoint.");
    expect(reference).toContain("- Page: https://fixbook.example/codes/invalid_client\n- HTTP: 401");
    expect(reference).toContain("- Spec: RFC 8628, section 3.5 (https://www.rfc-editor.org/rfc/rfc8628#section-3.5)");
    expect(reference).toContain("- Retry: Add 5 seconds to the polling interval.");
    const carrying = catalogue.entries.filter((entry) => entry.codes.includes("invalid_client"));
    for (const entry of carrying) expect(reference).toContain(`https://fixbook.example/troubleshooting/${entry.slug}`);
  });
});
