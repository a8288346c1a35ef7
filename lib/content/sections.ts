// Turns an entry's MDX syntax tree into structured sections (symptom, causes, fix, verify,
// prevention). Pure: runs wherever the tree comes from, and reports problems instead of throwing.
import type { Root, RootContent } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { toMarkdown } from "mdast-util-to-markdown";
import { mdxToMarkdown } from "mdast-util-mdx";
import { gfmToMarkdown } from "mdast-util-gfm";
import type { EntryBody, EntryCause, EntrySection } from "./entry";

export type SectionProblem = { field: string; message: string; line?: number };

export type SectionsResult =
  | { ok: true; body: EntryBody }
  | { ok: false; problems: SectionProblem[] };

const sectionNames = ["symptom", "cause", "fix", "verify", "prevention"] as const;
type SectionName = (typeof sectionNames)[number];
const requiredSections: readonly SectionName[] = ["symptom", "cause", "fix"];
const causeIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isSectionName(value: string): value is SectionName {
  return (sectionNames as readonly string[]).includes(value);
}

function plainText(node: RootContent | Root): string {
  if ("value" in node && typeof node.value === "string") {
    return node.type === "code" || node.type === "inlineCode" || node.type === "text" ? node.value : "";
  }
  if (!("children" in node)) return "";
  const isBlockContainer =
    node.type === "root" || node.type === "list" || node.type === "listItem" ||
    node.type === "blockquote" || node.type === "mdxJsxFlowElement" || node.type === "table" ||
    node.type === "tableRow";
  const separator = isBlockContainer ? (node.type === "tableRow" ? " | " : "\n") : "";
  const children: RootContent[] = node.children;
  return children.map((child) => plainText(child)).join(separator);
}

function textOf(nodes: RootContent[]): string {
  return nodes
    .map((node) => plainText(node))
    .join("\n")
    .replace(/[ \t]+/g, " ")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/** Markdown for exports; `<Callout>` becomes a blockquote so plain Markdown readers keep it. */
function markdownOf(nodes: RootContent[]): string {
  const converted = nodes.map((node): RootContent => {
    if (node.type === "mdxJsxFlowElement" && node.name === "Callout") {
      return { type: "blockquote", children: node.children.filter((c) => c.type !== "mdxJsxFlowElement") };
    }
    return node;
  });
  return toMarkdown(
    { type: "root", children: converted },
    { extensions: [mdxToMarkdown(), gfmToMarkdown()], bullet: "-", fence: "`", fences: true },
  ).trim();
}

function attribute(element: MdxJsxFlowElement, name: string): string | undefined {
  for (const attr of element.attributes) {
    if (attr.type === "mdxJsxAttribute" && attr.name === name && typeof attr.value === "string") {
      return attr.value;
    }
  }
  return undefined;
}

function toSection(nodes: RootContent[]): EntrySection {
  return { text: textOf(nodes), markdown: markdownOf(nodes) };
}

/** `aliases="old-id other-old"`: retired ids of a cause, space-separated. */
function parseCauseAliases(value: string | undefined): string[] {
  return value?.split(/\s+/).filter(Boolean) ?? [];
}

function extractCauses(nodes: RootContent[], problems: SectionProblem[]): EntryCause[] {
  const causes: EntryCause[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    if (node.type !== "mdxJsxFlowElement" || node.name !== "Cause") continue;
    const line = node.position?.start.line;
    const id = attribute(node, "id");
    const title = attribute(node, "title");
    if (!id) {
      problems.push({ field: "Cause.id", message: 'a <Cause> has no id: add id="kebab-case-id"', line });
      continue;
    }
    if (!causeIdPattern.test(id)) {
      problems.push({ field: "Cause.id", message: `"${id}" must be kebab-case`, line });
    }
    if (seen.has(id)) {
      problems.push({ field: "Cause.id", message: `duplicate cause id "${id}": cause anchors must be unique in an entry`, line });
    }
    if (!title) {
      problems.push({ field: "Cause.title", message: `cause "${id}" has no title: add title="…"`, line });
    }
    seen.add(id);
    causes.push({ id, aliases: parseCauseAliases(attribute(node, "aliases")), title: title ?? id, ...toSection(node.children), line });
  }
  checkCauseAliases(causes, problems);
  return causes;
}

/** Cause aliases are kebab-case, unique in the entry, and never the id of a current cause. */
function checkCauseAliases(causes: EntryCause[], problems: SectionProblem[]): void {
  const ids = new Set(causes.map((cause) => cause.id));
  const claimedBy = new Map<string, string>();
  for (const cause of causes) {
    for (const alias of cause.aliases) {
      const line = cause.line;
      if (!causeIdPattern.test(alias)) {
        problems.push({ field: "Cause.aliases", message: `"${alias}" on cause "${cause.id}" must be kebab-case (aliases are space-separated ids)`, line });
      } else if (ids.has(alias)) {
        problems.push({ field: "Cause.aliases", message: `"${alias}" on cause "${cause.id}" is the id of a current cause: an alias names a retired id only`, line });
      } else if (claimedBy.has(alias)) {
        const owner = claimedBy.get(alias);
        const where = owner === cause.id ? "twice on the same cause" : `already by cause "${owner}"`;
        problems.push({ field: "Cause.aliases", message: `"${alias}" on cause "${cause.id}" is used ${where}: an alias leads to one cause`, line });
      } else {
        claimedBy.set(alias, cause.id);
      }
    }
  }
}

/** Splits the body at `## ` headings and extracts the structured sections. */
export function extractSections(tree: Root): SectionsResult {
  const problems: SectionProblem[] = [];
  const groups = new Map<SectionName, RootContent[]>();
  let current: SectionName | undefined;
  let lastIndex = -1;

  for (const node of tree.children) {
    if (node.type === "yaml") continue;
    // mdx-bundler injects `export const frontmatter`; an entry's own import/export is refused by
    // the MDX safety check (mdx-safety.ts), not here.
    if (node.type === "mdxjsEsm") continue;
    if (node.type === "heading" && node.depth === 2) {
      const name = plainText(node).trim().toLowerCase();
      const line = node.position?.start.line;
      if (!isSectionName(name)) {
        problems.push({ field: "sections", message: `unknown section "## ${plainText(node).trim()}": use Symptom, Cause, Fix, Verify or Prevention`, line });
        current = undefined;
        continue;
      }
      if (groups.has(name)) {
        problems.push({ field: "sections", message: `section "## ${name}" appears twice`, line });
      }
      const index = sectionNames.indexOf(name);
      if (index < lastIndex) {
        problems.push({ field: "sections", message: `section "## ${name}" is out of order: Symptom, Cause, Fix, Verify, Prevention`, line });
      }
      lastIndex = Math.max(lastIndex, index);
      current = name;
      groups.set(name, []);
      continue;
    }
    if (node.type === "heading" && node.depth === 1) {
      problems.push({ field: "sections", message: "no level-1 headings in the body: the title comes from frontmatter", line: node.position?.start.line });
      continue;
    }
    if (!current) {
      problems.push({ field: "sections", message: "content before the first section: start the body with ## Symptom", line: node.position?.start.line });
      continue;
    }
    groups.get(current)?.push(node);
  }

  for (const name of requiredSections) {
    if (!groups.get(name)?.length) {
      const heading = name[0]?.toUpperCase() + name.slice(1);
      problems.push({ field: "sections", message: `missing "## ${heading}" section (Symptom, Cause and Fix are required)` });
    }
  }

  const causeNodes = groups.get("cause") ?? [];
  const causes = extractCauses(causeNodes, problems);
  if (causeNodes.length > 0 && causes.length === 0) {
    problems.push({ field: "Cause", message: 'the Cause section has no <Cause id="…" title="…"> element: wrap each candidate cause in one' });
  }
  for (const node of tree.children) {
    if (node.type === "mdxJsxFlowElement" && node.name === "Cause" && !causeNodes.includes(node)) {
      problems.push({ field: "Cause", message: "<Cause> outside the ## Cause section", line: node.position?.start.line });
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  const optional = (name: SectionName) => {
    const nodes = groups.get(name);
    return nodes && nodes.length > 0 ? toSection(nodes) : undefined;
  };
  return {
    ok: true,
    body: {
      symptom: toSection(groups.get("symptom") ?? []),
      causes,
      fix: toSection(groups.get("fix") ?? []),
      verify: optional("verify"),
      prevention: optional("prevention"),
    },
  };
}

/** Every `/troubleshooting/<slug>` link target in the body, for the link check. */
export function collectEntryLinks(tree: Root): Array<{ slug: string; line?: number }> {
  const links: Array<{ slug: string; line?: number }> = [];
  function visit(nodes: RootContent[]): void {
    for (const node of nodes) {
      if (node.type === "link") {
        const match = /^\/troubleshooting\/([^/#?.]+)/.exec(node.url);
        if (match?.[1]) links.push({ slug: match[1], line: node.position?.start.line });
      }
      if ("children" in node) visit(node.children);
    }
  }
  visit(tree.children);
  return links;
}
