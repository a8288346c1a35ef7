"use client";

// A tool's input and its latest result. On a tool's own page the input lives in the query string
// (`?issuer=…`), so a result can be shared and the back button steps through earlier checks:
// submitting pushes a history entry, and arriving with input (or going back to it) runs the tool.
// Embedded in an entry (`syncUrl: false`) the input stays in the widget, as several widgets may
// share that page. useSearchParams on a static page needs the widget rendered in the browser
// only (lazy-widget.tsx) or under a <Suspense> boundary.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { diagnosticsApiUrl, withQuery, type QueryInput } from "@/lib/urls";
import { fetchDiagnostic, type DiagnosticOutcome } from "./fetch-diagnostic";

/** The tool's parameters that are set, in the order of the tool's keys. */
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
};

// Results kept for the back button, so that going back shows a result without asking again.
const rememberedResults = 20;

function toToolQuery(read: (key: string) => string | null | undefined, keys: readonly string[]): ToolQuery | null {
  const entries = keys.flatMap((key): Array<[string, string]> => {
    const value = read(key)?.trim();
    return value ? [[key, value]] : [];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

export function useToolQuery<R>({ tool, keys, parse, syncUrl }: ToolQueryOptions<R>) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const urlQuery = useMemo(() => toToolQuery((key) => searchParams.get(key), keys), [searchParams, keys]);
  const [localQuery, setLocalQuery] = useState<ToolQuery | null>(null);
  const query = syncUrl ? urlQuery : localQuery;
  const requestUrl = query ? diagnosticsApiUrl(tool, query) : null;

  const [state, setState] = useState<ToolRunState<R>>({ status: "idle" });
  const results = useRef(new Map<string, DiagnosticOutcome<R>>());
  // The request a submit asked for: that one always goes to the server, even when remembered.
  const submittedUrl = useRef<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const run = useCallback(
    (url: string, reuse: boolean) => {
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
      fetchDiagnostic(url, parse, { signal: controller.signal }).then(
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
    if (!requestUrl) {
      inFlight.current?.abort();
      setState({ status: "idle" });
      return;
    }
    const submitted = submittedUrl.current === requestUrl;
    submittedUrl.current = null;
    run(requestUrl, !submitted);
  }, [requestUrl, run]);

  useEffect(() => () => inFlight.current?.abort(), []);

  const submit = useCallback(
    (input: QueryInput) => {
      const next = toToolQuery((key) => input[key], keys);
      if (!next) return;
      const url = diagnosticsApiUrl(tool, next);
      // The same input again: check again, without a second identical history entry.
      if (url === requestUrl) {
        run(url, false);
        return;
      }
      submittedUrl.current = url;
      // Next.js folds pushState into its router, so useSearchParams sees the new query.
      if (syncUrl) window.history.pushState(null, "", withQuery(pathname, next));
      else setLocalQuery(next);
    },
    [keys, tool, requestUrl, run, syncUrl, pathname],
  );

  return { query, state, submit };
}
