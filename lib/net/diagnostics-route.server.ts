// What every diagnostics API route does: read the input (query string, or a JSON body for POST),
// refuse bad input with a 4xx JSON error, apply the rate and concurrency limits, inject the
// guarded fetch (or the in-process route to the bundled mock IdP) and answer the tool's result.
import "server-only";
import { findRunnableDiagnostic } from "@/lib/diagnostics/registry";
import { readCappedText } from "@/lib/http/read-capped";
import type { ReferenceData } from "@/lib/diagnostics/fetcher";
import type { ToolResult } from "@/lib/diagnostics/findings";
import type { DiagnosticOutcome } from "@/lib/diagnostics/run";
import type { DiagnosticError } from "@/lib/diagnostics/input";
import { createDiagnosticsFetch, isOwnMockIdp, isPrivateNetworkAllowed, siteOrigin } from "./diagnostics-fetch.server";
import { attemptWithinDiagnosticsLimits } from "./diagnostics-limits.server";

/** Largest JSON body a diagnostics POST may send. */
export const maxDiagnosticBodyBytes = 64 * 1024;

function errorResponse(status: number, error: DiagnosticError, headers: Record<string, string> = {}): Response {
  return Response.json(error, { status, headers: { "cache-control": "no-store", ...headers } });
}

async function readInput(request: Request): Promise<{ ok: true; source: URLSearchParams | unknown } | { ok: false; response: Response }> {
  if (request.method === "GET" || request.method === "HEAD") return { ok: true, source: new URL(request.url).searchParams };
  if (request.method !== "POST") {
    return { ok: false, response: errorResponse(405, { error: "method_not_allowed", message: `${request.method} is not supported; use GET with a query string or POST with a JSON body.` }, { allow: "GET, POST" }) };
  }
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, response: errorResponse(415, { error: "unsupported_media_type", message: `Content-Type is ${type || "missing"}; send the input as application/json.` }) };
  }
  // Counted as it arrives, so a chunked body without Content-Length is cut off at the limit too.
  const read = await readCappedText(request, maxDiagnosticBodyBytes);
  if (!read.ok) {
    const status = read.reason === "too_large" ? 413 : 400;
    return { ok: false, response: errorResponse(status, { error: read.reason === "too_large" ? "body_too_large" : "invalid_body", message: read.message }) };
  }
  try {
    return { ok: true, source: JSON.parse(read.text) };
  } catch {
    return { ok: false, response: errorResponse(400, { error: "invalid_json", message: "The body is not valid JSON; send an object such as {\"issuer\": \"https://idp.example.com\"}." }) };
  }
}

/**
 * The lookup tools' data, built once per process. Imported on first use, so the fetching tools'
 * routes do not load the catalogue. A failure is a server-side fault, logged for the operator.
 */
async function loadReference(): Promise<ReferenceData> {
  try {
    const [{ getSearchIndex }, { getCodeReference }] = await Promise.all([import("@/lib/search/index.server"), import("@/lib/codes/reference")]);
    return { index: await getSearchIndex(), codes: getCodeReference() };
  } catch (error) {
    console.error("diagnostics: the search index or the code reference could not be loaded:", error);
    throw error;
  }
}

function unknownTool(toolId: string): DiagnosticError {
  return { error: "unknown_tool", message: `There is no diagnostic called "${toolId.slice(0, 40)}".` };
}

/**
 * Runs one diagnostic on already-read input, for a caller reached through `request`: the limits,
 * the guarded fetch (or the in-process route to the bundled IdP) and the lookup data. The API
 * routes and the MCP tools both call this, so they give the same findings for the same input.
 */
export async function runDiagnostic(request: Request, toolId: string, source: URLSearchParams | unknown): Promise<DiagnosticOutcome<ToolResult>> {
  const tool = findRunnableDiagnostic(toolId);
  if (tool === undefined) return { ok: false, status: 404, error: unknownTool(toolId) };
  const prepared = tool.prepare(source);
  if (!prepared.ok) return { ok: false, status: 400, error: prepared.error };

  const outcome = await attemptWithinDiagnosticsLimits(request, async () => {
    const allowPrivateNetwork = isPrivateNetworkAllowed();
    const inProcess = isOwnMockIdp(prepared.prepared.target, siteOrigin(request));
    return prepared.prepared.run({
      fetch: createDiagnosticsFetch(request, allowPrivateNetwork),
      allowPrivateNetwork: allowPrivateNetwork || inProcess,
      now: Date.now,
      reference: loadReference,
    });
  });
  if (!outcome.ok) {
    const { status, error, message, retryAfterSeconds } = outcome.refusal;
    return { ok: false, status, error: { error, message }, retryAfterSeconds };
  }
  const run = outcome.value;
  return run.ok ? { ok: true, result: run.result } : { ok: false, status: run.status, error: run.error };
}

export async function serveDiagnostic(request: Request, toolId: string): Promise<Response> {
  if (findRunnableDiagnostic(toolId) === undefined) return errorResponse(404, unknownTool(toolId));
  const input = await readInput(request);
  if (!input.ok) return input.response;
  const outcome = await runDiagnostic(request, toolId, input.source);
  if (outcome.ok) return Response.json(outcome.result, { headers: { "cache-control": "no-store" } });
  const retry: Record<string, string> = outcome.retryAfterSeconds === undefined ? {} : { "Retry-After": String(outcome.retryAfterSeconds) };
  return errorResponse(outcome.status, outcome.error, retry);
}
