"use client";

import { useState, type ReactNode } from "react";

type CopyButtonProps = {
  /** Text to copy, or a site path/anchor resolved against the current origin when `asUrl`. */
  value: string;
  asUrl?: boolean;
  label: string;
  className?: string;
  children?: ReactNode;
};

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function CopyButton({ value, asUrl = false, label, className, children }: CopyButtonProps) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    const text = asUrl ? new URL(value, window.location.href).toString() : value;
    setStatus((await writeClipboard(text)) ? "copied" : "failed");
    window.setTimeout(() => setStatus("idle"), 2000);
  }

  return (
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      title={label}
      data-copy-value={value}
      className={
        className ??
        "rounded border border-zinc-300 bg-white/90 px-2 py-0.5 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-600 dark:bg-zinc-800/90 dark:text-zinc-200 dark:hover:bg-zinc-700"
      }
    >
      {status === "copied" ? "Copied" : status === "failed" ? "Copy failed" : (children ?? "Copy")}
      <span className="sr-only" aria-live="polite">
        {status === "copied" ? "Copied to clipboard" : ""}
      </span>
    </button>
  );
}
