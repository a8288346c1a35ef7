"use client";

import { useEffect, useState } from "react";

// The one listener behind every `CopyButton` (components/ui/copy-button.tsx), mounted once in the
// layout. It also owns the live region that tells screen readers the copy worked.

const resetAfterMs = 2000;

function textToCopy(button: HTMLElement): string | Promise<string> {
  const value = button.dataset.copyValue ?? "";
  switch (button.dataset.copy) {
    case "url":
      return new URL(value, window.location.href).toString();
    case "fetch":
      return fetch(value).then((response) => {
        if (!response.ok) throw new Error(`${value} answered ${response.status}`);
        return response.text();
      });
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
