// The doctor CLI: runs a diagnostic from a terminal or a CI job, through the same registry and
// checks as the API. `--json` prints exactly the API's body. Exit codes: 0 no failing finding,
// 1 a failing finding, 2 bad usage or an input that could not be reached.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Finding, ToolResult } from "../../lib/diagnostics/findings";
import { countFindings } from "../../lib/diagnostics/findings";
import { findRunnableDiagnostic } from "../../lib/diagnostics/registry";
import { createSafeFetch } from "../../lib/net/safe-fetch.server";
import { getSiteOrigin } from "../../lib/site.server";
import { formatTable } from "./table";

const usage = `usage: doctor <tool> [arguments] [--json] [--public-only]

tools:
  discovery <issuer>                          check an issuer's discovery document
  jwks <issuer> [--token <header|token|->]    list and check an issuer's keys
  jwks --jwks-uri <url> [--token …]           the same, for a key set URL

options:
  --json          print the API's JSON body instead of a table
  --public-only   refuse loopback and private addresses, as the hosted site does
                  (by default the CLI may check an IdP on your own machine or network)
  --help          this text

exit codes: 0 no failing finding · 1 a failing finding · 2 bad usage or unreachable input
examples:
  npm run doctor -- discovery https://idp.example.com
  npm run doctor -- jwks http://localhost:3000/mock-idp/scenarios/rotated-key --token '{"alg":"RS256","kid":"demo-rs256-2025b"}'`;

class UsageError extends Error {}

type Invocation = { tool: string; input: Record<string, string>; json: boolean; publicOnly: boolean };

function readStdin(): string {
  return readFileSync(0, "utf8");
}

export function parseInvocation(argv: readonly string[]): Invocation | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        "public-only": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        "jwks-uri": { type: "string" },
        token: { type: "string" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  const [tool, ...rest] = positionals;
  if (tool === undefined) throw new UsageError("name a tool (discovery or jwks)");
  const common = { json: values.json, publicOnly: values["public-only"] };
  const onlyOne = (what: string) => {
    if (rest.length > 1) throw new UsageError(`${tool} takes one ${what}; got ${rest.length} arguments`);
    return rest[0];
  };
  switch (tool) {
    case "discovery": {
      if (values["jwks-uri"] !== undefined || values.token !== undefined) throw new UsageError("discovery takes only an issuer");
      const issuer = onlyOne("issuer");
      if (issuer === undefined) throw new UsageError("discovery needs an issuer, e.g. doctor discovery https://idp.example.com");
      return { tool, input: { issuer }, ...common };
    }
    case "jwks": {
      const issuer = onlyOne("issuer");
      const jwksUri = values["jwks-uri"];
      if ((issuer === undefined) === (jwksUri === undefined)) throw new UsageError("jwks needs an issuer or --jwks-uri <url>, not both");
      const token = values.token === "-" ? readStdin().trim() : values.token;
      return { tool, input: { ...(issuer !== undefined ? { issuer } : { jwks_uri: jwksUri ?? "" }), ...(token !== undefined ? { token } : {}) }, ...common };
    }
    default:
      throw new UsageError(`unknown tool "${tool}"; the tools are discovery and jwks`);
  }
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
  lines.push("", `${result.tool}: ${counts.pass} pass · ${counts.warn} warn · ${counts.fail} fail · ${counts.skip} skip → ${result.ok ? "OK" : "FAILED"}`);
  return lines.join("\n");
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
  const run = await prepared.prepared.run({ fetch: createSafeFetch({ allowPrivateNetwork }), allowPrivateNetwork, now: Date.now });
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
