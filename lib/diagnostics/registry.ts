// The runnable diagnostics, keyed by widget id. Each turns raw input (a query string or a JSON
// body) into either a 4xx error or a prepared run with network access still to be injected. The
// API routes, the doctor CLI and the MCP server all dispatch through this table.
import type { DiagnosticDeps } from "./fetcher";
import type { ToolResult } from "./findings";
import type { DiagnosticError, ParseResult } from "./input";
import { parseDiscoveryInput, runDiscoveryCheck } from "./discovery";
import type { DiagnosticRun } from "./run";
import { parseJwksInput, runJwksCheck } from "./jwks";
import { parseProviderPrecedenceInput, runProviderPrecedence } from "./provider-precedence";
import { isLiveRedirectUriInput, parseRedirectUriInput, runRedirectUriCheck } from "./redirect-uri";
import { inspectionIssuer, parseIdTokenInput, runIdTokenInspection } from "./id-token";
import { parseErrorLookupInput, runErrorLookup } from "./error-lookup";

export type PreparedDiagnostic = {
  /** The first URL the run fetches (the route to the bundled IdP keys on it), if any. */
  target: string | null;
  run: (deps: DiagnosticDeps) => Promise<DiagnosticRun<ToolResult>>;
};

export type RunnableDiagnostic = {
  prepare: (source: URLSearchParams | unknown) => { ok: true; prepared: PreparedDiagnostic } | { ok: false; error: DiagnosticError };
};

function defineDiagnostic<Input>(
  parse: (source: URLSearchParams | unknown) => ParseResult<Input>,
  run: (input: Input, deps: DiagnosticDeps) => Promise<DiagnosticRun<ToolResult>>,
  target: (input: Input) => string | null,
): RunnableDiagnostic {
  return {
    prepare(source) {
      const parsed = parse(source);
      if (!parsed.ok) return parsed;
      return { ok: true, prepared: { target: target(parsed.input), run: (deps) => run(parsed.input, deps) } };
    },
  };
}

export const runnableDiagnostics: Record<string, RunnableDiagnostic> = {
  discovery: defineDiagnostic(parseDiscoveryInput, runDiscoveryCheck, (input) => input.issuer),
  jwks: defineDiagnostic(parseJwksInput, runJwksCheck, (input) => input.issuer ?? input.jwks_uri ?? null),
  "provider-precedence": defineDiagnostic(parseProviderPrecedenceInput, runProviderPrecedence, () => null),
  "redirect-uri": defineDiagnostic(parseRedirectUriInput, runRedirectUriCheck, (input) => (isLiveRedirectUriInput(input) ? input.issuer : null)),
  // Its input holds the token, so it is dispatched only where the token already is (the CLI) and
  // must never get an API route; the widget calls inspectIdToken in the browser instead.
  "id-token": defineDiagnostic(parseIdTokenInput, runIdTokenInspection, inspectionIssuer),
  "error-lookup": defineDiagnostic(parseErrorLookupInput, runErrorLookup, () => null),
};

export function findRunnableDiagnostic(id: string): RunnableDiagnostic | undefined {
  return Object.hasOwn(runnableDiagnostics, id) ? runnableDiagnostics[id] : undefined;
}
