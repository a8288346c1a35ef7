// The catalogue as Markdown for readers outside the site: one entry (`/troubleshooting/<slug>.md`),
// the index (`/llms.txt`, llmstxt.org format) and everything in one file (`/llms-full.txt`).
import { entriesForCode, groupBySource, httpStatusLabel, returnedAtLabels, type CodeReference } from "../codes";
import type { CodeDefinition } from "../codes/schema";
import type { Catalogue, Entry } from "../content/entry";
import { groupByArea } from "../content/group";
import { absoluteUrl, causeUrl, codeUrl, codesUrl, entryMarkdownUrl, entryUrl } from "../urls";

export const siteTitle = "OIDC FixBook";
export const siteSummary =
  "Troubleshooting catalogue for OAuth 2.0 and OpenID Connect relying parties: each entry goes from symptom to cause to fix, with error codes and verbatim library messages.";

/** Site-relative links (`/troubleshooting/x`, `/codes/y`) become absolute so the text stands alone. */
function absolutizeLinks(markdown: string, origin: string): string {
  return markdown.replace(/\]\((\/[^)\s]*)\)/g, (_match, path: string) => `](${absoluteUrl(path, origin)})`);
}

function facts(entry: Entry): string[] {
  const lines: string[] = [];
  if (entry.codes.length > 0) lines.push(`- Codes: ${entry.codes.map((code) => `\`${code}\``).join(", ")}`);
  if (entry.http.length > 0) lines.push(`- HTTP: ${entry.http.join(", ")}`);
  for (const message of entry.messages) {
    lines.push(`- Message: \`${message.text.replace(/`/g, "'")}\`${message.source ? ` (${message.source})` : ""}`);
  }
  lines.push(`- Updated: ${entry.updated}`);
  return lines;
}

/** One entry as Markdown; `headingLevel` 1 for a standalone file, 2 inside llms-full.txt. */
export function entryToMarkdown(entry: Entry, origin: string, headingLevel: 1 | 2 = 1): string {
  const h = (level: number) => "#".repeat(headingLevel + level - 1);
  const parts = [
    `${h(1)} ${entry.title}`,
    `URL: ${absoluteUrl(entryUrl(entry.slug), origin)}`,
    `> ${entry.summary}`,
    facts(entry).join("\n"),
    `${h(2)} Symptom`,
    entry.symptom.markdown,
    `${h(2)} Cause`,
    ...entry.causes.flatMap((cause) => [
      `${h(3)} ${cause.title}`,
      `Link: ${absoluteUrl(causeUrl(entry.slug, cause.id), origin)}`,
      cause.markdown,
    ]),
    `${h(2)} Fix`,
    entry.fix.markdown,
  ];
  if (entry.verify) parts.push(`${h(2)} Verify`, entry.verify.markdown);
  if (entry.prevention) parts.push(`${h(2)} Prevention`, entry.prevention.markdown);
  return `${absolutizeLinks(parts.join("\n\n"), origin)}\n`;
}

function definitionToMarkdown(definition: CodeDefinition, entries: readonly Entry[], origin: string): string {
  const lines = [
    `### ${definition.code}${definition.vendor ? ` (${definition.vendor})` : ""}: ${returnedAtLabels[definition.returned_at]}`,
    "",
    definition.meaning,
    "",
    `- Page: ${absoluteUrl(codeUrl(definition.code), origin)}`,
    `- HTTP: ${definition.http === null ? httpStatusLabel(null) : definition.http}`,
  ];
  if (definition.oauth_error) lines.push(`- Comes with: \`${definition.oauth_error}\``);
  if (definition.retry) lines.push(`- Retry: ${definition.retry}`);
  if (definition.spec) lines.push(`- Spec: ${definition.spec.title}${definition.spec.section ? `, section ${definition.spec.section}` : ""} (${definition.spec.url})`);
  const carrying = entriesForCode(entries, definition.code);
  if (carrying.length > 0) lines.push(`- Entries: ${carrying.map((entry) => absoluteUrl(entryUrl(entry.slug), origin)).join(", ")}`);
  return lines.join("\n");
}

/** The error-code reference as one Markdown section, grouped by source like `/codes`. */
export function codeReferenceToMarkdown(reference: CodeReference, entries: readonly Entry[], origin: string): string {
  const groups = groupBySource(reference).map((group) =>
    [`## ${group.label}`, ...group.definitions.map((definition) => definitionToMarkdown(definition, entries, origin))].join("\n\n"),
  );
  const intro = `Every error code the catalogue knows: what it means, where it is returned, its usual HTTP status, whether retrying helps, and the entries that explain it. Codes are case-sensitive as returned. Online: ${absoluteUrl(codesUrl(), origin)}.`;
  return `# Error-code reference\n\n${intro}\n\n${groups.join("\n\n")}\n`;
}

/** The index; with `full`, it also names the current llms-full.txt (entry count and hash). */
export function buildLlmsTxt(catalogue: Catalogue, origin: string, full?: LlmsFullStamp): string {
  const sections = groupByArea(catalogue).map(({ area, entries }) =>
    [
      `## ${area.title}`,
      "",
      ...entries.map((entry) => `- [${entry.title}](${absoluteUrl(entryMarkdownUrl(entry.slug), origin)}): ${entry.summary}`),
    ].join("\n"),
  );
  return [
    `# ${siteTitle}`,
    "",
    `> ${siteSummary}`,
    "",
    `Every entry is available as Markdown at the links below; the whole catalogue in one file is at ${absoluteUrl("/llms-full.txt", origin)}. Structured JSON: ${absoluteUrl("/api/entries", origin)}.`,
    "",
    ...(full ? [`Current llms-full.txt: ${full.entries} entries, SHA-256 ${full.sha256} (its first line says the same).`, ""] : []),
    ...sections.flatMap((section) => [section, ""]),
    "## Reference",
    "",
    `- [Error-code reference](${absoluteUrl(codesUrl(), origin)}): every OAuth 2.0, OpenID Connect, IdP and vendor error code with its meaning, HTTP status, retry rule, spec section and entries (also at the end of llms-full.txt)`,
    "",
  ].join("\n");
}

/** What the first line of llms-full.txt says, so a reader can tell whether its copy is current. */
export type LlmsFullStamp = {
  entries: number;
  /** When the file was generated, ISO 8601 in UTC to the second. */
  generated: string;
  /** SHA-256 (hex) of everything after the first line: equal content, equal hash, whatever the date. */
  sha256: string;
};

export type LlmsFull = { text: string; stamp: LlmsFullStamp };

const stampPattern = /^Entries: (\d+) · Generated: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) · SHA-256: ([0-9a-f]{64})$/;

export function formatLlmsFullStamp(stamp: LlmsFullStamp): string {
  return `Entries: ${stamp.entries} · Generated: ${stamp.generated} · SHA-256: ${stamp.sha256}`;
}

/** The inverse of `formatLlmsFullStamp`, for a file's first line; undefined when it is not a stamp. */
export function parseLlmsFullStamp(line: string): LlmsFullStamp | undefined {
  const match = stampPattern.exec(line);
  if (!match) return undefined;
  const [, entries = "", generated = "", sha256 = ""] = match;
  return { entries: Number(entries), generated, sha256 };
}

/** Web Crypto, so this module stays usable in the browser as well as in Node. */
async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export type LlmsFullOptions = {
  /** The error-code reference, appended after the entries. */
  codes?: CodeReference;
  /** The generation time to print (default: now). */
  now?: Date;
};

/** Every entry in catalogue order, then (when given) the error-code reference, under a stamp line. */
export async function buildLlmsFull(catalogue: Catalogue, origin: string, options: LlmsFullOptions = {}): Promise<LlmsFull> {
  const intro = [
    `# ${siteTitle}`,
    `> ${siteSummary}`,
    `The first line of this file gives the number of entries, when it was generated and the SHA-256 of everything after that line; ${absoluteUrl("/llms.txt", origin)} carries the current values, so a saved copy can be checked without downloading this file again.`,
  ].join("\n\n");
  const body = groupByArea(catalogue).flatMap(({ area, entries }) => [
    `# ${area.title}\n\n${area.summary}\n`,
    ...entries.map((entry) => entryToMarkdown(entry, origin, 2)),
  ]);
  if (options.codes) body.push(codeReferenceToMarkdown(options.codes, catalogue.entries, origin));
  const content = [`${intro}\n`, ...body].join("\n");
  const stamp: LlmsFullStamp = {
    entries: catalogue.entries.length,
    generated: (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    sha256: await sha256Hex(content),
  };
  return { text: `${formatLlmsFullStamp(stamp)}\n${content}`, stamp };
}
