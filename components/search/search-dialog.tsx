"use client";

// The header's search dialog, opened by the search launcher (its button, `/` and Ctrl/Cmd+K; see
// search-launcher.tsx, which loads this module on first open). Results appear as you type
// (combobox + listbox, arrows and Enter, Esc closes); the engine and its index load on first open
// too. Multi-line pastes keep their line breaks (stack traces and logs are parsed line by line)
// although the input shows one line.
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import type { SearchResult } from "@/lib/search/index";
import { catalogueSearchUrl, codesUrl, toolUrl } from "@/lib/urls";
import { HighlightedText } from "./highlighted-text";
import { ParsedInputSummary } from "./parsed-input-summary";
import { useSearchEngine } from "./use-search-engine";

export type SearchDialogProps = {
  /** Area ids and titles, to label results with their area. */
  areas?: ReadonlyArray<{ id: string; title: string }>;
  /** Results shown at once. */
  limit?: number;
  /** Counts the launcher's open requests: each new value opens the dialog (or focuses its input). */
  openRequest: number;
};

// The same cap as the API: longer pastes are cut, not refused, in the browser.
const maxQueryLength = 10_000;

/** The input shows line breaks as spaces (same length), so an edit maps back onto the raw text. */
function toDisplay(raw: string): string {
  return raw.replace(/\n/g, " ");
}

function applyEdit(previousRaw: string, nextDisplay: string): string {
  const previous = toDisplay(previousRaw);
  let prefix = 0;
  while (prefix < previous.length && prefix < nextDisplay.length && previous[prefix] === nextDisplay[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < previous.length - prefix &&
    suffix < nextDisplay.length - prefix &&
    previous[previous.length - 1 - suffix] === nextDisplay[nextDisplay.length - 1 - suffix]
  ) {
    suffix++;
  }
  return previousRaw.slice(0, prefix) + nextDisplay.slice(prefix, nextDisplay.length - suffix) + previousRaw.slice(previousRaw.length - suffix);
}

function areaLabel(result: SearchResult, areas: ReadonlyMap<string, string>): string {
  if (result.kind === "code") return "Error code reference";
  return areas.get(result.area) ?? result.area.replace(/-/g, " ");
}

export function SearchDialog({ areas = [], limit = 8, openRequest }: SearchDialogProps) {
  const router = useRouter();
  const id = useId();
  const inputId = `${id}-input`;
  const listboxId = `${id}-listbox`;
  const titleId = `${id}-title`;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const caretRef = useRef<number | null>(null);
  const [raw, setRaw] = useState("");
  const { engine, status, start: startLoading } = useSearchEngine();
  const [active, setActive] = useState({ query: "", index: 0 });
  const query = useDeferredValue(raw);
  const areaTitles = useMemo(() => new Map(areas.map((area) => [area.id, area.title])), [areas]);

  const response = useMemo(
    () => (engine && query.trim().length > 0 ? engine.search(query, limit) : undefined),
    [engine, query, limit],
  );
  const results = response?.results ?? [];
  const activeIndex = active.query === query ? Math.min(active.index, Math.max(0, results.length - 1)) : 0;
  const optionId = (index: number) => `${id}-option-${index}`;


  const openDialog = useCallback(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    returnFocusRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    inputRef.current?.focus();
    inputRef.current?.select();
    startLoading();
  }, [startLoading]);

  function closeDialog() {
    dialogRef.current?.close();
  }

  useEffect(() => {
    if (openRequest === 0) return;
    if (dialogRef.current?.open) inputRef.current?.focus();
    else openDialog();
  }, [openRequest, openDialog]);

  useLayoutEffect(() => {
    if (caretRef.current === null) return;
    inputRef.current?.setSelectionRange(caretRef.current, caretRef.current);
    caretRef.current = null;
  }, [raw]);

  useEffect(() => {
    if (results.length === 0) return;
    document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView({ block: "nearest" });
  }, [id, activeIndex, results.length]);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const next = event.target.value;
    setRaw((previous) => applyEdit(previous, next).slice(0, maxQueryLength));
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const text = event.clipboardData.getData("text");
    if (!/[\r\n]/.test(text)) return;
    // A text input would drop the line breaks of a stack trace; keep them in the raw query.
    event.preventDefault();
    const input = event.currentTarget;
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const pasted = text.replace(/\r\n?/g, "\n");
    caretRef.current = start + pasted.length;
    setRaw((previous) => (previous.slice(0, start) + pasted + previous.slice(end)).slice(0, maxQueryLength));
  }

  function go(result: SearchResult) {
    closeDialog();
    router.push(result.url);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (results.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive({ query, index: (activeIndex + step + results.length) % results.length });
    } else if (event.key === "Enter") {
      event.preventDefault();
      const result = results[activeIndex];
      if (result) go(result);
    }
  }

  function onDialogClick(event: MouseEvent<HTMLDialogElement>) {
    // A click on the dialog element itself is a click on the backdrop around the panel.
    if (event.target === event.currentTarget) closeDialog();
  }

  function onClose() {
    const target = returnFocusRef.current;
    returnFocusRef.current = null;
    if (target?.isConnected) target.focus();
  }

  const trimmed = raw.trim();
  const showNoResults = status === "ready" && trimmed.length > 0 && response !== undefined && results.length === 0;
  const statusText =
    status === "loading"
      ? "Loading search…"
      : status === "error"
        ? "Search could not be loaded."
        : trimmed.length === 0
          ? ""
          : response === undefined
            ? ""
            : results.length === 0
              ? "No matching entry."
              : `${results.length} result${results.length === 1 ? "" : "s"}. Use the up and down arrows to choose, Enter to open.`;

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClick={onDialogClick}
      onClose={onClose}
      className="mx-auto mt-[8vh] w-[min(44rem,calc(100vw-1.5rem))] max-w-none rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex max-h-[80vh] flex-col">
        <div className="flex items-center gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-700">
          <h2 id={titleId} className="sr-only">Search the troubleshooting catalogue</h2>
          <label htmlFor={inputId} className="sr-only">
            Error code, message, JSON body, callback URL or log line
          </label>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 fill-zinc-400">
            <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.83l3.65 3.64a.75.75 0 1 1-1.06 1.06l-3.64-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
          </svg>
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls={listboxId}
            aria-autocomplete="list"
            aria-activedescendant={results.length > 0 ? optionId(activeIndex) : undefined}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="go"
            placeholder='Paste an error: invalid_client, {"error":…}, AADSTS50011, a stack trace…'
            value={toDisplay(raw)}
            onChange={onChange}
            onPaste={onPaste}
            onKeyDown={onKeyDown}
            className="min-w-0 flex-1 bg-transparent py-1 text-base outline-none placeholder:text-zinc-500 dark:placeholder:text-zinc-400"
          />
          <button
            type="button"
            onClick={closeDialog}
            className="rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            <span aria-hidden="true">Esc</span>
            <span className="sr-only">Close search</span>
          </button>
        </div>

        <p role="status" aria-live="polite" className="sr-only">
          {statusText}
        </p>

        {/* Focusable so that keyboard users can scroll long results or the no-results view. */}
        <div tabIndex={0} role="region" aria-label="Search results" className="min-h-0 overflow-y-auto focus-visible:outline-2 focus-visible:outline-blue-600">
          <ul id={listboxId} role="listbox" aria-label="Matching entries" className={results.length > 0 ? "p-2" : "hidden"}>
            {results.map((result, index) => {
              const selected = index === activeIndex;
              return (
                <li
                  key={result.url}
                  id={optionId(index)}
                  role="option"
                  aria-selected={selected}
                  onClick={() => go(result)}
                  onMouseMove={() => {
                    if (!selected) setActive({ query, index });
                  }}
                  className={`cursor-pointer rounded-lg px-3 py-2 ${selected ? "bg-blue-50 ring-1 ring-blue-500 dark:bg-blue-950/60" : ""}`}
                >
                  <span className="block font-medium">
                    <HighlightedText text={result.title} ranges={result.matches.title} />
                  </span>
                  {result.matches.cause ? (
                    <span className="mt-0.5 block text-sm text-zinc-700 dark:text-zinc-300">
                      Cause: <HighlightedText text={result.matches.cause.title} ranges={result.matches.cause.ranges} />
                    </span>
                  ) : null}
                  <span className="mt-0.5 line-clamp-2 block text-sm text-zinc-600 dark:text-zinc-400">
                    <HighlightedText text={result.summary} ranges={result.matches.summary} />
                  </span>
                  <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
                    <span>{areaLabel(result, areaTitles)}</span>
                    {result.match === "exact" ? (
                      <span className="rounded bg-emerald-100 px-1.5 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100">exact match</span>
                    ) : null}
                    {result.codes.slice(0, 4).map((code) => (
                      <code
                        key={code}
                        className={`rounded px-1 ${result.matches.codes.includes(code) ? "bg-amber-200 text-zinc-950 dark:bg-amber-300 dark:text-zinc-950" : "bg-zinc-100 dark:bg-zinc-800"}`}
                      >
                        {code}
                      </code>
                    ))}
                  </span>
                </li>
              );
            })}
          </ul>

          {status === "loading" && trimmed.length > 0 ? (
            <p className="px-4 py-6 text-sm text-zinc-600 dark:text-zinc-400">Loading search…</p>
          ) : null}

          {status === "error" ? (
            <div className="space-y-2 px-4 py-6 text-sm">
              <p>Search could not be loaded. Check your connection and open the dialog again, or browse the catalogue.</p>
              <Link href={catalogueSearchUrl(trimmed.slice(0, 500))} onClick={closeDialog} className="text-link">
                Open the catalogue
              </Link>
            </div>
          ) : null}

          {showNoResults && response ? (
            <div className="space-y-3 px-4 py-5" data-testid="search-no-results">
              <p className="font-medium">No entry matches this input.</p>
              <div>
                <p className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">What search read from it</p>
                <ParsedInputSummary parsed={response.parsed} />
              </div>
              <ul className="list-inside list-disc space-y-1 text-sm">
                <li>
                  <Link href={codesUrl()} onClick={closeDialog} className="text-link">
                    Look the code up in the error-code reference
                  </Link>
                </li>
                <li>
                  <Link href={toolUrl("error-lookup", { input: trimmed })} onClick={closeDialog} className="text-link">
                    Paste it into the error lookup tool
                  </Link>
                </li>
              </ul>
            </div>
          ) : null}

          {trimmed.length === 0 ? (
            <p className="px-4 py-6 text-sm text-zinc-600 dark:text-zinc-400">
              Paste what you have: an error code, a JSON error body, a callback URL with <code>?error=</code>, an
              exception message or a log line.
            </p>
          ) : null}
        </div>

        <div className="flex flex-wrap items-center justify-between gap-2 border-t border-zinc-200 px-4 py-2 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          <span aria-hidden="true">↑ ↓ to choose · Enter to open · Esc to close</span>
          {results.length > 0 && trimmed.length <= 500 ? (
            <Link href={catalogueSearchUrl(trimmed)} onClick={closeDialog} className="text-link">
              Filter the catalogue by this
            </Link>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
