"use client";

// A tool's input and its latest result. On a tool's own page the input lives in the query string
// (`?issuer=…`), so a result can be shared and the back button steps through earlier checks:
// submitting pushes a history entry, and arriving with input (or going back to it) runs the tool.
// Embedded in an entry (`syncUrl: false`) the input stays in the widget, as several widgets may
// share that page. useSearchParams on a static page needs the widget rendered in the browser
// only (lazy-widget.tsx) or under a <Suspense> boundary. A key in `repeated` may appear several
// times (`?registered=a&registered=b`): the query holds its values one per line, as a textarea
// shows them, and the URL and the API get them as a list.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { diagnosticsApiUrl, withQuery, type QueryInput } from "@/lib/urls";
import { fetchDiagnostic, type DiagnosticOutcome } from "./fetch-diagnostic";

/** The tool's parameters that are set, in the order of the tool's keys (a repeated key's values one per line). */
export type ToolQuery = Readonly<Record<string, string>>;

export type ToolRunState<R> = { status: "idle" } | { status: "checking" } | DiagnosticOutcome<R>;

type ToolQueryOptions<R> = {
  /** The API's tool name: `/api/diagnostics/<tool>`. */
  tool: string;
  /** The query parameters that make up the input; stable across renders (a module constant). */
  keys: readonly string[];
  /** Checks the API's JSON; stable across renders. */
  parse: (json: unknown) => R | undefined;
  syncUrl: boolean;
  /** Keys that may repeat; a module constant, like `keys`. */
  repeated?: readonly string[];
  /** POST sends the input as a JSON body to the API (for tools that take POST only). */
  method?: "GET" | "POST";
};

/** One API call: `key` (the GET URL) names it for the back button's memory; POST sends `body`. */
type ToolRequest = { key: string; url: string; body?: QueryInput };

const noKeys: readonly string[] = [];

// Results kept for the back button, so that going back shows a result without asking again.
const rememberedResults = 20;

function toToolQuery(read: (key: string) => string | readonly string[] | null | undefined, keys: readonly string[], repeated: readonly string[]): ToolQuery | null {
  const entries = keys.flatMap((key): Array<[string, string]> => {
    const raw = read(key);
    const values = typeof raw === "string" ? [raw] : (raw ?? []);
    const value = repeated.includes(key) ? values.flatMap((item) => item.split("\n").map((line) => line.trim())).filter(Boolean).join("\n") : values[0]?.trim();
    return value ? [[key, value]] : [];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

function toQueryInput(query: ToolQuery, repeated: readonly string[]): QueryInput {
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, repeated.includes(key) ? value.split("\n") : value]));
}

function toToolRequest(tool: string, query: ToolQuery, repeated: readonly string[], method: "GET" | "POST"): ToolRequest {
  const input = toQueryInput(query, repeated);
  const key = diagnosticsApiUrl(tool, input);
  return method === "POST" ? { key, url: diagnosticsApiUrl(tool), body: input } : { key, url: key };
}

export function useToolQuery<R>({ tool, keys, parse, syncUrl, repeated = noKeys, method = "GET" }: ToolQueryOptions<R>) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const urlQuery = useMemo(() => toToolQuery((key) => searchParams.getAll(key), keys, repeated), [searchParams, keys, repeated]);
  const [localQuery, setLocalQuery] = useState<ToolQuery | null>(null);
  const query = syncUrl ? urlQuery : localQuery;
  const request = useMemo(() => (query ? toToolRequest(tool, query, repeated, method) : null), [query, tool, repeated, method]);
  const requestUrl = request?.key ?? null;

  const [state, setState] = useState<ToolRunState<R>>({ status: "idle" });
  const results = useRef(new Map<string, DiagnosticOutcome<R>>());
  // The request a submit asked for: that one always goes to the server, even when remembered.
  const submittedUrl = useRef<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const run = useCallback(
    ({ key: url, ...call }: ToolRequest, reuse: boolean) => {
      inFlight.current?.abort();
      inFlight.current = null;
      const remembered = reuse ? results.current.get(url) : undefined;
      if (remembered) {
        setState(remembered);
        return;
      }
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ status: "checking" });
      fetchDiagnostic(call.url, parse, { signal: controller.signal, body: call.body }).then(
        (outcome) => {
          if (controller.signal.aborted) return;
          if (outcome.status === "done") {
            results.current.delete(url);
            results.current.set(url, outcome);
            const oldest = results.current.keys().next().value;
            if (results.current.size > rememberedResults && oldest !== undefined) results.current.delete(oldest);
          }
          setState(outcome);
        },
        // Only an abort rejects: a newer check replaced this one.
        () => undefined,
      );
    },
    [parse],
  );

  useEffect(() => {
    if (!request) {
      inFlight.current?.abort();
      setState({ status: "idle" });
      return;
    }
    const submitted = submittedUrl.current === request.key;
    submittedUrl.current = null;
    run(request, !submitted);
    // Keyed on the request's URL, not the object: a new but equal query must not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestUrl, run]);

  useEffect(() => () => inFlight.current?.abort(), []);

  const submit = useCallback(
    (input: QueryInput) => {
      const next = toToolQuery((key) => input[key], keys, repeated);
      if (!next) return;
      const nextRequest = toToolRequest(tool, next, repeated, method);
      // The same input again: check again, without a second identical history entry.
      if (nextRequest.key === requestUrl) {
        run(nextRequest, false);
        return;
      }
      submittedUrl.current = nextRequest.key;
      // Next.js folds pushState into its router, so useSearchParams sees the new query.
      if (syncUrl) window.history.pushState(null, "", withQuery(pathname, toQueryInput(next, repeated)));
      else setLocalQuery(next);
    },
    [keys, tool, requestUrl, run, syncUrl, pathname, repeated, method],
  );

  return { query, state, submit };
}
