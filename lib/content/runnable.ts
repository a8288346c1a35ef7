// Runnable examples: shell blocks an entry marks ```bash runnable, which run against the bundled
// mock IdP and say with `# expect: …` lines what they print. This module finds them in an entry's
// syntax tree, validates their syntax, labels the "reproduce it" steps, and judges a run's output.
// Pure (no I/O): the end-to-end runner spawns bash and hands the result to `judgeExampleRun`.
import type { Code, Paragraph, Root, RootContent } from "mdast";
import { visit } from "unist-util-visit";

/** What a runnable block shows: a plain check, the failure an entry explains, or the fixed request. */
export const exampleRoles = ["check", "failure", "fixed"] as const;
export type ExampleRole = (typeof exampleRoles)[number];

/** The origin runnable blocks are written against; the runner points it at the server under test. */
export const exampleOrigin = "http://localhost:3000";
/** Every block must finish within this many seconds (the runner kills it after that). */
export const exampleTimeoutSeconds = 10;

const runnableLanguages = new Set(["bash", "sh", "shell"]);
const shellLanguages = new Set(["bash", "sh", "shell", "zsh", "console"]);

/** One `# expect:` line: a line of stdout it must match, in the order the expectations are written. */
export type Expectation = {
  kind: "line" | "regex";
  /** As written after `# expect: ` (for a regex, including the slashes and flags). */
  text: string;
  /** Line in the source file. */
  line: number;
};

export type RunnableExample = {
  /** Position among all code blocks of the entry, from 1 (what "block 3" in a failure names). */
  block: number;
  /** The `##` section the block sits in, as written (`Verify`). */
  section: string;
  /** Line of the opening fence in the source file. */
  line: number;
  role: ExampleRole;
  /** The block's text exactly as readers see and copy it. */
  code: string;
  expectations: Expectation[];
};

export type RunnableProblem = { field: string; message: string; line?: number };

export type RunnableScan = {
  examples: RunnableExample[];
  problems: RunnableProblem[];
  /** Line of the first mention of the bundled mock IdP (`/mock-idp`), if the body has one. */
  mockIdpLine?: number;
  /** Shell blocks that call `http://localhost:3000` but are not marked runnable. */
  unmarked: number;
};

export type FenceMeta = {
  /** Set when the fence carries `runnable` or `runnable=<role>`. */
  role?: ExampleRole;
  /** The meta string without our flags, for the highlighter (`null` when nothing is left). */
  rest: string | null;
  problems: string[];
};

function isRole(value: string): value is ExampleRole {
  return (exampleRoles as readonly string[]).includes(value);
}

const metaTokenPattern = /(?:[^\s"']+|"[^"]*"|'[^']*')+/g;

/** Reads our flags from a fence's meta string (```bash runnable=failure title="x" → role + rest). */
export function parseFenceMeta(lang: string | null | undefined, meta: string | null | undefined): FenceMeta {
  const problems: string[] = [];
  const rest: string[] = [];
  let role: ExampleRole | undefined;
  for (const token of meta?.match(metaTokenPattern) ?? []) {
    const [key = "", value] = token.split(/=(.*)/s, 2);
    if (key === "runnable") {
      if (role !== undefined) problems.push("the fence says runnable twice: keep one");
      const wanted = value === undefined || value === "" ? "check" : value.replace(/^["']|["']$/g, "");
      if (isRole(wanted)) role = wanted;
      else problems.push(`unknown runnable role "${wanted}": write runnable, runnable=failure or runnable=fixed`);
    } else if (/^run/i.test(key)) {
      problems.push(`"${token}" is not a fence flag: did you mean runnable (or runnable=failure, runnable=fixed)?`);
    } else if (/^expect/i.test(key)) {
      problems.push(`"${token}" in the fence is not checked: write expectations inside the block as "# expect: <a line it prints>"`);
    } else {
      rest.push(token);
    }
  }
  const language = (lang ?? "").toLowerCase();
  if (role !== undefined && !runnableLanguages.has(language)) {
    problems.push(`runnable blocks run with bash: open the fence with \`\`\`bash runnable (wrap Node code in node -e), not \`\`\`${lang ?? "(no language)"}`);
  }
  return { role, rest: rest.length > 0 ? rest.join(" ") : null, problems };
}

const expectationPattern = /^\s*# expect: (\S.*?)\s*$/;
const looseExpectationPattern = /^\s*#\s*expect\b/i;
const regexPattern = /^\/(.+)\/([imsu]*)$/;

/** The `# expect:` lines of a block; `firstLine` is the source line of the block's first line. */
export function parseExpectations(code: string, firstLine: number): { expectations: Expectation[]; problems: RunnableProblem[] } {
  const expectations: Expectation[] = [];
  const problems: RunnableProblem[] = [];
  code.split("\n").forEach((text, index) => {
    const line = firstLine + index;
    const match = expectationPattern.exec(text);
    if (match?.[1] !== undefined) {
      const written = match[1];
      const regex = regexPattern.exec(written);
      if (regex) {
        try {
          new RegExp(regex[1] ?? "", regex[2]);
        } catch (error) {
          problems.push({ field: "runnable", line, message: `"# expect: ${written}" is not a valid regular expression (${error instanceof Error ? error.message : String(error)})` });
          return;
        }
        expectations.push({ kind: "regex", text: written, line });
      } else {
        expectations.push({ kind: "line", text: written, line });
      }
    } else if (looseExpectationPattern.test(text)) {
      problems.push({ field: "runnable", line, message: `"${text.trim()}" is not checked: write "# expect: <a line the block prints>" (lower case, a colon, then the text)` });
    }
  });
  return { expectations, problems };
}

function headingText(node: RootContent): string {
  if (!("children" in node)) return "value" in node ? String(node.value) : "";
  return node.children.map((child) => headingText(child)).join("");
}

function mentionsMockIdp(node: { type: string; value?: unknown; url?: unknown }): boolean {
  // Frontmatter (and the export mdx-bundler makes of it) is metadata, not body text.
  if (node.type === "yaml" || node.type === "mdxjsEsm") return false;
  const text = typeof node.value === "string" ? node.value : typeof node.url === "string" ? node.url : "";
  return text.includes("/mock-idp");
}

type CodeVisit = { node: Code; section: string; block: number };

/** Every code block in document order, with the `##` section it sits in. */
function eachCodeBlock(tree: Root, onBlock: (visit: CodeVisit) => void): void {
  let section = "(before the first section)";
  let block = 0;
  for (const child of tree.children) {
    if (child.type === "heading" && child.depth === 2) {
      section = headingText(child).trim();
      continue;
    }
    visit(child, "code", (node: Code) => {
      block += 1;
      onBlock({ node, section, block });
    });
  }
}

/** Finds the runnable blocks of an entry and every mistake in how they are marked. Does not modify the tree. */
export function scanRunnableExamples(tree: Root): RunnableScan {
  const examples: RunnableExample[] = [];
  const problems: RunnableProblem[] = [];
  let unmarked = 0;
  let mockIdpLine: number | undefined;

  visit(tree, (node) => {
    if (mockIdpLine === undefined && mentionsMockIdp(node)) mockIdpLine = node.position?.start.line;
  });

  eachCodeBlock(tree, ({ node, section, block }) => {
    const line = node.position?.start.line ?? 0;
    const meta = parseFenceMeta(node.lang, node.meta);
    for (const message of meta.problems) problems.push({ field: "runnable", line, message });
    if (meta.role === undefined) {
      if (shellLanguages.has((node.lang ?? "").toLowerCase()) && node.value.includes(exampleOrigin)) unmarked += 1;
      return;
    }
    const parsed = parseExpectations(node.value, line + 1);
    problems.push(...parsed.problems);
    if (!node.value.includes(exampleOrigin)) {
      problems.push({
        field: "runnable",
        line,
        message: `block ${block} is marked runnable but never calls ${exampleOrigin}: runnable blocks run against the bundled mock IdP (${exampleOrigin}/mock-idp); drop the flag for blocks that need another host`,
      });
    }
    if (parsed.expectations.length === 0 && parsed.problems.length === 0) {
      problems.push({ field: "runnable", line, message: `block ${block} is marked runnable but says nothing it must print: add "# expect: <a line it prints>" under the command` });
    }
    examples.push({ block, section, line, role: meta.role, code: node.value, expectations: parsed.expectations });
  });

  return { examples, problems, mockIdpLine, unmarked };
}

const reproduceLabels: Record<Exclude<ExampleRole, "check">, string> = {
  failure: "the failing request",
  fixed: "the fixed request",
};

function reproduceLabel(role: Exclude<ExampleRole, "check">): Paragraph {
  return {
    type: "paragraph",
    data: { hProperties: { dataReproduce: role } },
    children: [{ type: "strong", children: [{ type: "text", value: "Reproduce it:" }] }, { type: "text", value: ` ${reproduceLabels[role]}` }],
  };
}

/**
 * Prepares the tree for rendering and export: removes our flags from fence meta strings (the
 * highlighter and Markdown readers see a plain ```bash) and puts a "Reproduce it" label before
 * each failure and fixed block. Run it after `scanRunnableExamples`.
 */
export function labelRunnableExamples(tree: Root): void {
  visit(tree, "code", (node: Code, index, parent) => {
    const meta = parseFenceMeta(node.lang, node.meta);
    node.meta = meta.rest;
    if (meta.role === undefined || meta.role === "check" || parent === undefined || index === undefined) return;
    parent.children.splice(index, 0, reproduceLabel(meta.role));
    return index + 2; // skip the label and the block just visited
  });
}

/** Why the bundled mock IdP is known to reproduce an entry, or undefined when it is not. */
export function mockIdpReproduces(input: { scenarios: readonly string[]; mockIdpLine?: number }): string | undefined {
  if (input.scenarios.length > 0) return `the mock IdP scenario${input.scenarios.length > 1 ? "s" : ""} ${input.scenarios.join(", ")} reproduce${input.scenarios.length > 1 ? "" : "s"} it`;
  if (input.mockIdpLine !== undefined) return `its body uses the bundled mock IdP (line ${input.mockIdpLine})`;
  return undefined;
}

export type ExampleCoverage = { file: string; examples: readonly RunnableExample[]; scenarios: readonly string[]; mockIdpLine?: number };

/** An entry the bundled mock IdP reproduces must have at least one runnable block. */
export function checkExampleCoverage(entries: readonly ExampleCoverage[]): Array<RunnableProblem & { file: string }> {
  return entries.flatMap((entry) => {
    const reason = mockIdpReproduces(entry);
    if (reason === undefined || entry.examples.length > 0) return [];
    return [
      {
        file: entry.file,
        field: "runnable",
        message: `${reason}, but no code block is marked runnable: mark the blocks that run against ${exampleOrigin} as \`\`\`bash runnable and add "# expect:" lines (content/README.md, "Runnable examples")`,
      },
    ];
  });
}

export type ExampleRun = { exitCode: number | null; stdout: string; stderr: string; timedOut: boolean };

export type ExampleVerdict = { ok: true } | { ok: false; message: string };

function wildcardRegex(text: string): RegExp {
  const parts = text.split("…").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".*")}$`, "s");
}

/** Whether one stdout line satisfies an expectation (surrounding whitespace ignored; `…` matches anything). */
export function matchesExpectation(expectation: Pick<Expectation, "kind" | "text">, line: string): boolean {
  const trimmed = line.trim();
  if (expectation.kind === "regex") {
    const [, pattern = "", flags = ""] = regexPattern.exec(expectation.text) ?? [];
    return new RegExp(pattern, flags).test(trimmed);
  }
  return wildcardRegex(expectation.text.trim()).test(trimmed);
}

function indent(text: string, limit = 40): string {
  const lines = text.replace(/\n$/, "").split("\n");
  const shown = lines.length > limit ? [...lines.slice(0, limit), `… ${lines.length - limit} more line(s)`] : lines;
  return shown.map((line) => `    | ${line}`).join("\n");
}

/** Compares a run with what the block promises: exit code 0, then every expectation in order. */
export function judgeExampleRun(where: { file: string; slug: string }, example: RunnableExample, run: ExampleRun): ExampleVerdict {
  const lines = run.stdout.split("\n");
  let cursor = 0;
  const report: string[] = [];
  let missing = 0;
  for (const expectation of example.expectations) {
    const found = lines.findIndex((line, index) => index >= cursor && matchesExpectation(expectation, line));
    if (found === -1) {
      missing += 1;
      report.push(`    MISSING  # expect: ${expectation.text}   (line ${expectation.line})`);
    } else {
      cursor = found + 1;
      report.push(`    ok       # expect: ${expectation.text}   (stdout line ${found + 1})`);
    }
  }
  const exitOk = run.exitCode === 0 && !run.timedOut;
  if (exitOk && missing === 0) return { ok: true };

  const exit = run.timedOut
    ? `did not finish within ${exampleTimeoutSeconds} s (killed)`
    : `exited with ${run.exitCode ?? "a signal"}${run.exitCode === 0 ? "" : " (a command in it failed: every command must succeed)"}${run.exitCode === 7 ? `; 7 is curl's "could not connect": only ${exampleOrigin} is reachable from a runnable block` : ""}`;
  const problem = missing > 0 ? `${missing} of ${example.expectations.length} expected line(s) missing` : "it did not finish cleanly";
  return {
    ok: false,
    message: [
      `${where.file}:${example.line}: ${where.slug}, block ${example.block} (${example.section}, ${example.role}): ${problem}; the block ${exit}.`,
      "  expected, in order (each after the previous match; … matches anything):",
      ...report,
      `  stdout:`,
      run.stdout.trim() === "" ? "    (empty)" : indent(run.stdout),
      ...(run.stderr.trim() === "" ? [] : ["  stderr:", indent(run.stderr, 20)]),
      "  Fix the block or its # expect: lines so the entry says what the bundled mock IdP really answers.",
    ].join("\n"),
  };
}
