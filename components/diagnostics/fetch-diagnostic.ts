// One call to our own diagnostics API, turned into something a widget can show: the typed
// result, or a sentence saying what went wrong and what to do. Never throws, except for an abort.
import { errorResponseSchema } from "./tool-responses";

export type DiagnosticOutcome<R> = { status: "done"; result: R } | { status: "error"; message: string };

type FetchDiagnosticOptions = {
  signal?: AbortSignal;
  /** Sent as a JSON POST body (tools whose API takes POST); a GET without one. */
  body?: unknown;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
};

function errorOutcome(message: string): DiagnosticOutcome<never> {
  return { status: "error", message };
}

function parseJson(text: string): { ok: true; json: unknown } | { ok: false } {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function refusalMessage(response: Response, json: unknown): string {
  const body = errorResponseSchema.safeParse(json);
  if (body.success) return body.data.message;
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get("retry-after"));
    const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? `${retryAfter} seconds` : "a minute";
    return `Too many checks in a short time. Wait ${wait} and try again.`;
  }
  return `The diagnostics API answered HTTP ${response.status} without saying why. Try again in a moment.`;
}

export async function fetchDiagnostic<R>(url: string, parse: (json: unknown) => R | undefined, options: FetchDiagnosticOptions = {}): Promise<DiagnosticOutcome<R>> {
  const fetchImpl = options.fetch ?? fetch;
  let response: Response;
  let text: string;
  try {
    const post: RequestInit = options.body === undefined ? {} : { method: "POST", body: JSON.stringify(options.body), headers: { accept: "application/json", "content-type": "application/json" } };
    response = await fetchImpl(url, { headers: { accept: "application/json" }, ...post, signal: options.signal });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return errorOutcome("Could not reach the diagnostics API: the request failed before an answer arrived. Check your connection and try again.");
  }
  const body = parseJson(text);
  if (!body.ok) {
    return errorOutcome(`The diagnostics API answered HTTP ${response.status} with something that is not JSON, so there is no result to show. Try again in a moment.`);
  }
  if (!response.ok) return errorOutcome(refusalMessage(response, body.json));
  const result = parse(body.json);
  if (result === undefined) {
    return errorOutcome("The diagnostics API answered in a shape this page does not understand. Reload the page to get its current version, then try again.");
  }
  return { status: "done", result };
}
