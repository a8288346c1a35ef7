"use client";

import { useEffect, useState } from "react";
import { entryAnchor, entryMarkdownUrl } from "@/lib/urls";

// The one listener behind every `CopyButton` (components/ui/copy-button.tsx), mounted once in the
// layout. It also owns the live region that tells screen readers the copy worked.

const resetAfterMs = 2000;

function fetchText(path: string): Promise<string> {
  return fetch(path).then((response) => {
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.text();
  });
}

/**
 * `url`, `fetch` and `text` copy the button's `data-copy-value`; `entry-url` and `entry-markdown`
 * (the catalogue's buttons) copy the link to, or the Markdown of, the entry the button sits in.
 */
function textToCopy(button: HTMLElement): string | Promise<string> {
  const value = button.dataset.copyValue ?? "";
  const entry = button.closest<HTMLElement>("[data-entry]")?.dataset.entry ?? "";
  switch (button.dataset.copy) {
    case "url":
      return new URL(value, window.location.href).toString();
    case "fetch":
      return fetchText(value);
    case "entry-url":
      return new URL(`${window.location.pathname}#${entryAnchor(entry)}`, window.location.href).toString();
    case "entry-markdown":
      return fetchText(entryMarkdownUrl(entry));
    default:
      return value;
  }
}

async function writeClipboard(text: string | Promise<string>): Promise<boolean> {
  try {
    if (typeof text !== "string" && typeof ClipboardItem !== "undefined") {
      // Handing the clipboard a pending item keeps the click's user activation (Safari needs it).
      const blob = text.then((body) => new Blob([body], { type: "text/plain" }));
      try {
        await navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
        return true;
      } catch {
        // Fall through: some browsers refuse pending items but accept plain text.
      }
    }
    await navigator.clipboard.writeText(await text);
    return true;
  } catch {
    return false;
  }
}

export function CopyHandler() {
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const timers = new Map<HTMLElement, number>();
    async function onClick(event: MouseEvent) {
      const button = event.target instanceof Element ? event.target.closest("button[data-copy]") : null;
      if (!(button instanceof HTMLButtonElement)) return;
      const copied = await writeClipboard(textToCopy(button));
      button.dataset.state = copied ? "copied" : "failed";
      setAnnouncement(copied ? "Copied to clipboard" : "Copy failed");
      window.clearTimeout(timers.get(button));
      timers.set(
        button,
        window.setTimeout(() => {
          delete button.dataset.state;
          timers.delete(button);
          setAnnouncement("");
        }, resetAfterMs),
      );
    }
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("click", onClick);
      for (const timer of timers.values()) window.clearTimeout(timer);
    };
  }, []);

  return (
    <div className="sr-only" role="status" aria-live="polite">
      {announcement}
    </div>
  );
}
