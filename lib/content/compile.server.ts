// Compiles one entry's MDX with mdx-bundler and extracts its structured sections in the same
// pass. Results are cached on disk by content hash, so an unchanged entry is never recompiled.
import "server-only";
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import type { Root as MdastRoot } from "mdast";
import type { Root as HastRoot, Element } from "hast";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import rehypePrettyCode from "rehype-pretty-code";
import { visit } from "unist-util-visit";
import type { EntryBody, EntryRunnable } from "./entry";
import { checkMdxSafety } from "./mdx-safety";
import { labelRunnableExamples, scanRunnableExamples, type RunnableScan } from "./runnable";
import { collectEntryLinks, extractSections, type SectionProblem } from "./sections";

/** Bump when the pipeline's output changes, so cached results are not reused. */
const PIPELINE_VERSION = "10";

export type CompiledEntry = {
  code: string;
  body: EntryBody;
  links: Array<{ slug: string; line?: number }>;
  /** The runnable examples; `reproducedBy` is filled in by the catalogue (it knows the scenarios). */
  runnable: Omit<EntryRunnable, "reproducedBy"> & { mockIdpLine?: number };
};

export type CompileResult =
  | { ok: true; compiled: CompiledEntry; cached: boolean }
  | { ok: false; problems: SectionProblem[] };

export type CompileOptions = { cacheDir?: string };

function hashSource(source: string): string {
  return createHash("sha256").update(PIPELINE_VERSION).update("\0").update(source).digest("hex");
}

/** Remembers each code block's raw text so the copy button can offer it after highlighting. */
function rehypeKeepRawCode() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      const code = node.children[0];
      if (node.tagName !== "pre" || code?.type !== "element" || code.tagName !== "code") return;
      const text = code.children.map((child) => (child.type === "text" ? child.value : "")).join("");
      node.properties.dataRaw = text.replace(/\n$/, "");
    });
  };
}

/** Moves the raw text onto the `<pre>` inside the `<figure>` that rehype-pretty-code produced. */
function rehypeExposeRawCode() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "figure") return;
      const raw = node.properties.dataRaw;
      if (typeof raw !== "string") return;
      delete node.properties.dataRaw;
      for (const child of node.children) {
        if (child.type === "element" && child.tagName === "pre") child.properties.dataRaw = raw;
      }
    });
  };
}

type EsbuildMessage = { text?: unknown; location?: { line?: unknown } | null };

function isEsbuildFailure(error: unknown): error is { errors: EsbuildMessage[] } {
  return typeof error === "object" && error !== null && "errors" in error && Array.isArray(error.errors);
}

function formatMdxError(error: unknown): SectionProblem[] {
  if (isEsbuildFailure(error) && error.errors.length > 0) {
    return error.errors.map((item) => {
      // esbuild's text is "Cannot process MDX file with esbuild:\n  3:27: <the parser's reason>".
      const text = String(item.text ?? "unknown error");
      const detail = (text.split("\n")[1] ?? text).trim().replace(/^\d+:\d+(-\d+:\d+)?: /, "");
      const line = typeof item.location?.line === "number" ? item.location.line : undefined;
      return { field: "mdx", line, message: `MDX syntax error: ${detail} (write literal < { } inside backticks)` };
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return [{ field: "mdx", message: `MDX could not be compiled: ${message.split("\n")[0]}` }];
}

export async function compileEntry(source: string, options: CompileOptions = {}): Promise<CompileResult> {
  const cacheFile = options.cacheDir ? path.join(options.cacheDir, `${hashSource(source)}.json`) : undefined;
  if (cacheFile) {
    const cached = await readFile(cacheFile, "utf8").then(
      (text): CompiledEntry => JSON.parse(text),
      () => undefined,
    );
    if (cached) return { ok: true, compiled: cached, cached: true };
  }

  let sections: ReturnType<typeof extractSections> | undefined;
  let links: CompiledEntry["links"] = [];
  let runnable: RunnableScan | undefined;
  let unsafe: SectionProblem[] = [];
  function remarkCaptureSections() {
    return (tree: MdastRoot) => {
      unsafe = checkMdxSafety(tree);
      // Runnable blocks first: labelling them strips their flags before sections become Markdown.
      runnable = scanRunnableExamples(tree);
      labelRunnableExamples(tree);
      sections = extractSections(tree);
      links = collectEntryLinks(tree);
      // An entry that could run code never reaches the bundler: its imports and require() calls
      // are not resolved, and nothing of it is compiled or cached.
      if (unsafe.length > 0) throw new Error("the entry holds code");
    };
  }

  let code: string;
  try {
    const result = await bundleMDX({
      source,
      esbuildOptions(esbuild) {
        esbuild.logLevel = "silent"; // errors are reported as content problems instead
        return esbuild;
      },
      mdxOptions(mdx) {
        mdx.remarkPlugins = [...(mdx.remarkPlugins ?? []), remarkGfm, remarkCaptureSections];
        mdx.rehypePlugins = [
          ...(mdx.rehypePlugins ?? []),
          rehypeKeepRawCode,
          [rehypePrettyCode, { theme: { light: "github-light-default", dark: "github-dark-default" }, keepBackground: false, defaultLang: { block: "text" } }],
          rehypeExposeRawCode,
        ];
        return mdx;
      },
    });
    code = result.code;
  } catch (error) {
    if (unsafe.length > 0) {
      return { ok: false, problems: [...unsafe, ...(sections?.ok === false ? sections.problems : []), ...(runnable?.problems ?? [])] };
    }
    // A syntax error stops the parse before our plugin runs; report the position esbuild gives.
    return { ok: false, problems: formatMdxError(error) };
  }

  if (!sections) return { ok: false, problems: [{ field: "mdx", message: "the body could not be parsed" }] };
  const problems = [...(sections.ok ? [] : sections.problems), ...(runnable?.problems ?? [])];
  if (!sections.ok || problems.length > 0) return { ok: false, problems };
  const { examples, unmarked, mockIdpLine } = runnable ?? { examples: [], unmarked: 0 };

  const compiled: CompiledEntry = { code, body: sections.body, links, runnable: { examples, unmarked, mockIdpLine } };
  if (cacheFile && options.cacheDir) {
    await mkdir(options.cacheDir, { recursive: true });
    // Write then rename, so parallel build workers never read a half-written file.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(compiled));
    await rename(temporary, cacheFile);
  }
  return { ok: true, compiled, cached: false };
}
