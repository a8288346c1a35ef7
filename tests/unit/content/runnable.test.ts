import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkGfm from "remark-gfm";
import type { Root } from "mdast";
import { toMarkdown } from "mdast-util-to-markdown";
import {
  checkExampleCoverage,
  judgeExampleRun,
  labelRunnableExamples,
  matchesExpectation,
  parseExpectations,
  parseFenceMeta,
  scanRunnableExamples,
  type RunnableExample,
} from "@/lib/content/runnable";

function parse(mdx: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(mdx);
}

const fence = "```";

const entry = `## Symptom

${fence}json
{ "error": "invalid_client" }
${fence}

## Fix

${fence}bash
logi app show "$CLIENT_ID"
${fence}

## Verify

${fence}bash runnable=failure
curl -s -o /dev/null -w '%{http_code}\\n' http://localhost:3000/mock-idp/oauth/token
# expect: 405
${fence}

${fence}bash runnable=fixed title="token"
curl -s http://localhost:3000/mock-idp/.well-known/openid-configuration | jq -r .issuer
# expect: /^http:\\/\\/localhost:3000\\/mock-idp$/
${fence}

${fence}bash
curl -s http://localhost:3000/mock-idp/.well-known/jwks.json
${fence}
`;

describe("parseFenceMeta", () => {
  it("reads runnable and its role, leaving other meta for the highlighter", () => {
    expect(parseFenceMeta("bash", "runnable")).toEqual({ role: "check", rest: null, problems: [] });
    expect(parseFenceMeta("bash", 'runnable=failure title="Watch it"')).toEqual({ role: "failure", rest: 'title="Watch it"', problems: [] });
    expect(parseFenceMeta("sh", "{1,3} runnable=fixed")).toEqual({ role: "fixed", rest: "{1,3}", problems: [] });
    expect(parseFenceMeta("bash", null)).toEqual({ role: undefined, rest: null, problems: [] });
  });

  it("names the mistake and what to write instead", () => {
    expect(parseFenceMeta("bash", "runnable=broken").problems).toEqual(['unknown runnable role "broken": write runnable, runnable=failure or runnable=fixed']);
    expect(parseFenceMeta("bash", "runable").problems[0]).toContain("did you mean runnable");
    expect(parseFenceMeta("bash", "runnable expect-status=302").problems[0]).toContain('write expectations inside the block as "# expect: <a line it prints>"');
    expect(parseFenceMeta("ts", "runnable").problems[0]).toContain("runnable blocks run with bash");
    expect(parseFenceMeta("bash", "runnable runnable=fixed").problems[0]).toContain("says runnable twice");
  });
});

describe("parseExpectations", () => {
  it("reads lines and regular expressions with their source lines", () => {
    const { expectations, problems } = parseExpectations("curl x\n# expect: 302 http://…\n  # expect: /^4\\d\\d$/i", 10);
    expect(problems).toEqual([]);
    expect(expectations).toEqual([
      { kind: "line", text: "302 http://…", line: 11 },
      { kind: "regex", text: "/^4\\d\\d$/i", line: 12 },
    ]);
  });

  it("refuses near misses instead of silently not checking them", () => {
    const { expectations, problems } = parseExpectations("# expect 401 invalid_client\n# Expect: 200\n# expect: /(/", 5);
    expect(expectations).toEqual([]);
    expect(problems.map((problem) => problem.line)).toEqual([5, 6, 7]);
    expect(problems[0]?.message).toContain('write "# expect: <a line the block prints>"');
    expect(problems[2]?.message).toContain("not a valid regular expression");
  });
});

describe("scanRunnableExamples", () => {
  it("finds runnable blocks with their block number, section, role and expectations", () => {
    const scan = scanRunnableExamples(parse(entry));
    expect(scan.problems).toEqual([]);
    expect(scan.unmarked).toBe(1);
    expect(scan.mockIdpLine).toBe(15);
    expect(scan.examples.map(({ block, section, role, line }) => ({ block, section, role, line }))).toEqual([
      { block: 3, section: "Verify", role: "failure", line: 15 },
      { block: 4, section: "Verify", role: "fixed", line: 20 },
    ]);
    expect(scan.examples[0]?.code).toBe("curl -s -o /dev/null -w '%{http_code}\\n' http://localhost:3000/mock-idp/oauth/token\n# expect: 405");
    expect(scan.examples[0]?.expectations).toEqual([{ kind: "line", text: "405", line: 17 }]);
  });

  it("finds blocks nested in causes and lists", () => {
    const scan = scanRunnableExamples(parse(`## Cause\n\n<Cause id="a" title="A">\n\n${fence}bash runnable\ncurl -s http://localhost:3000/mock-idp/\n# expect: …\n${fence}\n\n</Cause>\n`));
    expect(scan.examples).toHaveLength(1);
    expect(scan.examples[0]?.section).toBe("Cause");
  });

  it("refuses a runnable block that names no expectation or never calls the bundled IdP", () => {
    const scan = scanRunnableExamples(parse(`## Verify\n\n${fence}bash runnable\ncurl -s http://localhost:3000/mock-idp/\n${fence}\n\n${fence}bash runnable\ncurl -s https://api.1pass.dev/.well-known/openid-configuration\n# expect: …\n${fence}\n`));
    expect(scan.problems).toEqual([
      { field: "runnable", line: 3, message: expect.stringContaining('says nothing it must print: add "# expect: <a line it prints>"') },
      { field: "runnable", line: 7, message: expect.stringContaining("never calls http://localhost:3000") },
    ]);
  });

  it("ignores /mock-idp in frontmatter", () => {
    const tree = parse("## Symptom\n\nNothing here.\n");
    tree.children.unshift({ type: "yaml", value: "tags: [/mock-idp]" });
    expect(scanRunnableExamples(tree).mockIdpLine).toBeUndefined();
  });
});

describe("labelRunnableExamples", () => {
  it("strips the flags and labels the reproduce-it steps, in the Markdown export too", () => {
    const tree = parse(entry);
    labelRunnableExamples(tree);
    const markdown = toMarkdown(tree, { fences: true });
    expect(markdown).not.toContain("runnable");
    expect(markdown).toContain("**Reproduce it:** the failing request\n\n```bash\ncurl -s -o /dev/null");
    expect(markdown).toContain('**Reproduce it:** the fixed request\n\n```bash title="token"\n');
    expect(markdown.match(/Reproduce it/g)).toHaveLength(2);
    // Scanning the labelled tree finds no runnable block: labelling is the last step.
    expect(scanRunnableExamples(tree).examples).toEqual([]);
  });
});

describe("matchesExpectation", () => {
  it("matches a whole line, ignoring surrounding whitespace, with … as a wildcard", () => {
    expect(matchesExpectation({ kind: "line", text: '"expires_in": 600,' }, '  "expires_in": 600,')).toBe(true);
    expect(matchesExpectation({ kind: "line", text: "302 http://localhost:3000/mock-idp/login?request=…" }, "302 http://localhost:3000/mock-idp/login?request=eyJ")).toBe(true);
    expect(matchesExpectation({ kind: "line", text: "302" }, "3020")).toBe(false);
    expect(matchesExpectation({ kind: "line", text: "a.b" }, "axb")).toBe(false);
    expect(matchesExpectation({ kind: "line", text: "…error=invalid_request…" }, "302 http://x/cb?error=invalid_request&state=s")).toBe(true);
  });

  it("tests a regular expression against the line", () => {
    expect(matchesExpectation({ kind: "regex", text: "/^status 200, total [5-9]\\.\\d+s$/" }, "status 200, total 5.012s")).toBe(true);
    expect(matchesExpectation({ kind: "regex", text: "/INVALID/i" }, "invalid_grant")).toBe(true);
  });
});

describe("judgeExampleRun", () => {
  const example: RunnableExample = {
    block: 3,
    section: "Verify",
    line: 83,
    role: "fixed",
    code: "…",
    expectations: [
      { kind: "line", text: "302 …/login?request=…", line: 88 },
      { kind: "line", text: "400", line: 92 },
    ],
  };
  const where = { file: "content/entries/x/y.mdx", slug: "y" };

  it("passes when every expectation matches in order and the block exits 0", () => {
    expect(judgeExampleRun(where, example, { exitCode: 0, stdout: "302 http://h/login?request=abc\n{}\n400\n", stderr: "", timedOut: false })).toEqual({ ok: true });
  });

  it("fails on the wrong order, naming the entry, the block and what differed", () => {
    const verdict = judgeExampleRun(where, example, { exitCode: 0, stdout: "400\n302 http://h/login?request=abc\n", stderr: "", timedOut: false });
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.message).toContain("content/entries/x/y.mdx:83: y, block 3 (Verify, fixed): 1 of 2 expected line(s) missing");
    expect(verdict.message).toContain("MISSING  # expect: 400   (line 92)");
    expect(verdict.message).toContain("| 302 http://h/login?request=abc");
  });

  it("fails when a command fails or the block hangs, even if the output looks right", () => {
    const failed = judgeExampleRun(where, example, { exitCode: 5, stdout: "302 x/login?request=y\n400\n", stderr: "jq: error", timedOut: false });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.message).toMatch(/exited with 5 .*every command must succeed/);
    const hung = judgeExampleRun(where, example, { exitCode: null, stdout: "", stderr: "", timedOut: true });
    if (!hung.ok) expect(hung.message).toContain("did not finish within 10 s");
  });
});

describe("checkExampleCoverage", () => {
  it("asks for a runnable block where a scenario or the body uses the bundled mock IdP", () => {
    const problems = checkExampleCoverage([
      { file: "a.mdx", examples: [], scenarios: ["rotated-key"] },
      { file: "b.mdx", examples: [], scenarios: [], mockIdpLine: 12 },
      { file: "c.mdx", examples: [], scenarios: [] },
    ]);
    expect(problems.map((problem) => problem.file)).toEqual(["a.mdx", "b.mdx"]);
    expect(problems[0]?.message).toContain("the mock IdP scenario rotated-key reproduces it, but no code block is marked runnable");
    expect(problems[1]?.message).toContain("its body uses the bundled mock IdP (line 12)");
  });
});
