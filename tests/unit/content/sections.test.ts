import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkGfm from "remark-gfm";
import type { Root } from "mdast";
import { collectEntryLinks, extractSections } from "@/lib/content/sections";

function parse(mdx: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(mdx);
}

const complete = `## Symptom

The token endpoint answers **401** with \`invalid_client\`.

## Cause

<Cause id="rotated" title="The secret was rotated">

The old secret is still deployed.

</Cause>

<Cause id="other-env" title="Another environment's credentials">

Staging id, production secret.

</Cause>

## Fix

1. Reveal the current secret.
2. Redeploy.

\`\`\`bash
echo "$SECRET" | head -c 8
\`\`\`

## Verify

Run the exchange again.
`;

describe("extractSections", () => {
  it("extracts symptom, each cause with its id, fix and optional sections", () => {
    const result = extractSections(parse(complete));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.body.symptom.text).toBe("The token endpoint answers 401 with invalid_client.");
    expect(result.body.causes.map((cause) => [cause.id, cause.title, cause.text])).toEqual([
      ["rotated", "The secret was rotated", "The old secret is still deployed."],
      ["other-env", "Another environment's credentials", "Staging id, production secret."],
    ]);
    expect(result.body.fix.text).toContain("Reveal the current secret.\nRedeploy.");
    expect(result.body.fix.markdown).toContain("```bash\necho \"$SECRET\" | head -c 8\n```");
    expect(result.body.verify?.text).toBe("Run the exchange again.");
    expect(result.body.prevention).toBeUndefined();
  });

  it("reports every missing required section", () => {
    const result = extractSections(parse("## Symptom\n\nOnly a symptom.\n"));
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map((problem) => problem.message);
    expect(messages.some((message) => message.includes('"## Cause"'))).toBe(true);
    expect(messages.some((message) => message.includes('"## Fix"'))).toBe(true);
  });

  it("requires causes to be <Cause> elements with unique kebab-case ids", () => {
    const mdx = `## Symptom\n\nx\n\n## Cause\n\n<Cause id="Bad_Id" title="a">\n\ny\n\n</Cause>\n\n<Cause id="Bad_Id" title="b">\n\nz\n\n</Cause>\n\n<Cause title="no id">\n\nw\n\n</Cause>\n\n## Fix\n\nf\n`;
    const result = extractSections(parse(mdx));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "Cause.id", message: expect.stringContaining("kebab-case"), line: 7 }),
        expect.objectContaining({ field: "Cause.id", message: expect.stringContaining("duplicate cause id") }),
        expect.objectContaining({ field: "Cause.id", message: expect.stringContaining("has no id") }),
      ]),
    );
  });

  it("rejects a Cause section without <Cause> elements and unknown sections", () => {
    const mdx = `## Symptom\n\nx\n\n## Cause\n\nJust prose.\n\n## Fix\n\n<Widget />\n\n## Notes\n\nn\n`;
    const result = extractSections(parse(mdx));
    const messages = result.ok ? [] : result.problems.map((problem) => problem.message);
    expect(messages.join("\n")).toContain("has no <Cause");
    expect(messages.join("\n")).toContain('unknown section "## Notes"');
  });

  it("flags sections out of order", () => {
    const mdx = `## Fix\n\nf\n\n## Symptom\n\nx\n\n## Cause\n\n<Cause id="a" title="A">\n\ny\n\n</Cause>\n`;
    const result = extractSections(parse(mdx));
    expect(result.ok ? "" : result.problems.map((problem) => problem.message).join("\n")).toContain("out of order");
  });
});

describe("cause aliases", () => {
  function withCauses(causes: string): string {
    return `## Symptom\n\nx\n\n## Cause\n\n${causes}\n\n## Fix\n\nf\n`;
  }

  it("carries the retired ids of a cause and the line of its element", () => {
    const result = extractSections(parse(withCauses('<Cause id="auth-method-mismatch" aliases="wrong-auth-method  basic-vs-post" title="A">\n\na\n\n</Cause>\n\n<Cause id="other" title="B">\n\nb\n\n</Cause>')));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.body.causes.map((cause) => [cause.id, cause.aliases, cause.line])).toEqual([
      ["auth-method-mismatch", ["wrong-auth-method", "basic-vs-post"], 7],
      ["other", [], 13],
    ]);
  });

  it("rejects an alias that is not kebab-case, names a current cause, or is claimed twice", () => {
    const result = extractSections(
      parse(withCauses('<Cause id="a" aliases="Old_Id b shared" title="A">\n\na\n\n</Cause>\n\n<Cause id="b" aliases="shared" title="B">\n\nb\n\n</Cause>')),
    );
    expect(result.ok ? [] : result.problems).toEqual([
      { field: "Cause.aliases", line: 7, message: '"Old_Id" on cause "a" must be kebab-case (aliases are space-separated ids)' },
      { field: "Cause.aliases", line: 7, message: '"b" on cause "a" is the id of a current cause: an alias names a retired id only' },
      { field: "Cause.aliases", line: 13, message: '"shared" on cause "b" is used already by cause "a": an alias leads to one cause' },
    ]);
  });
});

describe("collectEntryLinks", () => {
  it("finds links to entries with their line", () => {
    const links = collectEntryLinks(parse("See [this](/troubleshooting/state-mismatch#state-mismatch--tab) and [code](/codes/x).\n"));
    expect(links).toEqual([{ slug: "state-mismatch", line: 1 }]);
  });
});
