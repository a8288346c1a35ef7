"use client";

// The search engine as React state: nothing loads until `start()` is first called (on focus,
// on open, or when the page arrives with a query). After a failed load, `start()` tries again.
import { useCallback, useRef, useState } from "react";
import { loadSearch, type LoadedSearch } from "./load-search";

export type SearchLoadStatus = "idle" | "loading" | "ready" | "error";

export function useSearchEngine(): { engine: LoadedSearch | null; status: SearchLoadStatus; start: () => void } {
  const [engine, setEngine] = useState<LoadedSearch | null>(null);
  const [status, setStatus] = useState<SearchLoadStatus>("idle");
  // Loading or loaded: a ref, so two calls in one render cannot both start a load.
  const started = useRef(false);

  const start = useCallback(() => {
    if (started.current) return;
    started.current = true;
    setStatus("loading");
    loadSearch().then(
      (loaded) => {
        setEngine(loaded);
        setStatus("ready");
      },
      () => {
        started.current = false;
        setStatus("error");
      },
    );
  }, []);

  return { engine, status, start };
}
