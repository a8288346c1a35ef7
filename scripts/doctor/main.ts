// The doctor CLI: runs a diagnostic from a terminal or a CI job, through the same registry and
// checks as the API. `--json` prints exactly the API's body. Exit codes: 0 no failing finding,
// 1 a failing finding, 2 bad usage or an input that could not be reached.
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { ReferenceData } from "../../lib/diagnostics/fetcher";
import type { Finding, ToolResult } from "../../lib/diagnostics/findings";
import { countFindings } from "../../lib/diagnostics/findings";
import { findRunnableDiagnostic } from "../../lib/diagnostics/registry";
import { createSafeFetch } from "../../lib/net/safe-fetch.server";
import { getSiteOrigin } from "../../lib/site.server";
import { UsageError } from "./command";
import { doctorCommands } from "./commands/index";
import { formatTable } from "./table";

const globalOptions = {
  json: { type: "boolean", default: false },
  "public-only": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

const usage = `usage: doctor <tool> [arguments] [--json] [--public-only]

tools:
${doctorCommands.flatMap((command) => command.usage).map((line) => `  ${line}`).join("\n")}

options:
  --json          print the API's JSON body instead of a table
  --public-only   refuse loopback and private addresses, as the hosted site does
                  (by default the CLI may check an IdP on your own machine or network)
  --help          this text

exit codes: 0 no failing finding · 1 a failing finding · 2 bad usage or unreachable input
examples:
  npm run doctor -- discovery https://idp.example.com
  npm run doctor -- jwks http://localhost:3000/mock-idp/scenarios/rotated-key --token '{"alg":"RS256","kid":"demo-rs256-2025b"}'
  pbpaste | npm run doctor -- lookup -`;

type Invocation = { tool: string; input: Record<string, unknown>; json: boolean; publicOnly: boolean };

function parseArguments(argv: readonly string[], options: ParseArgsConfig["options"]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: { ...globalOptions, ...options } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function parseInvocation(argv: readonly string[]): Invocation | "help" {
  const name = argv.find((argument) => !argument.startsWith("-"));
  const command = doctorCommands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    if (argv.includes("--help") || argv.includes("-h")) return "help";
    throw new UsageError(name === undefined ? "name a tool" : `unknown tool "${name.slice(0, 40)}"; the tools are ${doctorCommands.map((candidate) => candidate.name).join(", ")}`);
  }
  // Only the command name itself goes: a pasted text may contain the same word.
  const at = argv.indexOf(name ?? "");
  const { values, positionals } = parseArguments([...argv.slice(0, at), ...argv.slice(at + 1)], command.options);
  if (values.help === true) return "help";
  return { tool: command.tool, input: command.toInput({ values, positionals }), json: values.json === true, publicOnly: values["public-only"] === true };
}

function statusLabel(status: Finding["status"]): string {
  return status.toUpperCase();
}

export function renderResult(result: ToolResult & Record<string, unknown>, siteOrigin: string): string {
  const counts = countFindings(result.checks);
  const rows = result.checks.map((check) => [statusLabel(check.status), check.message, check.entry ? new URL(check.entry, siteOrigin).href : ""]);
  const lines = [formatTable(["STATUS", "FINDING", "EXPLAINED IN"], rows)];
  if (Array.isArray(result.keys) && result.keys.length > 0) {
    const keyRows = result.keys.map((key: Record<string, unknown>) => [String(key.kid ?? "(none)"), String(key.kty), String(key.alg ?? ""), String(key.use ?? ""), String(key.crv ?? (key.bits ? `${String(key.bits)} bits` : "")), String(key.thumbprint ?? "")]);
    lines.unshift(formatTable(["KID", "KTY", "ALG", "USE", "CURVE/SIZE", "THUMBPRINT"], keyRows), "");
  }
  if (Array.isArray(result.entries)) {
    const parsed = typeof result.parsed === "object" && result.parsed !== null ? Object.entries(result.parsed) : [];
    const read = parsed.filter(([field, value]) => ["codes", "status", "description", "vendor"].includes(field) && value !== null && !(Array.isArray(value) && value.length === 0));
    const entryRows = result.entries.map((entry: Record<string, unknown>) => [String(entry.title), new URL(String(entry.url), siteOrigin).href]);
    lines.unshift(...read.map(([field, value]) => `${field}: ${Array.isArray(value) ? value.join(", ") : String(value)}`), ...(read.length > 0 ? [""] : []));
    if (entryRows.length > 0) lines.push("", formatTable(["ENTRY", "URL"], entryRows));
  }
  lines.push("", `${result.tool}: ${counts.pass} pass · ${counts.warn} warn · ${counts.fail} fail · ${counts.skip} skip → ${result.ok ? "OK" : "FAILED"}`);
  return lines.join("\n");
}

/** The lookup tools' data, imported on first use: building the search index compiles the catalogue (cached in .cache/content). */
async function loadReference(report: (text: string) => void): Promise<ReferenceData> {
  try {
    const [{ getSearchIndex }, { getCodeReference }] = await Promise.all([import("../../lib/search/index.server"), import("../../lib/codes/reference")]);
    return { index: await getSearchIndex(), codes: getCodeReference() };
  } catch (error) {
    report(`doctor: the catalogue could not be loaded (run it from the project root; npm run check:content names the problem): ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

export async function runDoctor(argv: readonly string[], out: { log: (text: string) => void; error: (text: string) => void }): Promise<number> {
  let invocation;
  try {
    invocation = parseInvocation(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    out.error(`doctor: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (invocation === "help") {
    out.log(usage);
    return 0;
  }
  const tool = findRunnableDiagnostic(invocation.tool);
  if (tool === undefined) {
    out.error(`doctor: unknown tool "${invocation.tool}"`);
    return 2;
  }
  const prepared = tool.prepare(invocation.input);
  if (!prepared.ok) {
    if (invocation.json) out.log(JSON.stringify(prepared.error, null, 2));
    else out.error(`doctor: ${prepared.error.message}`);
    return 2;
  }
  const allowPrivateNetwork = !invocation.publicOnly;
  const run = await prepared.prepared.run({ fetch: createSafeFetch({ allowPrivateNetwork }), allowPrivateNetwork, now: Date.now, reference: () => loadReference(out.error) });
  if (!run.ok) {
    if (invocation.json) out.log(JSON.stringify(run.error, null, 2));
    else out.error(`doctor: ${run.error.message}`);
    return 2;
  }
  const result = run.result;
  out.log(invocation.json ? JSON.stringify(result, null, 2) : renderResult(result, getSiteOrigin()));
  if ("reachable" in result && result.reachable === false) return 2;
  return result.ok ? 0 : 1;
}
