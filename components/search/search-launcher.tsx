"use client";

// The header's search button and its shortcuts (`/` outside text fields, Ctrl/Cmd+K anywhere).
// The dialog's code is not part of any page: it loads on the first request to open it, or a
// moment earlier when the pointer or focus reaches the button.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { SearchDialogProps } from "./search-dialog";

const loadDialog = () => import("./search-dialog").then((module) => ({ default: module.SearchDialog }));
const SearchDialog = lazy(loadDialog);

export type SearchLauncherProps = Omit<SearchDialogProps, "openRequest">;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}

export function SearchLauncher(props: SearchLauncherProps) {
  const [openRequest, setOpenRequest] = useState(0);
  const open = useCallback(() => setOpenRequest((count) => count + 1), []);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const commandK = event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey;
      const slash = event.key === "/" && !event.metaKey && !event.ctrlKey && !event.altKey && !isEditable(event.target);
      if (!commandK && !slash) return;
      event.preventDefault();
      open();
    }
    window.addEventListener("keydown", onKeyDown);
    // Says the shortcuts are live (the page has hydrated); tests and scripts can wait for it.
    buttonRef.current?.setAttribute("data-shortcuts", "ready");
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        onClick={open}
        onPointerEnter={loadDialog}
        onFocus={loadDialog}
        aria-haspopup="dialog"
        aria-keyshortcuts="/ Control+K Meta+K"
        className="flex items-center gap-2 rounded-lg border border-zinc-300 px-2.5 py-1.5 sm:px-3 text-sm text-zinc-600 hover:border-zinc-400 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:text-zinc-300 dark:hover:border-zinc-500 dark:hover:text-zinc-100"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
          <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.83l3.65 3.64a.75.75 0 1 1-1.06 1.06l-3.64-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
        </svg>
        <span className="sr-only sm:not-sr-only">Search</span>
        <kbd aria-hidden="true" className="hidden rounded border border-zinc-300 px-1.5 font-sans text-xs text-zinc-500 sm:inline dark:border-zinc-600 dark:text-zinc-400">/</kbd>
      </button>
      {openRequest > 0 ? (
        <Suspense fallback={null}>
          <SearchDialog {...props} openRequest={openRequest} />
        </Suspense>
      ) : null}
    </>
  );
}
